package org.communitydesk.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.support.TestClock;
import org.communitydesk.web.PageLanguage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The residents' status page at /status: the form, the lookup, the languages, and what never shows. */
@QuarkusTest
class StatusPageTest {

    /** Each test is its own client address, so that the per-client throttle of one never touches another. */
    private String client;

    @BeforeEach
    void newClient() {
        client = "10.6." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Issued(String code, String accessCode) {
    }

    // --- The form --------------------------------------------------------------------------------------

    @Test
    void theFormIsChineseByDefaultAndNeedsNoLogin() {
        resident().when().get("/status").then()
                .statusCode(200)
                .header("Content-Type", "text/html;charset=UTF-8")
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"zh-CN\">"),
                        containsString("查询办理进度"), containsString("工单号"), containsString("查询码"),
                        containsString("name=\"code\""), containsString("name=\"accessCode\""),
                        containsString("method=\"post\""), containsString("href=\"/css/app.css\""),
                        not(containsString("Tracking code")));
        resident().when().get("/css/app.css").then().statusCode(200).contentType("text/css");
    }

    @Test
    void theSwitchShowsEnglishAndACookieKeepsIt() {
        Response english = resident().when().get("/status?lang=en");
        english.then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Tracking code"),
                        containsString("Access code"), not(containsString("查询办理进度")));
        assertThat(english.getCookie(PageLanguage.COOKIE)).isEqualTo("en");

        resident().cookie(PageLanguage.COOKIE, "en").when().get("/status").then()
                .body(containsString("Tracking code"));
        // Switching back wins over the cookie.
        resident().cookie(PageLanguage.COOKIE, "en").when().get("/status?lang=zh").then()
                .body(containsString("工单号"), not(containsString("Tracking code")));
    }

    @Test
    void withoutSwitchOrCookieAcceptLanguageDecides() {
        resident().header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5").when().get("/status").then()
                .body(containsString("Tracking code"));
        resident().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").when().get("/status").then()
                .body(containsString("工单号"));
        // A language we do not have falls back to Chinese.
        resident().header("Accept-Language", "fr-FR").when().get("/status").then()
                .body(containsString("工单号"));
    }

    @Test
    void thePageIsNotInTheApiDescription() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", not(hasKey("/status")));
    }

    @Test
    void formLoginDoesNotSendResidentsToTheLoginPage() {
        resident().redirects().follow(false).when().get("/status").then()
                .statusCode(200).header("Location", nullValue());
        resident().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("code", "CD-1999-000001").formParam("accessCode", "ACDEFGHJ")
                .when().post("/status").then()
                .statusCode(404).header("Location", nullValue());
    }

    // --- The lookup --------------------------------------------------------------------------------------

    @Test
    void theRightCodesShowStatusPlacesLeadTimesAndPublicEventsOnly() {
        Issued ticket = newTicket();
        walk(ticket.code(), "dispatch");
        note(ticket.code(), "内部备注：联系物业经理", "INTERNAL");
        note(ticket.code(), "清掏队已出发", "PUBLIC");

        Response page = lookup(ticket.code(), ticket.accessCode());

        page.then().statusCode(200).contentType(ContentType.HTML).header("Cache-Control", "no-store");
        assertThat(page.asString())
                .contains(ticket.code(), "已派单", "下水堵塞", "北馨园社区", "宏安小区", "通达管道专业清掏队",
                        "登记", "派单", "进展说明", "清掏队已出发")
                .doesNotContain("内部备注", "2号楼", "测试居民", "13900000000", ticket.accessCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lower", "noDashes", "spaces"})
    void theTrackingCodeIsReadWhateverItsCaseDashesAndSpaces(String form) {
        Issued ticket = newTicket();
        String code = switch (form) {
            case "lower" -> ticket.code().toLowerCase(java.util.Locale.ROOT);
            case "noDashes" -> ticket.code().replace("-", "");
            default -> " " + ticket.code().replace("-", " ") + " ";
        };

        Response page = lookup(code, ticket.accessCode().toLowerCase(java.util.Locale.ROOT));

        page.then().statusCode(200);
        assertThat(page.asString()).contains(ticket.code(), "北馨园社区");
    }

    @Test
    void theResultIsInEnglishWithTheEnglishNames() {
        Issued ticket = newTicket();
        walk(ticket.code(), "dispatch", "start");

        String page = resident().cookie(PageLanguage.COOKIE, "en").contentType(ContentType.URLENC)
                .formParam("code", ticket.code()).formParam("accessCode", ticket.accessCode())
                .when().post("/status").then().statusCode(200).extract().asString();

        assertThat(page).contains("<html lang=\"en\">", "In progress", "Sewer blockage", "Work started", "Dispatched")
                .doesNotContain("处理中", "下水堵塞");
    }

    @Test
    void timesAreShownInTheInstallationsZone() {
        Issued ticket = newTicket();
        Instant reportedAt = Instant.parse(given().when().get("/api/tickets/{code}", ticket.code())
                .then().extract().path("reportedAt"));
        String local = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                .format(reportedAt.atZone(ZoneId.of("Asia/Shanghai")));

        assertThat(lookup(ticket.code(), ticket.accessCode()).asString()).contains(local);
    }

    @Test
    void aPublicNoteIsShownAsTextNotAsMarkup() {
        Issued ticket = newTicket();
        note(ticket.code(), "<script>alert('x')</script><b>疏通</b>", "PUBLIC");

        String page = lookup(ticket.code(), ticket.accessCode()).then().statusCode(200).extract().asString();

        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;疏通&lt;/b&gt;")
                .doesNotContain("<script>", "<b>"); // the page's own <script src> (the map) is not the note
    }

    @Test
    void aWrongCodeOrAnUnknownTicketShowsTheFormWithTheSameMessage() {
        Issued ticket = newTicket();

        Response wrong = lookup(ticket.code(), "ACDEFGHJ");
        Response unknown = lookup("CD-1999-" + UUID.randomUUID().toString().substring(0, 6), ticket.accessCode());

        for (Response page : new Response[] {wrong, unknown}) {
            page.then().statusCode(404).contentType(ContentType.HTML).header("Cache-Control", "no-store")
                    .body(containsString("没有找到这张工单"), containsString("暂停一小时"),
                            containsString("重新发放"), containsString("name=\"accessCode\""));
        }
        // The tracking code is put back into the form for another try; the access code never is.
        assertThat(wrong.asString()).contains("value=\"" + ticket.code() + "\"").doesNotContain("ACDEFGHJ");
        assertThat(unknown.asString()).doesNotContain(ticket.accessCode());
    }

    @Test
    void anEmptyFieldAsksForBothCodes() {
        resident().contentType(ContentType.URLENC).formParam("code", "CD-2026-000001").formParam("accessCode", " ")
                .when().post("/status").then()
                .statusCode(400).contentType(ContentType.HTML).body(containsString("请填写工单号和查询码"));
    }

    @Test
    void theTypedTrackingCodeIsEscapedToo() {
        lookup("\"><script>alert(1)</script>", "ACDEFGHJ").then().statusCode(404)
                .body(containsString("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
                        not(containsString("<script")));
    }

    @Test
    void aThrottledClientGetsAFriendly429() {
        clock.freezeAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (int i = 0; i < 60; i++) {
            lookup("CD-1999-" + String.format("%06d", i), "ACDEFGHJ").then().statusCode(404);
        }

        Response refused = lookup("CD-1999-000061", "ACDEFGHJ");

        refused.then().statusCode(429).contentType(ContentType.HTML).header("Cache-Control", "no-store")
                .body(containsString("查询失败次数太多"), containsString("name=\"code\""));
        // All the failures came at the frozen instant: the first leaves the one-minute window in 60 seconds.
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.asString()).contains("请 60 秒后再试");
    }

    // --- Helpers -------------------------------------------------------------------------------------------

    /** A resident: no credentials, and this test's own client address. */
    private RequestSpecification resident() {
        return given().auth().none().header("X-Forwarded-For", client);
    }

    private Response lookup(String code, String accessCode) {
        return resident().contentType(ContentType.URLENC).formParam("code", code).formParam("accessCode", accessCode)
                .when().post("/status");
    }

    private static Issued newTicket() {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        created.then().statusCode(201);
        return new Issued(created.path("code"), created.path("accessCode"));
    }

    private static void note(String code, String text, String visibility) {
        move(code, "notes", Map.of("text", text, "visibility", visibility)).then().statusCode(201);
    }
}
