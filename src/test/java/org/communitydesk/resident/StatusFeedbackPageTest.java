package org.communitydesk.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, points 4 and 6 on /status: the resident rates the work on the page (once, inside the window, as
 * the API allows), and a ticket blocked after too many wrong codes tells them to call the community office,
 * whose phone the page gives.
 */
@QuarkusTest
class StatusFeedbackPageTest {

    private String client;

    @BeforeEach
    void newClient() {
        client = "10.7." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void aResidentRatesTheWorkOnceOnThePageAndSeesItWasGiven() {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.path("code");
        String accessCode = created.path("accessCode");
        walk(code, "dispatch", "start");

        // Not resolved yet: no form.
        assertThat(lookup("zh", code, accessCode)).doesNotContain("id=\"resident-feedback-form\"")
                .contains("社区办公室电话", "0352-2041186");
        walk(code, "resolve");
        String zh = lookup("zh", code, accessCode);
        assertThat(zh).contains("id=\"resident-feedback-form\"", "评价处理结果", "您可以评价一次",
                "name=\"rating\" value=\"1\" required", "name=\"resolved\" value=\"yes\" required")
                .doesNotContain(" checked").doesNotContain(accessCode);
        assertThat(lookup("en", code, accessCode)).contains("Rate the work", "Is the problem solved?", "Send my rating");

        // Incomplete: the ticket's page again, with why and what was typed, and nothing recorded.
        String incomplete = feedback("en", Map.of("code", code, "accessCode", accessCode, "comment", "Quick <b>work</b>"))
                .then().statusCode(400).extract().asString();
        assertThat(incomplete).contains("Please choose a rating (1–5)", ">Quick &lt;b&gt;work&lt;/b&gt;</textarea>")
                .doesNotContain(accessCode);
        get(code).then().body("status", equalTo("RESOLVED"));

        // A wrong access code: the lookup's answer, nothing recorded.
        feedback("zh", Map.of("code", code, "accessCode", "WRONGONE", "rating", "4", "resolved", "yes"))
                .then().statusCode(404);
        get(code).then().body("status", equalTo("RESOLVED"));

        // Given: Post/Redirect/Get to a thank-you, and the ticket is closed as the API would close it.
        Response given = feedback("zh", Map.of("code", code.toLowerCase(), "accessCode", accessCode, "rating", "4",
                "resolved", "yes", "comment", "师傅很负责"));
        given.then().statusCode(303);
        String location = given.header("Location");
        assertThat(location).endsWith("/status?code=" + code + "&feedback=given");
        assertThat(resident("zh").when().get(location).then().statusCode(200).extract().asString())
                .contains("谢谢您的评价，已经收到", "value=\"" + code + "\"");
        get(code).then().body("status", equalTo("CLOSED"));

        // Once: the page shows it was given, and offers no second form.
        String after = lookup("zh", code, accessCode);
        assertThat(after).contains("id=\"feedback-given\"", "您已经评价过这次处理：4 分，已解决")
                .doesNotContain("id=\"resident-feedback-form\"");
        assertThat(lookup("en", code, accessCode)).contains("You rated this work: 4 of 5, resolved");
        feedback("zh", Map.of("code", code, "accessCode", accessCode, "rating", "1", "resolved", "no"))
                .then().statusCode(409);
        get(code).then().body("status", equalTo("CLOSED"));
        given().auth().none().header("X-Access-Code", accessCode).header("X-Forwarded-For", client)
                .when().get("/api/public/tickets/{code}", code).then().statusCode(200)
                .body("feedbackGiven.rating", equalTo(4)).body("feedbackGiven.resolved", equalTo(true))
                .body("officePhone", equalTo("0352-2041186"));
    }

    @Test
    void theStaffFollowUpFormHasNoPreselectedRating() {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.path("code");
        walk(code, "dispatch", "start", "resolve");
        String page = given().when().get("/console/tickets/{code}", code).then().statusCode(200).extract().asString();
        Matcher form = Pattern.compile("id=\"feedback-form\".*?</form>", Pattern.DOTALL).matcher(page);
        assertThat(form.find()).isTrue();
        assertThat(form.group()).contains("<option value=\"\">请选择</option>").doesNotContain("selected")
                .doesNotContain("checked");
    }

    @Test
    void aBlockedTicketTellsTheResidentToCallTheCommunityOffice() {
        Response created = create(intake("sewer-blockage", "zhenxingjie", "jianzhu-no3"));
        String code = created.path("code");
        String accessCode = created.path("accessCode");
        for (int i = 0; i <= 10; i++) {
            lookupResponse("zh", code, "WRONG" + i).then().statusCode(404);
        }

        String zh = lookupResponse("zh", code, accessCode).then().statusCode(404).extract().asString();
        assertThat(zh).contains("id=\"blocked\"", "请打电话给社区办公室", "振兴街社区办公室电话：0352-2043378",
                "href=\"tel:0352-2043378\"").doesNotContain("没有找到这张工单");
        assertThat(lookupResponse("en", code, accessCode).asString())
                .contains("Please call your community office", "Zhenxing Street Community office: 0352-2043378");
        // The API keeps one answer for unknown, wrong and blocked.
        given().auth().none().header("X-Access-Code", accessCode).header("X-Forwarded-For", client)
                .when().get("/api/public/tickets/{code}", code).then().statusCode(404)
                .body("detail", equalTo("No ticket with code '" + code + "'."));
    }

    @Test
    void theDirectoryGivesEachCommunitysOfficePhone() {
        given().when().get("/api/areas").then().statusCode(200)
                .body("find { it.code == 'pingcheng' }.children.find { it.code == 'yingbin' }.children"
                        + ".find { it.code == 'beixinyuan' }.officePhone", equalTo("0352-2041186"));
    }

    private RequestSpecification resident(String lang) {
        return given().auth().none().header("X-Forwarded-For", client).cookie("lang", lang).redirects().follow(false);
    }

    private Response lookupResponse(String lang, String code, String accessCode) {
        return resident(lang).contentType(ContentType.URLENC).formParam("code", code).formParam("accessCode", accessCode)
                .when().post("/status");
    }

    private String lookup(String lang, String code, String accessCode) {
        return lookupResponse(lang, code, accessCode).then().statusCode(200).extract().asString();
    }

    private Response feedback(String lang, Map<String, String> fields) {
        return resident(lang).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(new HashMap<>(fields)).when().post("/status/feedback");
    }
}
