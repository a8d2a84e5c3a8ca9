package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, points 7, 8 and 11 over HTTP: what the ticket page, the intake and the dashboard say comes from
 * the bundles in the page's language; a stale form comes back filled in with what changed; the actions
 * that cannot be undone need their box ticked.
 */
@QuarkusTest
class PageFormsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    // --- Point 11: confirmation ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} without its box")
    @ValueSource(strings = { "cancel", "close", "access-code" })
    void anIrreversibleActionWithoutItsBoxTickedDoesNothingAndSaysWhy(String action) {
        String code = createTicket();
        walk(code, "close".equals(action) ? new String[] { "dispatch", "start", "resolve" } : new String[] { "dispatch" });
        Response before = get(code);
        String status = before.path("status");
        int version = before.path("version");

        Page zh = Page.as("zh");
        Response refused = zh.post(code, action, Map.of("version", "" + version, "reason", "WITHDRAWN"));
        refused.then().statusCode(303);
        assertThat(zh.follow(refused)).contains("没有做任何更改：请先勾选确认框").doesNotContain("issued-access-code");
        get(code).then().body("status", equalTo(status)).body("version", equalTo(version));

        Page en = Page.as("en");
        assertThat(en.follow(en.post(code, action, Map.of("version", "" + version, "reason", "WITHDRAWN"))))
                .contains("Nothing was done: tick the confirmation box first");
        get(code).then().body("status", equalTo(status)).body("version", equalTo(version));

        // The page says what will happen, next to a box the browser requires.
        assertThat(en.get("/console/tickets/" + code)).containsPattern(
                "name=\"confirm\" value=\"yes\" required> I confirm: " + switch (action) {
                    case "cancel" -> "the ticket is cancelled, and this cannot be undone";
                    case "close" -> "the ticket is closed";
                    default -> "a new access code is issued, and the old one stops working at once";
                });

        // Ticked, it is done.
        Response done = zh.post(code, action, Map.of("version", "" + version, "reason", "WITHDRAWN", "confirm", "yes"));
        assertThat(zh.follow(done)).contains(switch (action) {
            case "cancel" -> "已撤销。";
            case "close" -> "已办结。";
            default -> "id=\"issued-access-code\"";
        });
    }

    @Test
    void staffSeeABlockedTicketAndANewAccessCodeFromThePageLiftsTheBlock() {
        Response created = org.communitydesk.support.TicketApi.create(
                org.communitydesk.support.TicketApi.intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.path("code");
        String guesser = "10.8." + (int) (Math.random() * 250) + ".7";
        for (int i = 0; i <= 10; i++) {
            given().auth().none().header("X-Forwarded-For", guesser).header("X-Access-Code", "WRONG" + i)
                    .when().get("/api/public/tickets/{code}", code).then().statusCode(404);
        }
        Page zh = Page.as("zh");
        assertThat(zh.get("/console/tickets/" + code)).contains("id=\"access-blocks\"", guesser);

        String shown = zh.follow(zh.post(code, "access-code", Map.of("version", get(code).path("version").toString(),
                "confirm", "yes")));
        Matcher issued = Pattern.compile("id=\"issued-access-code\" class=\"access-code\">([A-Z0-9]{8})<").matcher(shown);
        assertThat(issued.find()).isTrue();
        assertThat(shown).doesNotContain("id=\"access-blocks\"");
        given().auth().none().header("X-Forwarded-For", guesser).header("X-Access-Code", issued.group(1))
                .when().get("/api/public/tickets/{code}", code).then().statusCode(200);
    }

    // --- Point 8: a stale form comes back filled in -----------------------------------------------------------

    @Test
    void aStaleResolutionComesBackTypedInWithWhatChangedAboveIt() {
        String code = createTicket();
        walk(code, "dispatch", "start");
        Page zh = Page.as("zh");
        String page = zh.get("/console/tickets/" + code);
        String version = hidden(page, "version");
        String seen = hidden(page, "seen");
        // Meanwhile someone adds a note: the ticket's version moves on.
        move(code, "notes", Map.of("text", "居民说下午不在家", "visibility", "PUBLIC")).then().statusCode(201);

        Response stale = zh.post(code, "resolve", Map.of("version", version, "seen", seen,
                "resolution", "疏通主管道 <b>12 米</b>，清出油污", "rootCause", "油污结块"));

        stale.then().statusCode(409);
        String again = stale.asString();
        assertThat(again).contains("id=\"stale\"", "有人修改了这张工单", "工单现在的状态：处理中", "居民说下午不在家",
                        ">疏通主管道 &lt;b&gt;12 米&lt;/b&gt;，清出油污</textarea>", "value=\"油污结块\"")
                .doesNotContain("<b>12 米</b>");
        assertThat(hidden(again, "version")).isNotEqualTo(version).isEqualTo(get(code).path("version").toString());
        get(code).then().body("status", equalTo("IN_PROGRESS"));

        // In English too; sent again from that page, it is done.
        Page en = Page.as("en");
        move(code, "notes", Map.of("text", "Call before coming", "visibility", "INTERNAL")).then().statusCode(201);
        String english = en.post(code, "resolve", Map.of("version", hidden(again, "version"),
                "seen", hidden(again, "seen"), "resolution", "Main pipe cleared")).then().statusCode(409).extract().asString();
        assertThat(english).contains("Someone changed this ticket after you opened the page",
                "status now: In progress", "Call before coming", ">Main pipe cleared</textarea>")
                .doesNotContain("居民说下午不在家</span>");
        Response done = en.post(code, "resolve", Map.of("version", hidden(english, "version"),
                "resolution", "Main pipe cleared"));
        done.then().statusCode(303);
        get(code).then().body("status", equalTo("RESOLVED")).body("resolution", equalTo("Main pipe cleared"));
    }

    // --- Point 7: messages in the page's language ------------------------------------------------------------------

    @Test
    void validationMessagesNameTheFieldAsTheFormLabelsItInThePagesLanguage() {
        String code = createTicket();
        walk(code, "dispatch", "start");
        int version = get(code).path("version");
        for (String lang : new String[] { "zh", "en" }) {
            Page page = Page.as(lang);
            String shown = page.follow(page.post(code, "resolve", Map.of("version", "" + version, "resolution", " ")));
            assertThat(shown).contains("zh".equals(lang) ? "处理结果：必须填写" : "Resolution: is required")
                    .doesNotContain("must not be blank").doesNotContain("resolution:");
        }

        String stale = Page.as("zh").post(code, "cancel", Map.of("version", "1", "reason", "WITHDRAWN", "confirm", "yes"))
                .then().statusCode(409).extract().asString();
        assertThat(stale).contains("有人修改了这张工单").doesNotContain("If-Match").doesNotContain("does not match");

        String intakeZh = Page.as("zh").intake(Map.of("category", "", "description", "", "reporterName", "张先生",
                "community", "beixinyuan", "channel", "PHONE")).then().statusCode(400).extract().asString();
        assertThat(intakeZh).contains("问题类别：必须填写").doesNotContain("categoryCode").doesNotContain("must not be blank");
        String intakeEn = Page.as("en").intake(Map.of("category", "", "description", "", "reporterName", "Mr Zhang",
                "community", "beixinyuan", "channel", "PHONE")).then().statusCode(400).extract().asString();
        assertThat(intakeEn).contains("Category: is required").doesNotContain("categoryCode");
    }

    @Test
    void theDashboardSaysWhatIsWrongWithTheDatesInThePagesLanguage() {
        String zh = given().cookie("lang", "zh").queryParam("from", "2026-11-20").queryParam("to", "2026-11-01")
                .when().get("/dashboard").then().statusCode(400).extract().asString();
        assertThat(zh).contains("开始日期（2026-11-20）晚于结束日期（2026-11-01）。").doesNotContain("is after");
        String en = given().cookie("lang", "en").queryParam("from", "2026-11-20").queryParam("to", "2026-11-01")
                .when().get("/dashboard").then().statusCode(400).extract().asString();
        assertThat(en).contains("The start date (2026-11-20) is after the end date (2026-11-01).")
                .doesNotContain("from (2026-11-20)");
        String notADate = given().cookie("lang", "zh").queryParam("to", "yesterday").when().get("/dashboard").then()
                .statusCode(400).extract().asString();
        assertThat(notADate).contains("结束日期应为 2026-11-01 这样的日期。").doesNotContain("must be a date");
    }

    // --- Helpers --------------------------------------------------------------------------------------------------

    private static String hidden(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("hidden field %s", name).isTrue();
        return m.group(1);
    }

    /** The administrator's browser in one language: its session cookie, its CSRF token, the flash followed. */
    record Page(String lang, String session, String token) {

        static Page as(String lang) {
            Response intake = given().cookie("lang", lang).when().get("/console/intake");
            intake.then().statusCode(200);
            Matcher token = CSRF.matcher(intake.asString());
            assertThat(token.find()).isTrue();
            return new Page(lang, intake.cookie(ConsoleSession.COOKIE), token.group(1));
        }

        RequestSpecification request() {
            return given().cookie("lang", lang).cookie(ConsoleSession.COOKIE, session).redirects().follow(false);
        }

        String get(String path) {
            return request().when().get(path).then().statusCode(200).extract().asString();
        }

        Response post(String code, String action, Map<String, String> fields) {
            return form(fields).when().post("/console/tickets/" + code + "/" + action);
        }

        Response intake(Map<String, String> fields) {
            return form(fields).when().post("/console/intake");
        }

        private RequestSpecification form(Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token);
            return request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(all);
        }

        String follow(Response redirect) {
            redirect.then().statusCode(303);
            return request().cookie(Flash.COOKIE, redirect.cookie(Flash.COOKIE)).when().get(redirect.header("Location"))
                    .then().statusCode(200).extract().asString();
        }
    }
}
