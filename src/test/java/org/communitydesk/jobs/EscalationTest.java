package org.communitydesk.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.validBodyFor;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.communitydesk.notification.Audience;
import org.communitydesk.notification.ChannelKind;
import org.communitydesk.notification.Notification;
import org.communitydesk.notification.NotificationTarget;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation (issue 13, step 7): an open ticket is marked at risk once 80% of its time has passed and overdue
 * once it is due, each once, on the staff timeline only, without making anyone's form stale; the queue filters
 * the at-risk tickets, and the lead organization hears of it.
 */
@QuarkusTest
class EscalationTest {

    @Inject
    TestClock clock;

    @Inject
    BackgroundJobs jobs;

    private final String client = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void marksAtRiskThenOverdueOnceEachWithoutMovingTheVersion() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(start);
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        created.then().statusCode(201);
        String code = created.path("code");
        String accessCode = created.path("accessCode");
        walk(code, "dispatch");
        String organization = "tongda-dredging";
        QuarkusTransaction.requiringNew().run(() -> new NotificationTarget(Audience.ORGANIZATION, organization,
                ChannelKind.WECOM, "http://127.0.0.1:9/escalation-" + code, null, false).persist());

        Response read = given().when().get("/api/tickets/{code}", code);
        Instant reportedAt = Instant.parse(read.path("reportedAt"));
        Instant dueAt = Instant.parse(read.path("dueAt"));
        Instant atRiskFrom = Instant.parse(read.path("atRiskFrom"));
        long version = ((Number) read.path("version")).longValue();
        assertThat(Duration.between(reportedAt, atRiskFrom).toMillis())
                .isEqualTo((long) (Duration.between(reportedAt, dueAt).toMillis() * 0.8));
        assertThat((Boolean) read.path("atRisk")).isFalse();

        // Just before 80%: nothing.
        clock.freezeAt(atRiskFrom.minusSeconds(1));
        assertThat(jobs.escalation()).isPresent();
        assertThat(events(code, "AT_RISK")).isEmpty();
        assertThat(atRiskCodes(code)).doesNotContain(code);

        // Past 80%: at risk, once, for staff only, and the lead organization's notice is written.
        clock.freezeAt(atRiskFrom.plusSeconds(1));
        assertThat(jobs.escalation()).isPresent();
        assertThat(jobs.escalation()).hasValue(0);
        List<Map<String, Object>> atRisk = events(code, "AT_RISK");
        assertThat(atRisk).hasSize(1);
        assertThat(atRisk.get(0)).containsEntry("visibility", "INTERNAL").containsEntry("actor", "system");
        assertThat((String) atRisk.get(0).get("note")).contains("八成");
        assertThat(given().header("Accept-Language", "en").when().get("/api/tickets/{code}/events", code).then()
                .extract().<String>path("find { it.type == 'AT_RISK' }.note")).contains("80%");
        given().when().get("/api/tickets/{code}", code).then().statusCode(200)
                .body("atRisk", equalTo(true)).body("overdue", equalTo(false))
                .body("version", equalTo((int) version));
        assertThat(atRiskCodes(code)).contains(code);
        assertThat(notices(code, "organization-at-risk")).isEqualTo(1);
        given().auth().none().header("X-Forwarded-For", client).header("X-Access-Code", accessCode)
                .when().get("/api/public/tickets/{code}", code).then().statusCode(200)
                .body("events.findAll { it.type == 'AT_RISK' }.size()", equalTo(0));
        // The queue page shows the filter and the mark.
        String page = given().auth().none().cookies(SessionCookies.signInCookies(SignInAsAdmin.ADMIN,
                SignInAsAdmin.ADMIN_PASSWORD)).queryParam("atRisk", "true").queryParam("lang", "en")
                .when().get("/console/tickets").then().statusCode(200).extract().asString();
        assertThat(page).contains("name=\"atRisk\" value=\"true\" checked").contains(code).contains("badge at-risk");
        // The ticket page's timeline names the event in the page's language (and no label is missing).
        String ticketPage = given().auth().none().cookies(SessionCookies.signInCookies(SignInAsAdmin.ADMIN,
                SignInAsAdmin.ADMIN_PASSWORD)).queryParam("lang", "zh").when().get("/console/tickets/{code}", code)
                .then().statusCode(200).extract().asString();
        assertThat(ticketPage).contains("<h2>办理经过</h2>").contains("临近超期").contains("办理时限已用去八成")
                .doesNotContain("NOT_FOUND");

        // Past due: overdue, once, and no longer "at risk".
        clock.freezeAt(dueAt.plusSeconds(1));
        assertThat(jobs.escalation()).isPresent();
        jobs.escalation();
        assertThat(events(code, "OVERDUE")).hasSize(1).allSatisfy(e -> assertThat(e).containsEntry("visibility", "INTERNAL"));
        assertThat(events(code, "AT_RISK")).hasSize(1);
        given().when().get("/api/tickets/{code}", code).then()
                .body("atRisk", equalTo(false)).body("overdue", equalTo(true)).body("version", equalTo((int) version));
        assertThat(atRiskCodes(code)).doesNotContain(code);
        assertThat(notices(code, "organization-at-risk")).isEqualTo(1);

        // The marks made no form stale: a move with the version read before them goes through.
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(validBodyFor("start"))
                .when().post("/api/tickets/{code}/start", code).then().statusCode(200);
    }

    @Test
    void aTicketFoundAlreadyDueIsMarkedOverdueOnlyAndClosedTicketsAreLeftAlone() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(start);
        String late = create(intake("sewer-blockage", "beixinyuan", "hongan")).then().statusCode(201).extract().path("code");
        String done = create(intake("sewer-blockage", "beixinyuan", "hongan")).then().statusCode(201).extract().path("code");
        walk(done, "dispatch", "start", "resolve", "close");
        Instant dueAt = Instant.parse(given().when().get("/api/tickets/{code}", late).then().extract().path("dueAt"));

        clock.freezeAt(dueAt.plus(Duration.ofHours(2)));
        assertThat(jobs.escalation()).isPresent();
        assertThat(events(late, "OVERDUE")).hasSize(1);
        assertThat(events(late, "AT_RISK")).isEmpty();
        assertThat(events(done, "OVERDUE")).isEmpty();
        assertThat(events(done, "AT_RISK")).isEmpty();
        // atRisk=false lists the others, the overdue one among them.
        List<String> others = given().queryParam("atRisk", "false").queryParam("size", 100)
                .queryParam("q", late).when().get("/api/tickets").then().statusCode(200).extract().path("items.code");
        assertThat(others).contains(late);
    }

    @Test
    void aWrongAtRiskValueIsABadRequest() {
        given().queryParam("atRisk", "soon").when().get("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static List<Map<String, Object>> events(String code, String type) {
        return given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .extract().path("findAll { it.type == '" + type + "' }");
    }

    private static List<String> atRiskCodes(String code) {
        return given().queryParam("atRisk", "true").queryParam("q", code).when().get("/api/tickets").then()
                .statusCode(200).extract().path("items.code");
    }

    private static long notices(String code, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.count("ticketCode = ?1 and kind = ?2", code, kind));
    }
}
