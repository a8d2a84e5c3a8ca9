package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.communitydesk.jobs.BackgroundJobs;
import org.communitydesk.notification.Audience;
import org.communitydesk.notification.ChannelKind;
import org.communitydesk.notification.Notification;
import org.communitydesk.notification.NotificationTarget;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Extension requests (延期申请, issue 13 step 3) through the API and the ticket page: the lead asks before its due
 * time, a supervisor of the street office approves (the due time moves, the original is kept, the escalation marks
 * that are no longer true are cleared) or rejects (the due time stays); residents see only the new due time.
 */
@QuarkusTest
class ExtensionTicketTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TestClock clock;

    @Inject
    BackgroundJobs jobs;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A sewer blockage at 宏安小区 (北馨园社区, 迎宾街道) dispatched to tongda-dredging as LEAD; code and access code. */
    private static String[] dispatched() {
        Response created = org.communitydesk.support.TicketApi.create(
                org.communitydesk.support.TicketApi.intake("sewer-blockage", "beixinyuan", "hongan"));
        created.then().statusCode(201);
        String code = created.path("code");
        walk(code, "dispatch");
        return new String[] { code, created.path("accessCode") };
    }

    private static Response ask(User crew, String code, Instant requested, String reason) {
        return crew.request().contentType(ContentType.JSON)
                .body(Map.of("requestedDueAt", requested.toString(), "reason", reason))
                .when().post("/api/tickets/{code}/request-extension", code);
    }

    private static Response decide(User supervisor, String code, String decision, Object body) {
        var request = supervisor.request().contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).when().post("/api/tickets/{code}/{d}-extension", code, decision);
    }

    private static Instant dueAt(String code) {
        return Instant.parse(get(code).path("dueAt"));
    }

    private static User crew() {
        return TestUsers.contractor("ext-crew", "tongda-dredging");
    }

    private static User supervisor() {
        return TestUsers.supervisor("ext-sup", "yingbin");
    }

    @Test
    void anApprovedExtensionMovesTheDueTimeAndKeepsTheOriginal() {
        String[] ticket = dispatched();
        String code = ticket[0];
        Instant original = dueAt(code);
        Instant requested = original.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        User crew = crew();
        crew.request().when().get("/api/tickets/{code}", code).then().body("allowedActions", hasItem("request-extension"));

        ask(crew, code, requested, "需更换管段，配件预计周四到货").then().statusCode(200)
                .body("dueAt", equalTo(original.toString()))
                .body("originalDueAt", nullValue())
                .body("pendingExtension.requestedDueAt", equalTo(requested.toString()))
                .body("pendingExtension.reason", equalTo("需更换管段，配件预计周四到货"))
                .body("pendingExtension.requestedBy", equalTo(crew.username()))
                .body("pendingExtension.organization.code", equalTo("tongda-dredging"))
                .body("allowedActions", not(hasItem("request-extension")));
        User supervisor = supervisor();
        supervisor.request().when().get("/api/tickets/{code}", code).then()
                .body("allowedActions", hasItem("approve-extension")).body("allowedActions", hasItem("reject-extension"));

        decide(supervisor, code, "approve", null).then().statusCode(200)
                .body("dueAt", equalTo(requested.toString()))
                .body("originalDueAt", equalTo(original.toString()))
                .body("pendingExtension", nullValue())
                .body("decidedExtensions[0].decision", equalTo("APPROVED"))
                .body("decidedExtensions[0].decidedBy", equalTo(supervisor.username()))
                .body("allowedActions", not(hasItem("approve-extension")));
        // The queue's due time is the new one too.
        given().when().get("/api/tickets?q={q}", code).then().statusCode(200)
                .body("items[0].dueAt", equalTo(requested.toString()));
    }

    @Test
    void residentsSeeTheNewDueTimeButNeverTheReasons() {
        String[] ticket = dispatched();
        String code = ticket[0];
        Instant requested = dueAt(code).plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        ask(crew(), code, requested, "机密原因：配件未到").then().statusCode(200);
        decide(supervisor(), code, "approve", Map.of("note", "同意，内部意见")).then().statusCode(200);

        JsonPath zh = given().header("Accept-Language", "zh").when().get("/api/tickets/{code}/events", code).then()
                .statusCode(200).extract().jsonPath();
        assertThat(zh.getString("find { it.type == 'EXTENSION_REQUESTED' }.visibility")).isEqualTo("INTERNAL");
        assertThat(zh.getString("find { it.type == 'EXTENSION_REQUESTED' }.note")).contains("机密原因");
        assertThat(zh.getString("find { it.type == 'EXTENSION_APPROVED' }.visibility")).isEqualTo("PUBLIC");
        assertThat(zh.getString("find { it.type == 'EXTENSION_APPROVED' }.note")).startsWith("处理时限已延长至 ");
        String en = given().header("Accept-Language", "en").when().get("/api/tickets/{code}/events", code).then()
                .extract().path("find { it.type == 'EXTENSION_APPROVED' }.note");
        assertThat(en).startsWith("The time to resolve is extended to ");

        String status = given().auth().none().header("X-Forwarded-For", "10.7.1." + (int) (Math.random() * 250))
                .header("X-Access-Code", ticket[1]).when().get("/api/public/tickets/{code}", code).then().statusCode(200)
                .extract().asString();
        assertThat(status).contains(requested.toString()).contains("处理时限已延长至")
                .doesNotContain("机密原因").doesNotContain("内部意见");
    }

    @Test
    void aRejectedExtensionLeavesTheDueTimeAndNeedsANote() {
        String code = dispatched()[0];
        Instant original = dueAt(code);
        ask(crew(), code, original.plus(Duration.ofDays(1)), "配件未到").then().statusCode(200);
        User supervisor = supervisor();

        decide(supervisor, code, "reject", Map.of()).then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        decide(supervisor, code, "reject", Map.of("note", "现有时限足够")).then().statusCode(200)
                .body("dueAt", equalTo(original.toString()))
                .body("originalDueAt", nullValue())
                .body("pendingExtension", nullValue())
                .body("decidedExtensions[0].decision", equalTo("REJECTED"))
                .body("decidedExtensions[0].decisionNote", equalTo("现有时限足够"));
        given().when().get("/api/tickets/{code}/events", code).then()
                .body("find { it.type == 'EXTENSION_REJECTED' }.visibility", equalTo("INTERNAL"));
        // After a decision the lead may ask again.
        ask(crew(), code, original.plus(Duration.ofDays(1)), "再次申请").then().statusCode(200);
    }

    @Test
    void oneRequestAtATimeAndOnlyBeforeTheDueTime() {
        String code = dispatched()[0];
        Instant due = dueAt(code);
        User crew = crew();
        ask(crew, code, due.plus(Duration.ofDays(1)), "配件未到").then().statusCode(200);

        ask(crew, code, due.plus(Duration.ofDays(2)), "再要一天").then().statusCode(409)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":illegal-transition"))
                .body("attempted", equalTo("request-extension"))
                .body("detail", org.hamcrest.Matchers.containsString("already waits"));

        String late = dispatched()[0];
        clock.advance(Duration.between(Instant.now(), dueAt(late)).plusMinutes(5));
        ask(crew, late, dueAt(late).plus(Duration.ofDays(1)), "太晚了").then().statusCode(409)
                .body("type", endsWith(":illegal-transition"))
                .body("detail", org.hamcrest.Matchers.containsString("due time has passed"));
        crew.request().when().get("/api/tickets/{code}", late).then()
                .body("allowedActions", not(hasItem("request-extension")));
    }

    @Test
    void theRequestedTimeMustBeLaterThanTheDueTimeAndWithin90Days() {
        String code = dispatched()[0];
        Instant due = dueAt(code);
        User crew = crew();
        ask(crew, code, due.minus(Duration.ofHours(1)), "提前").then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        ask(crew, code, due.plus(Duration.ofDays(91)), "太远").then().statusCode(400);
        crew.request().contentType(ContentType.JSON).body(Map.of("reason", "没有时间"))
                .when().post("/api/tickets/{code}/request-extension", code).then().statusCode(400);
        ask(crew, code, due.plus(Duration.ofDays(1)), " ").then().statusCode(400);
        get(code).then().body("pendingExtension", nullValue());
    }

    @Test
    void whoMayAskAndWhoMayDecide() {
        String code = dispatched()[0];
        Instant due = dueAt(code);
        // Another organization's crew does not see the ticket (dispatched to tongda only): as if unknown.
        ask(TestUsers.contractor("ext-other", "datong-sewage"), code, due.plus(Duration.ofDays(1)), "不是我们的")
                .then().statusCode(404);
        // A supporting organization sees it but does not lead the work.
        walk(code, "dispatch");
        move(code, "dispatch", org.communitydesk.support.TicketApi.dispatchBody("tongda-dredging", "pingcheng-sanitation"))
                .then().statusCode(200);
        ask(TestUsers.contractor("ext-support", "pingcheng-sanitation"), code, due.plus(Duration.ofDays(1)), "配合单位")
                .then().statusCode(403).header("Content-Type", startsWith(PROBLEM_JSON));
        // Staff may neither ask nor decide.
        User staff = TestUsers.staff("ext-staff", "beixinyuan");
        ask(staff, code, due.plus(Duration.ofDays(1)), "工作人员").then().statusCode(403);
        ask(crew(), code, due.plus(Duration.ofDays(1)), "配件未到").then().statusCode(200);
        decide(staff, code, "approve", null).then().statusCode(403);
        decide(crew(), code, "approve", null).then().statusCode(403);
        // A supervisor of another street office does not see the ticket: as if unknown.
        decide(TestUsers.supervisor("ext-sup-elsewhere", "xinwang"), code, "approve", null).then().statusCode(404);
        get(code).then().body("pendingExtension.reason", equalTo("配件未到"));
        // No request waiting: nothing to decide.
        decide(supervisor(), code, "approve", null).then().statusCode(200);
        decide(supervisor(), code, "reject", Map.of("note", "x")).then().statusCode(409)
                .body("type", endsWith(":illegal-transition"));
    }

    @Test
    void aStaleVersionIsRefused() {
        String code = dispatched()[0];
        long version = get(code).jsonPath().getLong("version");
        Instant due = dueAt(code);
        move(code, "accept", Map.of("organizationCode", "tongda-dredging")).then().statusCode(200);

        crew().request().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("requestedDueAt", due.plus(Duration.ofDays(1)).toString(), "reason", "配件未到"))
                .when().post("/api/tickets/{code}/request-extension", code).then().statusCode(412)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        get(code).then().body("pendingExtension", nullValue());
    }

    @Test
    void anApprovalClearsTheMarksTheNewDueTimeMakesUntrueAndTellsTheLead() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(start);
        String code = dispatched()[0];
        QuarkusTransaction.requiringNew().run(() -> {
            new NotificationTarget(Audience.ORGANIZATION, "tongda-dredging", ChannelKind.WECOM,
                    "http://127.0.0.1:9/extension-" + code, null, false).persist();
            new NotificationTarget(Audience.SUPERVISOR, "yingbin", ChannelKind.WECOM,
                    "http://127.0.0.1:9/extension-sup-" + code, null, false).persist();
        });
        JsonPath read = get(code).jsonPath();
        Instant due = Instant.parse(read.getString("dueAt"));
        Instant atRiskFrom = Instant.parse(read.getString("atRiskFrom"));
        clock.freezeAt(atRiskFrom.plusSeconds(60));
        assertThat(jobs.escalation()).isPresent();
        assertThat(get(code).jsonPath().getBoolean("atRisk")).isTrue();
        assertThat(markedAtRisk(code)).isNotNull();

        Instant requested = due.plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        ask(crew(), code, requested, "配件未到").then().statusCode(200);
        assertThat(notices(code, "supervisor-extension-requested")).isEqualTo(1);
        JsonPath approved = decide(supervisor(), code, "approve", null).then().statusCode(200)
                .body("atRisk", equalTo(false)).extract().jsonPath();
        Instant reportedAt = Instant.parse(read.getString("reportedAt"));
        assertThat(Instant.parse(approved.getString("atRiskFrom"))).isEqualTo(reportedAt.plusMillis(
                (long) (Duration.between(reportedAt, requested).toMillis() * Ticket.AT_RISK_SHARE)));

        assertThat(markedAtRisk(code)).isNull();
        assertThat(notices(code, "organization-extension-decided")).isEqualTo(1);
        // The job marks again against the new due time.
        clock.freezeAt(Instant.parse(get(code).jsonPath().getString("atRiskFrom")).plusSeconds(1));
        assertThat(jobs.escalation()).isPresent();
        assertThat(markedAtRisk(code)).isNotNull();
        assertThat(given().when().get("/api/tickets/{code}/events", code).then().extract().jsonPath()
                .getList("findAll { it.type == 'AT_RISK' }")).hasSize(2);
        // The robots are this test's own: later tests of the same organizations count their own notices.
        QuarkusTransaction.requiringNew().run(() -> NotificationTarget.delete("address like ?1", "%extension%" + code));
    }

    @Test
    void theTicketPageAsksAndDecidesOverHttp() {
        String code = dispatched()[0];
        User crew = crew();
        String crewPage = page(crew, code, "zh");
        assertThat(crewPage).contains("id=\"extension-request-form\"").contains("type=\"datetime-local\"")
                .contains("申请延期").doesNotContain("id=\"extension-decision-form\"");
        String requested = java.time.LocalDateTime.ofInstant(dueAt(code), java.time.ZoneId.of("Asia/Shanghai")).plusDays(2)
                .truncatedTo(ChronoUnit.MINUTES).toString();

        // An unreadable time is refused with a message, and nothing is asked.
        Response unreadable = post(crew, code, "request-extension", Map.of("requestedDueAt", "next week", "reason", "配件未到"));
        unreadable.then().statusCode(303);
        assertThat(flash.take(crew.username(), unreadable.cookie(org.communitydesk.console.Flash.COOKIE), code)
                .orElseThrow().key()).isEqualTo("extensionBadTime");
        get(code).then().body("pendingExtension", nullValue());

        Response asked = post(crew, code, "request-extension", Map.of("requestedDueAt", requested, "reason", "页面申请：配件未到"));
        asked.then().statusCode(303);
        assertThat(flash.take(crew.username(), asked.cookie(org.communitydesk.console.Flash.COOKIE), code)
                .orElseThrow().key()).isEqualTo("extensionRequested");
        get(code).then().body("pendingExtension.reason", equalTo("页面申请：配件未到"))
                .body("pendingExtension.requestedDueAt", equalTo(java.time.LocalDateTime.parse(requested)
                        .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toString()));

        User supervisor = supervisor();
        String supPage = page(supervisor, code, "en");
        assertThat(supPage).contains("id=\"extension-decision-form\"").contains("Approve the extension")
                .contains("页面申请：配件未到").doesNotContain("id=\"extension-request-form\"");
        // Rejecting without a note: refused, nothing decided.
        post(supervisor, code, "reject-extension", Map.of("note", "")).then().statusCode(303);
        get(code).then().body("pendingExtension.reason", equalTo("页面申请：配件未到"));
        post(supervisor, code, "approve-extension", Map.of("note", "")).then().statusCode(303);
        String after = page(supervisor, code, "en");
        assertThat(after).contains("id=\"original-due-at\"").contains("Original due time")
                .doesNotContain("id=\"extension-decision-form\"");
        get(code).then().body("originalDueAt", org.hamcrest.Matchers.notNullValue());
    }

    @Inject
    org.communitydesk.console.Flash flash;

    private static final String BROWSER_SESSION = "extension-ticket-test-browser";

    private static String page(User user, String code, String lang) {
        return user.request().queryParam("lang", lang).when().get("/console/tickets/{code}", code).then()
                .statusCode(200).extract().asString();
    }

    private static Response post(User user, String code, String form, Map<String, String> fields) {
        var request = user.request().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie(org.communitydesk.console.ConsoleSession.COOKIE, BROWSER_SESSION)
                .formParam(org.communitydesk.console.CsrfTokens.FIELD, SessionCookies.csrfToken(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue(
                                org.communitydesk.security.SessionKeySource.PROPERTY, String.class),
                        user.username(), BROWSER_SESSION))
                .formParam("version", get(code).jsonPath().getLong("version"))
                .formParam("seen", "0");
        for (var field : fields.entrySet()) {
            request = request.formParam(field.getKey(), field.getValue());
        }
        return request.when().post("/console/tickets/{c}/{form}", code, form);
    }

    private static Instant markedAtRisk(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("code", code).firstResult().atRiskMarkedAt);
    }

    /** The notices of a kind about the ticket to this test's own robots (other tests register targets of their own). */
    private static long notices(String code, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.count(
                "ticketCode = ?1 and kind = ?2 and recipient like ?3", code, kind, "%extension%" + code));
    }
}
