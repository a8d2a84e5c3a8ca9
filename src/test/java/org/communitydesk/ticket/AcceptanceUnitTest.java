package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import org.communitydesk.dashboard.RankingTest;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The acceptance target (签收) in working time (V32): minutes of the calendar's working hours
 * (09:00-12:00, 13:30-17:30, Monday to Friday, Asia/Shanghai) unless the category counts wall-clock minutes (HOURS,
 * the urgent ones). On the ranking test's own database, whose calendar holds no holidays, in July, after its period.
 */
@QuarkusTest
@TestProfile(RankingTest.OwnDatabase.class)
class AcceptanceUnitTest {

    /** Friday 2026-07-03, 19:00 in Shanghai: after the working day. */
    static final Instant FRIDAY_EVENING = Instant.parse("2026-07-03T11:00:00Z");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOrderDispatchedOnFridayEveningIsDueInMondaysWorkingHours() {
        clock.freezeAt(FRIDAY_EVENING);
        String code = createTicket("sewer-blockage", "beixinyuan", "hongan");
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200)
                // 60 working minutes from Monday 09:00: Monday 10:00 in Shanghai.
                .body("assignments.find { it.organization.code == 'tongda-dredging' }.acceptDueAt",
                        equalTo("2026-07-06T02:00:00Z"));
    }

    @Test
    void anUrgentCategoryCountsWallClockMinutesSoANightOverflowIsAcceptedAtNight() {
        clock.freezeAt(FRIDAY_EVENING);
        String code = createTicket("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        move(code, "dispatch", dispatchBody("datong-sewage")).then().statusCode(200)
                .body("assignments.find { it.organization.code == 'datong-sewage' }.acceptDueAt",
                        equalTo("2026-07-03T11:30:00Z"));
    }

    @Test
    void anOrderDispatchedInWorkingHoursRunsOverTheLunchBreak() {
        // Wednesday 2026-07-01, 11:30 in Shanghai: 30 minutes before noon, 30 after 13:30.
        clock.freezeAt(Instant.parse("2026-07-01T03:30:00Z"));
        String code = createTicket("sewer-blockage", "beixinyuan", "hongan");
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200)
                .body("assignments.find { it.organization.code == 'tongda-dredging' }.acceptDueAt",
                        equalTo("2026-07-01T06:00:00Z"));
    }

    @Test
    void theDirectorySaysWhatTheMinutesCount() {
        given().when().get("/api/categories").then().statusCode(200)
                .body("find { it.code == 'sewer-blockage' }.acceptanceTargetMinutes", equalTo(60))
                .body("find { it.code == 'sewer-blockage' }.acceptanceTargetUnit", equalTo("WORKING_HOURS"))
                .body("find { it.code == 'sewage-overflow' }.acceptanceTargetUnit", equalTo("HOURS"))
                .body("find { it.code == 'lift-outage' }.acceptanceTargetUnit", equalTo("HOURS"))
                .body("find { it.code == 'fire-hazard' }.acceptanceTargetUnit", equalTo("HOURS"))
                .body("find { it.code == 'street-light' }.acceptanceTargetUnit", equalTo("WORKING_HOURS"));
    }
}
