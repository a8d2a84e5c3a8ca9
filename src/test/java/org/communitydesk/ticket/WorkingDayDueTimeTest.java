package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A category whose NORMAL targets are 4 working hours to dispatch and 3 working days to resolve (as a migration
 * would set them; the test sets them with SQL and puts the figures back afterwards), on a calendar made up here
 * for 2034, a year no other test uses: Saturday 30 September worked, Monday 2 and Tuesday 3 October off.
 * Tickets are reported on Friday 29 September at 19:40 in Shanghai.
 */
@QuarkusTest
class WorkingDayDueTimeTest {

    static final String CATEGORY = "property-dispute";
    static final Instant FRIDAY_EVENING = Instant.parse("2034-09-29T11:40:00Z");

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    private final List<String> tickets = new ArrayList<>();

    @BeforeEach
    void workingUnitsAndAMadeUpCalendar() {
        setNormalTargets(4, "WORKING_HOURS", 3, "WORKING_DAYS");
        clearCalendar();
        setDay("2034-09-30", "MAKEUP_WORKDAY");
        setDay("2034-10-02", "HOLIDAY");
        setDay("2034-10-03", "HOLIDAY");
        clock.freezeAt(FRIDAY_EVENING);
    }

    @AfterEach
    void putEverythingBack() {
        for (String code : tickets) {
            move(code, "cancel", Map.of("reason", "WITHDRAWN")).then().statusCode(200);
        }
        clock.reset();
        clearCalendar();
        // As in V2 and V25: 48 and 336 wall-clock hours.
        setNormalTargets(48, "HOURS", 336, "HOURS");
    }

    @Test
    void aTicketIsDueByWorkingHoursAndWorkingDaysOfTheCalendar() {
        JsonPath ticket = report();

        // 4 working hours from Friday evening: 09:00–12:00 and 13:30–14:30 on the make-up Saturday.
        assertThat(ticket.getString("dispatchDueAt")).isEqualTo("2034-09-30T06:30:00Z");
        // 3 working days: the make-up Saturday, then (past the weekend and the two days off) Wednesday and Thursday,
        // at the close of business, 17:30 in Shanghai.
        assertThat(ticket.getString("dueAt")).isEqualTo("2034-10-05T09:30:00Z");

        JsonPath categories = given().get("/api/categories").then().statusCode(200).extract().jsonPath();
        String normal = "find { it.code == '" + CATEGORY + "' }.sla.find { it.priority == 'NORMAL' }";
        assertThat(categories.getMap(normal + ".toResolve")).isEqualTo(Map.of("amount", 3, "unit", "WORKING_DAYS"));
        assertThat(categories.getMap(normal + ".toDispatch")).isEqualTo(Map.of("amount", 4, "unit", "WORKING_HOURS"));
        assertThat(categories.<Object>get(normal + ".hoursToResolve")).isNull();
    }

    @Test
    void aChangeOfTheCalendarMovesOnlyDueTimesComputedAfterIt() {
        JsonPath before = report();

        setDay("2034-10-04", "HOLIDAY");
        given().contentType(ContentType.JSON).when().delete("/api/calendar/days/{date}", "2034-09-30").then().statusCode(204);

        JsonPath kept = get(before.getString("code")).then().statusCode(200).extract().jsonPath();
        assertThat(kept.getString("dispatchDueAt")).isEqualTo("2034-09-30T06:30:00Z");
        assertThat(kept.getString("dueAt")).isEqualTo("2034-10-05T09:30:00Z");

        JsonPath after = report();
        // Saturday is off again and Wednesday is off now: Thursday is the first working day.
        assertThat(after.getString("dispatchDueAt")).isEqualTo("2034-10-05T06:30:00Z");
        assertThat(after.getString("dueAt")).isEqualTo("2034-10-09T09:30:00Z");
    }

    private JsonPath report() {
        Map<String, Object> body = intake(CATEGORY, "qingyuanxijie", null);
        body.put("priority", "NORMAL");
        JsonPath ticket = create(body).then().statusCode(201).extract().jsonPath();
        tickets.add(ticket.getString("code"));
        assertThat(ticket.getString("reportedAt")).isEqualTo(FRIDAY_EVENING.toString());
        return ticket;
    }

    private static void setDay(String date, String kind) {
        given().contentType(ContentType.JSON).body(Map.of("kind", kind, "name", "测试日历")).when()
                .put("/api/calendar/days/{date}", date).then().statusCode(201);
    }

    private static void clearCalendar() {
        List<String> listed = given().queryParam("year", 2034).when().get("/api/calendar/days").then().statusCode(200)
                .extract().jsonPath().getList("days.date");
        for (String date : listed) {
            given().contentType(ContentType.JSON).when().delete("/api/calendar/days/{date}", date).then().statusCode(204);
        }
    }

    /** What a migration would do; categories live in the second-level cache, so the cached copy goes too. */
    private void setNormalTargets(int dispatch, String dispatchUnit, int resolve, String resolveUnit) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE service_category SET "
                + "dispatch_hours_normal = ?1, dispatch_unit_normal = ?2, resolve_hours_normal = ?3, resolve_unit_normal = ?4 "
                + "WHERE code = ?5").setParameter(1, dispatch).setParameter(2, dispatchUnit).setParameter(3, resolve)
                .setParameter(4, resolveUnit).setParameter(5, CATEGORY).executeUpdate());
        em.getEntityManagerFactory().getCache().evict(ServiceCategory.class);
    }
}
