package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.communitydesk.security.SessionKeySource;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The ticket page's return form (退单) over HTTP: shown to the lead's crew only, posted with a reason and a comment,
 * refused with the field named, and the returned badge and notice on the page and in the queue afterwards.
 */
@QuarkusTest
class ReturnPageTest {

    private static final String BROWSER_SESSION = "return-page-test-browser";

    @Inject
    Flash flash;

    private static String sentToTheSanitationCentre() {
        String code = create(intake("street-light", "yingbinlu", null)).then().statusCode(201).extract().path("code");
        move(code, "dispatch", dispatchBody("pingcheng-sanitation", "datong-sewage")).then().statusCode(200);
        return code;
    }

    private static Response post(User user, String code, Map<String, String> fields) {
        var request = user.request().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie(ConsoleSession.COOKIE, BROWSER_SESSION)
                .formParam(CsrfTokens.FIELD, SessionCookies.csrfToken(ConfigProvider.getConfig()
                        .getValue(SessionKeySource.PROPERTY, String.class), user.username(), BROWSER_SESSION))
                .formParam("version", get(code).path("version").toString());
        for (var field : fields.entrySet()) {
            request = request.formParam(field.getKey(), field.getValue());
        }
        return request.when().post("/console/tickets/{c}/return", code);
    }

    private Flash.Message message(User user, Response redirect, String code) {
        return flash.take(user.username(), redirect.cookie(Flash.COOKIE), code).orElseThrow();
    }

    @Test
    void theLeadsCrewReturnsTheOrderFromTheTicketPage() {
        String code = sentToTheSanitationCentre();
        User crew = TestUsers.contractor("return-page", "pingcheng-sanitation");
        String page = crew.request().when().get("/console/tickets/{c}?lang=zh", code).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("id=\"return-form\"", "退单原因", "value=\"NOT_OUR_JURISDICTION\"", "非本单位职责",
                "需其他部门处理", "name=\"comment\"");
        // The supporting organization's crew has no such form; nor has the office.
        assertThat(TestUsers.contractor("return-page-support", "datong-sewage").request().when()
                .get("/console/tickets/{c}", code).then().statusCode(200).extract().asString())
                .doesNotContain("return-form");
        assertThat(given().when().get("/console/tickets/{c}", code).then().extract().asString())
                .contains("return-form"); // the administrator records a return for the lead

        Response done = post(crew, code, Map.of("reason", "NEEDS_ANOTHER_AGENCY", "comment", "应由路灯管理部门处理"));
        done.then().statusCode(303);
        Flash.Message message = message(crew, done, code);
        assertThat(message.key()).isEqualTo("returnsDone");
        assertThat(message.error()).isFalse();
        get(code).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("REPORTED"))
                .body("lastReturn.comment", org.hamcrest.Matchers.equalTo("应由路灯管理部门处理"));

        String office = given().when().get("/console/tickets/{c}?lang=zh", code).then().statusCode(200).extract().asString();
        assertThat(office).contains("id=\"returned-badge\"", "已退单", "需其他部门处理", "id=\"return-notice\"",
                "平城区环卫服务中心", "应由路灯管理部门处理").doesNotContain("id=\"return-form\"");
        String english = given().when().get("/console/tickets/{c}?lang=en", code).then().statusCode(200).extract().asString();
        assertThat(english).contains("Returned", "Needs another agency", "Pingcheng Sanitation Service Centre returned the order");

        String queue = given().when().get("/console/tickets?returned=true&lang=zh&q=" + code).then().statusCode(200)
                .extract().asString();
        assertThat(queue).contains(code, "badge returned", "已退单 · 需其他部门处理");
    }

    @Test
    void aFormWithoutACommentOrWithABadReasonNamesTheFieldAndChangesNothing() {
        String code = sentToTheSanitationCentre();
        User crew = TestUsers.contractor("return-page-bad", "pingcheng-sanitation");

        Flash.Message blank = message(crew, post(crew, code, Map.of("reason", "WRONG_ADDRESS", "comment", " ")), code);
        assertThat(blank.key()).isEqualTo("flashInvalid");
        assertThat(blank.error()).isTrue();
        assertThat(blank.detail()).contains("说明");

        Flash.Message bad = message(crew, post(crew, code, Map.of("reason", "TOO_FAR", "comment", "太远")), code);
        assertThat(bad.key()).isEqualTo("flashInvalid");
        assertThat(bad.detail()).contains("原因");
        get(code).then().body("status", org.hamcrest.Matchers.equalTo("DISPATCHED"));
    }
}
