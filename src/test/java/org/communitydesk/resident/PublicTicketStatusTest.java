package org.communitydesk.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/public/tickets/{code}: what a resident sees with the access code, and what a guesser gets. */
@QuarkusTest
class PublicTicketStatusTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    /** Each test is its own client address, so that the per-client throttle of one never touches another. */
    private String client;

    @BeforeEach
    void newClient() {
        client = "10.4." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Issued(String code, String accessCode) {
    }

    @Test
    void theResidentSeesStatusPlacesTimesLeadAndPublicEventsOnly() {
        Instant reported = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(reported);
        Issued ticket = newTicket();
        clock.freezeAt(reported.plus(Duration.ofMinutes(20)));
        walk(ticket.code(), "dispatch");
        note(ticket.code(), "内部备注：联系物业经理", "INTERNAL");
        note(ticket.code(), "清掏队已出发", "PUBLIC");

        Response answer = lookup(ticket.code(), ticket.accessCode());

        answer.then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("code", equalTo(ticket.code()))
                .body("status", equalTo("DISPATCHED"))
                .body("category.zh", equalTo("下水堵塞"))
                .body("category.en", equalTo("Sewer blockage"))
                .body("site.zh", equalTo("宏安小区"))
                .body("community.zh", equalTo("北馨园社区"))
                .body("leadOrganization.zh", equalTo("通达管道专业清掏队"))
                .body("reportedAt", equalTo(reported.toString()))
                .body("dispatchedAt", equalTo(reported.plus(Duration.ofMinutes(20)).toString()))
                // A sewer blockage is due 48 hours after the report.
                .body("dueAt", equalTo(reported.plus(Duration.ofHours(48)).toString()))
                .body("resolvedAt", nullValue())
                .body("events.type", equalTo(List.of("REPORTED", "DISPATCHED", "NOTE")))
                .body("events.note", hasItem("清掏队已出发"));
        String body = answer.asString();
        assertThat(body).doesNotContain("内部备注", "2号楼", ticket.accessCode(), "测试居民", "13900000000",
                "reporter", "addressDetail", "accessCode", "admin");
    }

    @Test
    void aLookupRightAfterAChangeShowsTheChangeThoughTheViewIsKeptForSeconds() {
        Instant reported = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(reported);
        Issued ticket = newTicket();
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200).body("status", equalTo("REPORTED"))
                .body("events[0].note", org.hamcrest.Matchers.endsWith("受理"));

        walk(ticket.code(), "dispatch");
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200).body("status", equalTo("DISPATCHED"));
        note(ticket.code(), "清掏队已出发", "PUBLIC");
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200).body("events.note", hasItem("清掏队已出发"));
        // The language is part of what is kept.
        as(client).header("X-Access-Code", ticket.accessCode()).header("Accept-Language", "en")
                .when().get("/api/public/tickets/{code}", ticket.code()).then().statusCode(200)
                .body("events[0].note", org.hamcrest.Matchers.startsWith("Received"));

        walk(ticket.code(), "start", "resolve");
        Instant deadline = Instant.parse(lookup(ticket.code(), ticket.accessCode()).then().statusCode(200).extract()
                .path("feedbackDeadline"));
        assertThat(deadline).isEqualTo(reported.plus(Duration.ofDays(7)));
        // Nothing changes on the ticket when its feedback window ends, but the answer does at once.
        clock.freezeAt(deadline.plusSeconds(1));
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200).body("feedbackDeadline", nullValue());
    }

    @Test
    void theAccessCodeIsReadWithoutRegardToCaseSpacesOrDashes() {
        Issued ticket = newTicket();
        String typed = ticket.accessCode().substring(0, 4).toLowerCase() + " - " + ticket.accessCode().substring(4);
        lookup(ticket.code(), typed).then().statusCode(200).body("code", equalTo(ticket.code()));
    }

    @Test
    void theTrackingCodeIsReadWithoutRegardToCaseAndDashes() {
        Issued ticket = newTicket();
        lookup(ticket.code().toLowerCase(), ticket.accessCode()).then().statusCode(200).body("code", equalTo(ticket.code()));
        lookup(ticket.code().replace("-", ""), ticket.accessCode()).then().statusCode(200).body("code", equalTo(ticket.code()));
        // Staff and Open311 read it the same way.
        given().when().get("/api/tickets/{code}", ticket.code().toLowerCase().replace("-", ""))
                .then().statusCode(200).body("code", equalTo(ticket.code()));
        given().auth().none().when().get("/open311/v2/requests/{id}.json", ticket.code().toLowerCase())
                .then().statusCode(200).body("[0].service_request_id", equalTo(ticket.code()));
        given().when().get("/api/tickets?q={q}", ticket.code().toLowerCase().replace("-", ""))
                .then().statusCode(200).body("items.code", org.hamcrest.Matchers.contains(ticket.code()));
    }

    @Test
    void aWrongOrMissingCodeLooksExactlyLikeAnUnknownTicket() {
        Issued ticket = newTicket();
        String unknown = "CD-1999-" + UUID.randomUUID().toString().substring(0, 6);

        Response wrong = lookup(ticket.code(), "ACDEFGHJ");
        Response missing = as(client).when().get("/api/public/tickets/{code}", ticket.code());
        Response absent = lookup(unknown, ticket.accessCode());

        for (Response answer : List.of(wrong, missing, absent)) {
            answer.then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:communitydesk:problem:not-found"));
        }
        assertThat(wrong.asString()).isEqualTo(missing.asString());
        assertThat(absent.asString().replace(unknown, ticket.code())).isEqualTo(wrong.asString());
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        Issued ticket = newTicket();
        String second = given().contentType(ContentType.JSON)
                .when().post("/api/tickets/{code}/access-code", ticket.code())
                .then().statusCode(200).extract().path("accessCode");

        lookup(ticket.code(), ticket.accessCode()).then().statusCode(404);
        lookup(ticket.code(), second).then().statusCode(200);
    }

    @Test
    void aTicketWithoutAnAccessCodeCannotBeOpened() {
        Issued ticket = newTicket();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ticket set access_code_hash = null where code = :code").setParameter("code", ticket.code())
                .executeUpdate());

        lookup(ticket.code(), ticket.accessCode()).then().statusCode(404);
        lookup(ticket.code(), "").then().statusCode(404);
    }

    @Test
    void moreThanTenWrongCodesInAnHourBlockTheGuessingClientForAnHour() {
        Issued ticket = newTicket();
        Issued other = newTicket();
        long versionBefore = version(ticket.code());

        for (int i = 0; i < 10; i++) {
            lookup(ticket.code(), "WRONG" + i).then().statusCode(404);
        }
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200);

        lookup(ticket.code(), "WRONGX").then().statusCode(404);
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(404);
        lookup(other.code(), other.accessCode()).then().statusCode(200);
        // A guesser's failures never change the ticket, so staff's If-Match stays valid.
        assertThat(version(ticket.code())).isEqualTo(versionBefore);

        clock.advance(Duration.ofMinutes(59));
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(404);
        clock.advance(Duration.ofMinutes(2));
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200);
        // The count starts again after the block.
        lookup(ticket.code(), "WRONGY").then().statusCode(404);
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200);
    }

    @Test
    void aGuesserCannotBlockTheResident() {
        // Issue 20, point 3: eleven wrong codes from one address used to make the right code answer 404 for
        // everyone for an hour, on any ticket, since codes are sequential. Now only the guesser is refused.
        Issued ticket = newTicket();
        for (int i = 0; i <= 10; i++) {
            lookup(ticket.code(), "WRONG" + i).then().statusCode(404);
        }
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(404);

        String resident = "10.6." + (int) (Math.random() * 250) + ".7";
        as(resident).header("X-Access-Code", ticket.accessCode()).when().get("/api/public/tickets/{code}", ticket.code())
                .then().statusCode(200).body("code", equalTo(ticket.code()));
        // Feedback, which the block used to stop for the whole 7-day window, goes through too.
        walk(ticket.code(), "dispatch", "start", "resolve");
        as(resident).contentType(ContentType.JSON).header("X-Access-Code", ticket.accessCode())
                .body(Map.of("rating", 1, "resolved", false)).when()
                .post("/api/public/tickets/{code}/feedback", ticket.code()).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"));
    }

    @Test
    void aNewAccessCodeStartsClean() {
        // Decided again (issue 20): the guesses were against the old code, so a new code starts with no count and
        // no block, for every client. A guesser gets ten more tries per reissue, against 24^8 codes: nothing.
        Issued ticket = newTicket();
        for (int i = 0; i <= 10; i++) {
            lookup(ticket.code(), "WRONG" + i).then().statusCode(404);
        }
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(404);

        String reissued = given().contentType(ContentType.JSON).when()
                .post("/api/tickets/{code}/access-code", ticket.code()).then().statusCode(200).extract()
                .path("accessCode");

        lookup(ticket.code(), reissued).then().statusCode(200);
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(404);
        assertThat(failures(ticket.code())).as("the ticket-wide count after the wrong old code").isEqualTo(1);
    }

    @Test
    void manyAddressesTogetherHitTheLastResortWhichStaffSeeAndLift() {
        clock.freezeAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Issued ticket = newTicket();
        String resident = "10.7." + (int) (Math.random() * 250) + ".9";
        // Eleven guessers, each within its own limit of ten: 110 wrong codes, past the ceiling of 100.
        for (int g = 0; g < 11; g++) {
            String guesser = "10.8." + g + "." + (int) (Math.random() * 250);
            for (int i = 0; i < 10; i++) {
                as(guesser).header("X-Access-Code", "WRONG" + i).when()
                        .get("/api/public/tickets/{code}", ticket.code()).then().statusCode(404);
            }
        }
        as(resident).header("X-Access-Code", ticket.accessCode()).when().get("/api/public/tickets/{code}", ticket.code())
                .then().statusCode(404);
        given().when().get("/api/tickets/{code}", ticket.code()).then().statusCode(200)
                .body("accessBlocks.allClientsUntil", equalTo(clock.instant().plus(Duration.ofHours(1)).toString()))
                .body("accessBlocks.clients", org.hamcrest.Matchers.empty());

        given().contentType(ContentType.JSON).body("{}").when()
                .post("/api/tickets/{code}/access-blocks/lift", ticket.code()).then().statusCode(200)
                .body("accessBlocks.allClientsUntil", nullValue());
        as(resident).header("X-Access-Code", ticket.accessCode()).when().get("/api/public/tickets/{code}", ticket.code())
                .then().statusCode(200);
        given().when().get("/api/tickets/{code}/events", ticket.code()).then()
                .body("find { it.type == 'ACCESS_BLOCKS_LIFTED' }.actor", equalTo("admin"))
                .body("find { it.type == 'ACCESS_BLOCKS_LIFTED' }.visibility", equalTo("INTERNAL"));
    }

    @Test
    void staffSeeWhichClientIsBlockedAndLiftIt() {
        clock.freezeAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Issued ticket = newTicket();
        for (int i = 0; i <= 10; i++) {
            lookup(ticket.code(), "WRONG" + i).then().statusCode(404);
        }
        given().when().get("/api/tickets/{code}", ticket.code()).then().statusCode(200)
                .body("accessBlocks.clients.address", equalTo(List.of(client)))
                .body("accessBlocks.clients[0].failures", equalTo(11))
                .body("accessBlocks.clients[0].until", equalTo(clock.instant().plus(Duration.ofHours(1)).toString()))
                .body("accessBlocks.allClientsUntil", nullValue());

        given().contentType(ContentType.JSON).body("{}").when()
                .post("/api/tickets/{code}/access-blocks/lift", ticket.code()).then().statusCode(200)
                .body("accessBlocks.clients", org.hamcrest.Matchers.empty());
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200);
    }

    @Test
    void wrongCodesSpreadOverMoreThanAnHourDoNotBlock() {
        Issued ticket = newTicket();
        for (int i = 0; i < 6; i++) {
            lookup(ticket.code(), "WRONG" + i).then().statusCode(404);
        }
        clock.advance(Duration.ofMinutes(61));
        for (int i = 0; i < 6; i++) {
            lookup(ticket.code(), "WRONG" + i).then().statusCode(404);
        }
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200);
    }

    @Test
    void moreThanSixtyFailedLookupsFromOneAddressInAMinuteGet429() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        Issued ticket = newTicket();
        for (int i = 0; i < 60; i++) {
            lookup("CD-1999-" + String.format("%06d", i), "ACDEFGHJ").then().statusCode(404);
        }

        Response refused = lookup("CD-1999-000061", "ACDEFGHJ");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:communitydesk:problem:too-many-lookups"));
        // All sixty failures came at the frozen instant: the first leaves the one-minute window in 60 seconds.
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        // Even the right code waits; another address does not.
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(429);
        as("10.5.0.1").header("X-Access-Code", ticket.accessCode())
                .when().get("/api/public/tickets/{code}", ticket.code()).then().statusCode(200);

        clock.freezeAt(start.plusSeconds(61));
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200);
    }

    @Test
    void failedLookupsCountedByAnotherInstanceCountTowardsThe429() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        Issued ticket = newTicket();
        // Another instance behind the same balancer saw 59 failures from this address within the minute.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 59; i++) {
                em.createNativeQuery("insert into client_failure (kind, address, expires_at) values ('PUBLIC_LOOKUP', ?1, ?2)")
                        .setParameter(1, client).setParameter(2, clock.instant().plusSeconds(50)).executeUpdate();
            }
        });
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200);

        lookup("CD-1999-000001", "ACDEFGHJ").then().statusCode(404);

        Response refused = lookup(ticket.code(), ticket.accessCode());
        refused.then().statusCode(429).contentType("application/problem+json");
        // The oldest of the other instance's failures leaves the window in 50 seconds.
        assertThat(refused.header("Retry-After")).isEqualTo("50");
        clock.freezeAt(start.plusSeconds(51));
        lookup(ticket.code(), ticket.accessCode()).then().statusCode(200);
    }

    @Test
    void personalDataTypedIntoPublicTextIsMasked() {
        Map<String, Object> body = intake("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        body.put("reporter", Map.of("name", "欧阳娜娜", "phone", "13512345678"));
        Response created = create(body);
        Issued ticket = new Issued(created.path("code"), created.path("accessCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of("reporter", Map.of("name", "司马光明", "phone", "0352-7654321"), "channel", "PHONE"))
                .when().post("/api/tickets/{code}/reports", ticket.code()).then().statusCode(200);
        note(ticket.code(), "已回电欧阳娜娜 13512345678，司马光明也反映了", "PUBLIC");

        String answer = lookup(ticket.code(), ticket.accessCode()).then().statusCode(200).extract().asString();

        assertThat(answer).doesNotContain("欧阳娜娜", "13512345678", "司马光明", "7654321").contains("已回电***");
    }

    @Test
    void twoFirstWrongCodesAtTheSameMomentBothAnswer404AndBothCount() throws Exception {
        // Several rounds, each on a ticket without a guard row yet: the race is on creating that row.
        for (int round = 0; round < 4; round++) {
            Issued ticket = newTicket();
            List<Integer> statuses = atOnce(
                    () -> lookup(ticket.code(), "WRONGA").statusCode(),
                    () -> lookup(ticket.code(), "WRONGB").statusCode());
            assertThat(statuses).as("round %d", round).containsExactly(404, 404);
            assertThat(failures(ticket.code())).as("round %d", round).isEqualTo(2);
        }
    }

    // --- Feedback ---------------------------------------------------------------------------------------

    @Test
    void satisfiedFeedbackClosesTheTicketAndShowsOnTheTimeline() {
        Instant resolved = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(resolved);
        Issued ticket = resolvedTicket();
        // Feedback is open for seven days after the resolution.
        lookup(ticket.code(), ticket.accessCode()).then()
                .body("feedbackDeadline", equalTo(resolved.plus(Duration.ofDays(7)).toString()));

        feedback(ticket, 5, true, "疏通及时，谢谢").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("CLOSED"))
                .body("feedbackDeadline", nullValue())
                .body("events.type", hasItem("FEEDBACK"));
        given().when().get("/api/tickets/{code}/events", ticket.code()).then()
                .body("find { it.type == 'FEEDBACK' }.actor", equalTo("resident"))
                .body("find { it.type == 'CLOSED' }.actor", equalTo("resident"));
    }

    @Test
    void notResolvedReopensTheTicketWithAPublicEvent() {
        Issued ticket = resolvedTicket();
        feedback(ticket, 1, false, "还是堵").then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("resolvedAt", nullValue())
                .body("events.type", hasItem("REOPENED"));
        given().when().get("/api/tickets/{code}", ticket.code()).then().body("reopenCount", equalTo(1));
    }

    @Test
    void feedbackIsTakenOnceAndForSevenDays() {
        Issued once = resolvedTicket();
        Issued late = resolvedTicket();
        feedback(once, 4, true, null).then().statusCode(200);
        feedback(once, 2, true, null).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-already-given"));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        feedback(late, 4, true, null).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-window-closed"));
        lookup(late.code(), late.accessCode()).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void feedbackIsTakenUpToExactlySevenDaysAfterTheResolution() {
        Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(resolvedAt);
        Issued onTheDot = resolvedTicket();
        Issued oneSecondLate = resolvedTicket();

        clock.freezeAt(resolvedAt.plus(Duration.ofDays(7)));
        feedback(onTheDot, 4, true, null).then().statusCode(200).body("status", equalTo("CLOSED"));
        clock.freezeAt(resolvedAt.plus(Duration.ofDays(7)).plusSeconds(1));
        feedback(oneSecondLate, 4, true, null).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-window-closed"));
    }

    @Test
    void residentAndFollowUpFeedbackRacingOnOneResolution() throws Exception {
        for (int round = 0; round < 2; round++) {
            Issued ticket = resolvedTicket();
            // The test holds the ticket's row until both requests wait for it, so that they truly meet.
            List<Response> answers = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("select id from ticket where code = ?1 for update").setParameter(1, ticket.code())
                        .getResultList();
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Future<Response> resident = pool.submit(() -> feedback(ticket, 5, true, "居民"));
                    Future<Response> staff = pool.submit(() -> given().contentType(ContentType.JSON)
                            .body(Map.of("rating", 2, "resolved", true))
                            .when().post("/api/tickets/{code}/feedback", ticket.code()));
                    awaitSessionsWaitingForALock(2);
                    return new Pending(pool, resident, staff);
                } catch (RuntimeException | Error e) {
                    pool.shutdownNow();
                    throw e;
                }
            }).collect();
            List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            // The loser is told why: feedback was given, not a bare conflict or a 500.
            Response loser = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
            assertThat(loser.contentType()).startsWith("application/problem+json");
            assertThat(loser.<String>path("type")).isEqualTo("urn:communitydesk:problem:feedback-already-given");
            assertThat(count("select count(*) from ticket_feedback f join ticket t on t.id = f.ticket_id"
                    + " where t.code = ?1", ticket.code())).as("feedback rows").isEqualTo(1);
            assertThat(count("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id"
                    + " where t.code = ?1 and e.type = 'FEEDBACK'", ticket.code())).as("feedback events").isEqualTo(1);
        }
    }

    /** Two requests under way; their answers once the test's transaction has let the row go. */
    private record Pending(ExecutorService pool, Future<Response> resident, Future<Response> staff) {
        List<Response> collect() throws Exception {
            try {
                return List.of(resident.get(60, TimeUnit.SECONDS), staff.get(60, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Polls the database (not a sleep) until that many other sessions wait for a row lock. */
    private void awaitSessionsWaitingForALock(int sessions) {
        boolean postgres = "postgresql".equals(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.db-kind", String.class));
        String sql = postgres
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (true) {
            if (postgres) {
                // PostgreSQL keeps one snapshot of the statistics per transaction; this one polls.
                em.createNativeQuery("select pg_stat_clear_snapshot()").getResultList();
            }
            if (((Number) em.createNativeQuery(sql).getSingleResult()).intValue() >= sessions) {
                return;
            }
            assertThat(System.nanoTime()).as("%d requests waiting for the ticket's row", sessions).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void feedbackWithAWrongCodeChangesNothing() {
        Issued ticket = resolvedTicket();
        long before = version(ticket.code());
        as(client).contentType(ContentType.JSON).header("X-Access-Code", "ACDEFGHJ")
                .body(Map.of("rating", 1, "resolved", false))
                .when().post("/api/public/tickets/{code}/feedback", ticket.code())
                .then().statusCode(404);
        assertThat(version(ticket.code())).isEqualTo(before);
        given().when().get("/api/tickets/{code}", ticket.code()).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void anInvalidRatingIsRefused() {
        Issued ticket = resolvedTicket();
        feedback(ticket, 9, true, null).then().statusCode(400).body("violations.field", hasItem("rating"));
        as(client).contentType(ContentType.JSON).header("X-Access-Code", ticket.accessCode())
                .body(Map.of("rating", 3)).when().post("/api/public/tickets/{code}/feedback", ticket.code())
                .then().statusCode(400).body("violations.field", hasItem("resolved"));
        lookup(ticket.code(), ticket.accessCode()).then().body("status", equalTo("RESOLVED"))
                .body("events.type", not(hasItem("FEEDBACK")));
    }

    @Test
    void feedbackBeforeResolutionIsRefused() {
        Issued ticket = newTicket();
        feedback(ticket, 5, true, null).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-not-open"));
    }

    // --- Helpers -------------------------------------------------------------------------------------------

    private Issued newTicket() {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        created.then().statusCode(201);
        return new Issued(created.path("code"), created.path("accessCode"));
    }

    private Issued resolvedTicket() {
        Issued ticket = newTicket();
        walk(ticket.code(), "dispatch", "start", "resolve");
        return ticket;
    }

    private RequestSpecification as(String address) {
        return given().auth().none().header("X-Forwarded-For", address);
    }

    private Response lookup(String code, String accessCode) {
        return as(client).header("X-Access-Code", accessCode).when().get("/api/public/tickets/{code}", code);
    }

    private Response feedback(Issued ticket, int rating, boolean resolved, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("rating", rating, "resolved", resolved));
        if (comment != null) {
            body.put("comment", comment);
        }
        return as(client).contentType(ContentType.JSON).header("X-Access-Code", ticket.accessCode()).body(body)
                .when().post("/api/public/tickets/{code}/feedback", ticket.code());
    }

    /** Runs the calls on threads released together, and returns their answers in order. */
    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch ready = new CountDownLatch(calls.length);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private int failures(String code) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select g.failures from ticket_access_guard g join ticket t on t.id = g.ticket_id where t.code = ?1")
                .setParameter(1, code).getSingleResult()).intValue());
    }

    private long count(String sql, String code) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, code).getSingleResult()).longValue());
    }

    private static void note(String code, String text, String visibility) {
        move(code, "notes", Map.of("text", text, "visibility", visibility)).then().statusCode(201);
    }

    private static long version(String code) {
        return ((Number) given().when().get("/api/tickets/{code}", code).then().statusCode(200).extract()
                .path("version")).longValue();
    }
}
