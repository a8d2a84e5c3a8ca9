package org.communitydesk.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.communitydesk.support.TestClock;
import org.communitydesk.ticket.AutomaticClosing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Automatic closing: a resolution the resident left unanswered for 7 days is closed once, by the system, in public. */
@QuarkusTest
class AutomaticClosingTest {

    @Inject
    TestClock clock;

    @Inject
    BackgroundJobs jobs;

    @Inject
    AutomaticClosing automaticClosing;

    private final String client = "10.7." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    record Issued(String code, String accessCode) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void closesExactlyTheUnansweredResolutionsPastTheirWindowOnce() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(start);
        Issued unanswered = resolvedTicket();
        Issued notResolved = resolvedTicket();
        feedback(notResolved, 1, false).then().statusCode(200).body("status", equalTo("DISPATCHED"));
        Issued satisfied = resolvedTicket();
        feedback(satisfied, 5, true).then().statusCode(200).body("status", equalTo("CLOSED"));
        clock.freezeAt(start.plus(Duration.ofDays(1)));
        Issued recent = resolvedTicket();
        long recentVersion = version(recent.code());
        long notResolvedVersion = version(notResolved.code());
        long satisfiedVersion = version(satisfied.code());

        // Exactly at the end of the window the resident may still answer, so nothing is closed yet.
        clock.freezeAt(start.plus(Duration.ofDays(7)));
        jobs.autoClose();
        assertThat(status(unanswered.code())).isEqualTo("RESOLVED");

        clock.freezeAt(start.plus(Duration.ofDays(7)).plusSeconds(1));
        OptionalLong first = jobs.autoClose();
        assertThat(first).isPresent();
        assertThat(first.getAsLong()).isPositive();

        given().when().get("/api/tickets/{code}", unanswered.code()).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", equalTo(start.plus(Duration.ofDays(7)).plusSeconds(1).toString()));
        List<Map<String, Object>> closings = given().when().get("/api/tickets/{code}/events", unanswered.code())
                .then().statusCode(200).extract().path("findAll { it.type == 'CLOSED' }");
        assertThat(closings).hasSize(1);
        assertThat(closings.get(0)).containsEntry("actor", "system").containsEntry("visibility", "PUBLIC");
        assertThat((String) closings.get(0).get("note")).contains("自动办结");
        // The resident sees it on the public API.
        lookup(unanswered).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("events.find { it.type == 'CLOSED' }.note", containsString("自动办结"));

        // Resolved 6 days ago, reopened by the resident, closed by the resident: untouched.
        assertThat(status(recent.code())).isEqualTo("RESOLVED");
        assertThat(version(recent.code())).isEqualTo(recentVersion);
        assertThat(status(notResolved.code())).isEqualTo("DISPATCHED");
        assertThat(version(notResolved.code())).isEqualTo(notResolvedVersion);
        assertThat(version(satisfied.code())).isEqualTo(satisfiedVersion);
        given().when().get("/api/tickets/{code}/events", satisfied.code()).then()
                .body("findAll { it.type == 'CLOSED' }.actor", equalTo(List.of("resident")));

        // A second run at the same moment finds nothing left to do.
        assertThat(jobs.autoClose()).hasValue(0);
        given().when().get("/api/tickets/{code}/events", unanswered.code()).then()
                .body("findAll { it.type == 'CLOSED' }.size()", equalTo(1));

        // The resident's late answer still gets 409.
        feedback(unanswered, 2, false).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-window-closed"));
        assertThat(status(unanswered.code())).isEqualTo("CLOSED");

        // The run is recorded on the job's row and in the metrics.
        ScheduledJob row = QuarkusTransaction.requiringNew().call(() -> ScheduledJob.<ScheduledJob>findById(BackgroundJobs.AUTO_CLOSE));
        assertThat(row.lastRows).isZero();
        assertThat(row.lastError).isNull();
        assertThat(row.lastFinishedAt).isNotNull();
        assertThat(row.holder).isNull();
        String metrics = given().auth().none().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("communitydesk_job_rows_total{job=\"auto-close\"")
                .contains("communitydesk_job_duration_seconds_count{job=\"auto-close\",outcome=\"success\"")
                .contains("communitydesk_job_last_finished{job=\"auto-close\"");
    }

    @Test
    void twoRunsAtOnceCloseEachTicketOnce() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(start);
        List<Issued> tickets = List.of(resolvedTicket(), resolvedTicket(), resolvedTicket(), resolvedTicket());
        Instant later = start.plus(Duration.ofDays(8));
        clock.freezeAt(later);

        // Two instances without the lease between them: the row lock and the state check still close each ticket once.
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> closeDueAfter(together, later));
        CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> closeDueAfter(together, later));
        long closed = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);

        assertThat(closed).isGreaterThanOrEqualTo(tickets.size());
        assertThat(automaticClosing.closeDue(later)).isZero();
        for (Issued ticket : tickets) {
            assertThat(status(ticket.code())).isEqualTo("CLOSED");
            given().when().get("/api/tickets/{code}/events", ticket.code()).then()
                    .body("findAll { it.type == 'CLOSED' }.size()", equalTo(1));
        }
    }

    @Test
    void aStaffMoveJustBeforeTheRunIsLeftAsItIs() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(start);
        Issued reopened = resolvedTicket();
        clock.freezeAt(start.plus(Duration.ofDays(8)));
        walk(reopened.code(), "reopen");
        long version = version(reopened.code());

        jobs.autoClose();

        assertThat(status(reopened.code())).isEqualTo("DISPATCHED");
        assertThat(version(reopened.code())).isEqualTo(version);
    }

    private long closeDueAfter(CyclicBarrier together, Instant now) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return automaticClosing.closeDue(now);
    }

    private Issued resolvedTicket() {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        created.then().statusCode(201);
        Issued ticket = new Issued(created.path("code"), created.path("accessCode"));
        walk(ticket.code(), "dispatch", "start", "resolve");
        return ticket;
    }

    private static String status(String code) {
        return given().when().get("/api/tickets/{code}", code).then().statusCode(200).extract().path("status");
    }

    private static long version(String code) {
        return ((Number) given().when().get("/api/tickets/{code}", code).then().statusCode(200).extract().path("version"))
                .longValue();
    }

    private RequestSpecification resident() {
        return given().auth().none().header("X-Forwarded-For", client);
    }

    private Response lookup(Issued ticket) {
        return resident().header("X-Access-Code", ticket.accessCode()).when().get("/api/public/tickets/{code}", ticket.code());
    }

    private Response feedback(Issued ticket, int rating, boolean resolved) {
        return resident().contentType(ContentType.JSON).header("X-Access-Code", ticket.accessCode())
                .body(Map.of("rating", rating, "resolved", resolved))
                .when().post("/api/public/tickets/{code}/feedback", ticket.code());
    }
}
