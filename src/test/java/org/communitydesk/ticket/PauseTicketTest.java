package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.communitydesk.jobs.BackgroundJobs;
import org.communitydesk.support.AdminPage;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pausing a ticket's clock (挂起) through the API and the page: paused time counts toward no deadline and no
 * duration figure, the escalation job leaves a paused ticket alone, the resident sees why in fixed words.
 */
@QuarkusTest
class PauseTicketTest {

    private static final Map<String, String> RESIDENT = Map.of("reason", "WAITING_FOR_RESIDENT",
            "comment", "两次上门无人，已约王女士周六开门");

    @Inject
    TestClock clock;

    @Inject
    BackgroundJobs jobs;

    private final String client = "10.7." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Instant frozenNow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(now);
        return now;
    }

    private static long overdueIn(String community) {
        return given().queryParam("community", community).when().get("/api/stats/summary").then().statusCode(200)
                .extract().jsonPath().getLong("overdue.total");
    }

    @Test
    void aPauseMovesTheDeadlinesByItsLengthAndTheFiguresLeaveItOut() {
        Instant start = frozenNow();
        Response created = given().contentType(ContentType.JSON)
                .body(org.communitydesk.support.TicketApi.intake("sewer-blockage", "beixinyuan", "hongan"))
                .when().post("/api/tickets");
        String code = created.then().statusCode(201).extract().path("code");
        String accessCode = created.path("accessCode");
        walk(code, "dispatch", "start");
        // A second ticket of the same time, to see the dashboard's overdue count leave a paused ticket out.
        String other = given().contentType(ContentType.JSON)
                .body(org.communitydesk.support.TicketApi.intake("sewer-blockage", "beixinyuan", "hongan"))
                .when().post("/api/tickets").then().statusCode(201).extract().path("code");
        walk(other, "dispatch");
        Response before = get(code);
        Instant dueAt = Instant.parse(before.path("dueAt"));
        Instant atRiskFrom = Instant.parse(before.path("atRiskFrom"));

        clock.freezeAt(start.plus(Duration.ofHours(1)));
        move(code, "pause", RESIDENT).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("paused.reason", equalTo("WAITING_FOR_RESIDENT"))
                .body("paused.since", equalTo(start.plus(Duration.ofHours(1)).toString()))
                .body("allowedActions", hasItem("resume")).body("allowedActions", not(hasItem("pause")));
        // The resident sees why, in fixed words; not the staff's comment.
        String publicView = given().auth().none().header("X-Forwarded-For", client).header("X-Access-Code", accessCode)
                .when().get("/api/public/tickets/{code}", code).then().statusCode(200).extract().asString();
        assertThat(publicView).contains("等待居民配合，暂停计时").doesNotContain("两次上门无人");
        List<Map<String, Object>> events = given().when().get("/api/tickets/{code}/events", code).then()
                .extract().path("findAll { it.type == 'PAUSED' || it.type == 'NOTE' }");
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("type", "PAUSED").containsEntry("visibility", "PUBLIC"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("type", "NOTE").containsEntry("visibility", "INTERNAL")
                .containsEntry("note", RESIDENT.get("comment")));
        given().queryParam("paused", "true").queryParam("q", code).when().get("/api/tickets").then().statusCode(200)
                .body("items.code", hasItem(code)).body("items[0].paused", equalTo(true));

        // Past the old due time while paused: neither overdue nor at risk, and the job marks nothing.
        clock.freezeAt(dueAt.plus(Duration.ofHours(2)));
        get(code).then().body("overdue", equalTo(false)).body("atRisk", equalTo(false));
        assertThat(jobs.escalation()).isPresent();
        given().when().get("/api/tickets/{code}/events", code).then()
                .body("findAll { it.type == 'OVERDUE' || it.type == 'AT_RISK' }.size()", equalTo(0));
        // The dashboard's overdue count (and its list) leave a paused ticket out: pausing the other one, past due too,
        // takes exactly one off.
        long overdueWithOtherRunning = overdueIn("beixinyuan");
        move(other, "pause", RESIDENT).then().statusCode(200);
        assertThat(overdueIn("beixinyuan")).isEqualTo(overdueWithOtherRunning - 1);

        // Resumed: the deadlines keep the time they had left (wall-clock hours for this category).
        Instant resumedAt = dueAt.plus(Duration.ofHours(2));
        Duration pause = Duration.between(start.plus(Duration.ofHours(1)), resumedAt);
        move(code, "resume", Map.of()).then().statusCode(200)
                .body("paused", nullValue())
                .body("pausedSeconds", equalTo((int) pause.getSeconds()))
                .body("dueAt", equalTo(dueAt.plus(pause).toString()))
                .body("atRiskFrom", equalTo(atRiskFrom.plus(pause).toString()))
                .body("overdue", equalTo(false));
        String resumedText = given().header("Accept-Language", "en").when().get("/api/tickets/{code}/events", code)
                .then().extract().path("find { it.type == 'RESUMED' }.note");
        assertThat(resumedText).contains("resumed");

        // Resolved three hours later: the time to resolve leaves the pause out.
        clock.freezeAt(resumedAt.plus(Duration.ofHours(3)));
        move(code, "resolve", Map.of("resolution", "居民开门后疏通", "rootCause", "油污结块")).then().statusCode(200)
                .body("secondsToResolve", equalTo((int) (Duration.between(start, resumedAt.plus(Duration.ofHours(3)))
                        .minus(pause).getSeconds())));
    }

    @Test
    void pausingTwiceAndResumingARunningClockAreRefused() {
        frozenNow();
        String code = createTicket();
        move(code, "resume", Map.of()).then().statusCode(409).body("type", endsWith(":illegal-transition"))
                .body("detail", containsString("is not paused"));
        move(code, "pause", RESIDENT).then().statusCode(200);
        move(code, "pause", RESIDENT).then().statusCode(409).body("type", endsWith(":illegal-transition"))
                .body("detail", containsString("paused already")).body("allowedActions", hasItem("resume"));
        move(code, "pause", Map.of("reason", "ON_HOLIDAY")).then().statusCode(400);
        move(code, "resume", Map.of()).then().statusCode(200);
        move(code, "pause", Map.of()).then().statusCode(400).body("violations.field", hasItem(endsWith("reason")));
    }

    @Test
    void aStaleVersionIsRefusedAndContractorsMayNotPause() {
        frozenNow();
        String code = createTicket();
        walk(code, "dispatch");
        long version = ((Number) get(code).path("version")).longValue();
        given().contentType(ContentType.JSON).header("If-Match", "\"" + (version - 1) + "\"").body(RESIDENT)
                .when().post("/api/tickets/{code}/pause", code).then().statusCode(412)
                .body("type", endsWith(":stale-version"));
        TestUsers.contractor("pause-crew", "tongda-dredging").request().contentType(ContentType.JSON).body(RESIDENT)
                .when().post("/api/tickets/{code}/pause", code).then().statusCode(403);
        TestUsers.staff("pause-staff", "beixinyuan").request().contentType(ContentType.JSON).body(RESIDENT)
                .when().post("/api/tickets/{code}/pause", code).then().statusCode(200);
        get(code).then().body("paused.pausedBy", containsString("pause-staff"));
    }

    @Test
    void aPauseBeforeTheDispatchLeavesTheTimeToDispatchOut() {
        Instant start = frozenNow();
        String code = createTicket();
        Instant dispatchDue = Instant.parse(get(code).path("dispatchDueAt"));
        clock.freezeAt(start.plus(Duration.ofMinutes(10)));
        move(code, "pause", Map.of("reason", "WAITING_FOR_THIRD_PARTY")).then().statusCode(200);
        clock.freezeAt(start.plus(Duration.ofMinutes(70)));
        move(code, "resume", Map.of()).then().statusCode(200)
                .body("dispatchDueAt", equalTo(dispatchDue.plus(Duration.ofHours(1)).toString()));
        clock.freezeAt(start.plus(Duration.ofMinutes(90)));
        move(code, "dispatch", org.communitydesk.support.TicketApi.validBodyFor("dispatch")).then().statusCode(200)
                .body("secondsToDispatch", equalTo(30 * 60));
    }

    @Test
    void theTicketPageOffersPauseAndResumeWithTheBadge() {
        frozenNow();
        String code = createTicket();
        walk(code, "dispatch");
        AdminPage zh = AdminPage.as("zh");
        String page = zh.get("/console/tickets/" + code);
        assertThat(page).contains("id=\"pause-form\"").contains("等待居民配合（如无法入户）").doesNotContain("id=\"resume-form\"");

        String paused = zh.follow(zh.post(code, "pause", Map.of("version", get(code).path("version").toString(),
                "seen", "0", "reason", "WAITING_FOR_RESIDENT", "comment", "无法入户")));
        assertThat(paused).contains("已挂起，暂停计时。").contains("id=\"paused-badge\"").contains("id=\"resume-form\"")
                .contains("id=\"paused-since\"").doesNotContain("id=\"pause-form\"").doesNotContain("NOT_FOUND");
        assertThat(AdminPage.as("en").get("/console/tickets/" + code)).contains("Paused since")
                .contains("Waiting for the resident").doesNotContain("NOT_FOUND");
        String queue = zh.get("/console/tickets?paused=true&q=" + code);
        assertThat(queue).contains("name=\"paused\" value=\"true\" checked").contains(code).contains("badge paused");

        String resumed = zh.follow(zh.post(code, "resume", Map.of("version", get(code).path("version").toString(),
                "seen", "0")));
        assertThat(resumed).contains("已恢复办理，继续计时。").doesNotContain("id=\"paused-badge\"");
        get(code).then().body("paused", nullValue());
    }
}
