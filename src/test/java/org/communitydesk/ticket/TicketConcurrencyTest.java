package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.validBodyFor;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency with ETag / If-Match, and moves racing on the same ticket. */
@QuarkusTest
class TicketConcurrencyTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int ROUNDS = 10;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    // --- ETag and If-Match -------------------------------------------------------------------------

    @Test
    void theETagStartsWithTheTicketVersion() {
        String code = createTicket();

        Response read = get(code);
        read.then().statusCode(200);
        // "3-…": the version, then a digest of the answer (common.ConditionalReads).
        assertThat(read.header("ETag")).startsWith(versionTagOf(read.jsonPath().getLong("version")));
    }

    @Test
    void aMoveWithTheCurrentETagSucceedsAndAnswersTheNewOne() {
        String code = createTicket();
        String etag = get(code).header("ETag");

        Response moved = postIfMatch(code, "dispatch", validBodyFor("dispatch"), etag);

        moved.then().statusCode(200).body("status", equalTo("DISPATCHED"));
        String newEtag = moved.header("ETag");
        assertThat(newEtag).isNotEqualTo(etag).startsWith(versionTagOf(moved.jsonPath().getLong("version")));
        assertThat(get(code).header("ETag")).isEqualTo(newEtag);
    }

    @Test
    void aStaleETagIsRefusedForEveryKindOfChange() {
        String code = createTicket();
        walk(code, "dispatch");
        String stale = get(code).header("ETag");
        Response started = postIfMatch(code, "start", null, stale);
        started.then().statusCode(200);
        long current = started.jsonPath().getLong("version");
        int events = eventCount(code);

        List<Response> refused = List.of(
                postIfMatch(code, "resolve", validBodyFor("resolve"), stale),
                postIfMatch(code, "dispatch", validBodyFor("dispatch"), stale),
                postIfMatch(code, "cancel", validBodyFor("cancel"), stale),
                postIfMatch(code, "notes", Map.of("text", "迟到的备注"), stale),
                postIfMatch(code, "reports", report(), stale));

        for (Response response : refused) {
            response.then()
                    .statusCode(412)
                    .header("Content-Type", startsWith(PROBLEM_JSON))
                    .body("type", endsWith(":stale-version"))
                    .body("currentVersion", equalTo((int) current));
        }
        assertThat(eventCount(code)).isEqualTo(events);
        get(code).then()
                .header("ETag", startsWith(versionTagOf(current)))
                .body("status", equalTo("IN_PROGRESS"))
                .body("reportCount", equalTo(1));
    }

    @Test
    void aWildcardOrAListWithTheCurrentTagIsAccepted() {
        String code = createTicket();

        postIfMatch(code, "dispatch", validBodyFor("dispatch"), "*").then().statusCode(200);
        long version = get(code).jsonPath().getLong("version");
        postIfMatch(code, "start", null, etagOf(version)).then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        long next = get(code).jsonPath().getLong("version");
        postIfMatch(code, "notes", Map.of("text", "任一版本都可"), etagOf(version) + ", " + etagOf(next)).then()
                .statusCode(201);
    }

    @Test
    void aWeakTagNeverMatchesIfMatch() {
        // RFC 9110 13.1.1: If-Match uses the strong comparison, and a weak tag never matches strongly.
        String code = createTicket();
        long version = get(code).jsonPath().getLong("version");

        postIfMatch(code, "dispatch", validBodyFor("dispatch"), "W/" + etagOf(version)).then()
                .statusCode(412)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":stale-version"));
        postIfMatch(code, "dispatch", validBodyFor("dispatch"), "W/" + get(code).header("ETag")).then().statusCode(412);
        get(code).then().body("status", equalTo("REPORTED")).body("version", equalTo((int) version));
    }

    // --- Races ---------------------------------------------------------------------------------------

    @Test
    void twoStartsAtOnceStartTheTicketOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            String code = createTicket();
            walk(code, "dispatch");

            List<Response> answers = race(() -> move(code, "start", null), () -> move(code, "start", null));

            assertOneSucceededAndOneWasRefused(answers);
            get(code).then().body("status", equalTo("IN_PROGRESS"));
            assertThat(eventTypes(code)).containsExactly("REPORTED", "DISPATCHED", "STARTED");
        }
    }

    @Test
    void twoResolvesAtOnceKeepTheWinnersResolution() {
        for (int round = 0; round < ROUNDS; round++) {
            String code = createTicket();
            walk(code, "dispatch", "start");

            List<Response> answers = race(
                    () -> move(code, "resolve", Map.of("resolution", "A 组清理完毕")),
                    () -> move(code, "resolve", Map.of("resolution", "B 组清理完毕")));

            Response winner = assertOneSucceededAndOneWasRefused(answers);
            get(code).then()
                    .body("status", equalTo("RESOLVED"))
                    .body("resolution", equalTo(winner.jsonPath().getString("resolution")));
            assertThat(eventTypes(code)).containsExactly("REPORTED", "DISPATCHED", "STARTED", "RESOLVED");
        }
    }

    /** Two staff members decide differently on the same version: the second decision must not go through blindly. */
    @Test
    void cancelAndStartOnTheSameVersionLetExactlyOneWin() {
        for (int round = 0; round < ROUNDS; round++) {
            String code = createTicket();
            walk(code, "dispatch");
            String etag = get(code).header("ETag");

            List<Response> answers = race(
                    () -> postIfMatch(code, "cancel", validBodyFor("cancel"), etag),
                    () -> postIfMatch(code, "start", null, etag));

            assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
            Response loser = answers.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
            // Normally the stale If-Match (412); a write conflict detected at commit would be 409.
            assertThat(loser.statusCode() + " " + loser.jsonPath().getString("type"))
                    .matches("412 .*:stale-version|409 .*:concurrent-change");
            boolean cancelWon = answers.get(0).statusCode() == 200;
            String expectedStatus = cancelWon ? "CANCELLED" : "IN_PROGRESS";
            get(code).then().body("status", equalTo(expectedStatus));
            assertThat(eventTypes(code)).containsExactly("REPORTED", "DISPATCHED", cancelWon ? "CANCELLED" : "STARTED");
        }
    }

    /**
     * Without If-Match both moves are legal from DISPATCHED, and cancel is legal after start too:
     * the moves run one after the other, and the timeline tells which order it was.
     */
    @Test
    void cancelAndStartWithoutIfMatchRunOneAfterTheOther() {
        for (int round = 0; round < ROUNDS; round++) {
            String code = createTicket();
            walk(code, "dispatch");

            List<Response> answers = race(
                    () -> move(code, "cancel", validBodyFor("cancel")),
                    () -> move(code, "start", null));

            answers.get(0).then().statusCode(200);
            get(code).then().body("status", equalTo("CANCELLED"));
            Response start = answers.get(1);
            if (start.statusCode() == 200) {
                assertThat(eventTypes(code)).containsExactly("REPORTED", "DISPATCHED", "STARTED", "CANCELLED");
                // The start that won is the one the ticket records.
                String started = given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                        .extract().path("find { it.type == 'STARTED' }.occurredAt");
                get(code).then().body("startedAt", equalTo(started));
            } else {
                start.then().statusCode(409)
                        .body("type", endsWith(":illegal-transition"))
                        .body("currentStatus", equalTo("CANCELLED"));
                assertThat(eventTypes(code)).containsExactly("REPORTED", "DISPATCHED", "CANCELLED");
                get(code).then().body("startedAt", nullValue());
            }
        }
    }

    /** Calls that do not exclude each other must all count: none may overwrite the other's change. */
    @Test
    void twoFurtherCallsAtOnceAreBothCounted() {
        for (int round = 0; round < ROUNDS; round++) {
            String code = createTicket();

            List<Response> answers = race(
                    () -> postIfMatch(code, "reports", report(), null),
                    () -> postIfMatch(code, "notes", Map.of("text", "同时记录的备注"), null));

            assertThat(answers).extracting(Response::statusCode).containsExactly(200, 201);
            get(code).then().body("reportCount", equalTo(2));
            assertThat(eventTypes(code)).containsExactlyInAnyOrder("REPORTED", "REPORT_ADDED", "NOTE");
        }
    }

    // --- Helpers -------------------------------------------------------------------------------------

    /** Sends the requests together: each waits at a start gate until all are ready. */
    @SafeVarargs
    private List<Response> race(Supplier<Response>... requests) {
        CountDownLatch ready = new CountDownLatch(requests.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (Supplier<Response> request : requests) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return request.get();
            }));
        }
        List<Response> answers = new ArrayList<>();
        try {
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all racers ready").isTrue();
            go.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            throw new AssertionError("A racing request failed", e);
        }
        return answers;
    }

    /** Exactly one 200; the loser is told, as problem+json, that the move no longer applies. */
    private static Response assertOneSucceededAndOneWasRefused(List<Response> answers) {
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        Response loser = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        loser.then().header("Content-Type", startsWith(PROBLEM_JSON));
        assertThat(loser.jsonPath().getString("type"))
                .matches(".*:(illegal-transition|concurrent-change)");
        return answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
    }

    private static Response postIfMatch(String code, String path, Object body, String ifMatch) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/api/tickets/{code}/{path}", code, path);
    }

    private static Map<String, Object> report() {
        return Map.of("reporter", Map.of("name", "李先生", "phone", "13903520001"), "channel", "PHONE");
    }

    private static List<String> eventTypes(String code) {
        return given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .extract().jsonPath().getList("type");
    }

    private static int eventCount(String code) {
        return eventTypes(code).size();
    }

    /** How a ticket's ETag of this version begins. */
    private static String versionTagOf(long version) {
        return "\"" + version + "-";
    }

    private static String etagOf(long version) {
        return "\"" + version + "\"";
    }
}
