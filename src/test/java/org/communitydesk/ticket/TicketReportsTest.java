package org.communitydesk.ticket;

import org.communitydesk.support.SignInAsAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Further calls about a ticket's problem, and the hints that a new ticket may duplicate an open one. */
@QuarkusTest
class TicketReportsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- Further reports ---------------------------------------------------------------------------

    @Test
    void everyFurtherCallIsCountedAndRecordedInternally() {
        String code = createTicket();
        get(code).then().body("reportCount", equalTo(1));

        addReport(code, report("赵先生", "13903520002", "楼道里也有味道")).then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("reportCount", equalTo(2))
                .body("status", equalTo("REPORTED"));
        addReport(code, report("钱女士", "0352-2041111", null)).then()
                .statusCode(200)
                .body("reportCount", equalTo(3));

        get(code).then().body("reportCount", equalTo(3)).body("status", equalTo("REPORTED"));
        List<Map<String, Object>> events = events(code);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("REPORTED", "REPORT_ADDED", "REPORT_ADDED");
        for (Map<String, Object> added : events.subList(1, 3)) {
            assertThat(added).containsEntry("visibility", "INTERNAL")
                    .containsEntry("fromStatus", "REPORTED")
                    .containsEntry("toStatus", "REPORTED")
                    .containsEntry("actor", SignInAsAdmin.ADMIN);
        }
        assertThat(events.get(1).get("note").toString()).contains("楼道里也有味道");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "DISPATCHED, dispatch", "IN_PROGRESS, dispatch start" })
    void furtherCallsAreAcceptedWhileWorkIsUnderway(String status, String route) {
        String code = createTicket();
        walk(code, route.split(" "));

        addReport(code, report("孙先生", "13903520003", null)).then()
                .statusCode(200)
                .body("reportCount", equalTo(2))
                .body("status", equalTo(status));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "RESOLVED, dispatch start resolve", "CLOSED, dispatch start resolve close", "CANCELLED, cancel" })
    void furtherCallsAreRefusedOnceTheTicketIsNoLongerOpen(String status, String route) {
        String code = createTicket();
        walk(code, route.split(" "));
        int events = events(code).size();

        addReport(code, report("孙先生", "13903520003", null)).then()
                .statusCode(409)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":illegal-transition"))
                .body("currentStatus", equalTo(status))
                .body("attempted", equalTo("reports"));

        get(code).then().body("reportCount", equalTo(1)).body("status", equalTo(status));
        assertThat(events(code)).hasSize(events);
    }

    @Test
    void aFurtherCallNeedsAReporterWithAPlausiblePhone() {
        String code = createTicket();

        addReport(code, Map.of("channel", "PHONE")).then()
                .statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("violations.field", contains("reporter"));
        addReport(code, report("周女士", "call me maybe", null)).then()
                .statusCode(400)
                .body("violations.field", contains("reporter.phone"));
        addReport(code, Map.of("reporter", Map.of("name", "周女士"))).then()
                .statusCode(400)
                .body("violations.field", contains("channel"));

        get(code).then().body("reportCount", equalTo(1));
        assertThat(events(code)).hasSize(1);
    }

    @Test
    void aFurtherCallAboutAnUnknownTicketIsNotFound() {
        addReport("CD-1999-999999", report("吴先生", "13903520004", null)).then()
                .statusCode(404)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":not-found"));
    }

    // --- Possible duplicates -----------------------------------------------------------------------

    @Test
    void aSecondCallAboutTheSameProblemPointsToTheFirst() {
        String first = createTicket("sewer-blockage", "beixinyuan", "hongan");

        String second = create(intake("sewer-blockage", "beixinyuan", "hongan")).then()
                .statusCode(201)
                .body("possibleDuplicates.code", hasItem(first))
                .body("possibleDuplicates.find { it.code == '" + first + "' }.status", equalTo("REPORTED"))
                .extract().path("code");

        get(first).then().body("possibleDuplicates.code", hasItem(second));
    }

    @Test
    void anotherCategoryIsNoDuplicate() {
        String streetLight = createTicket("street-light", "beixinyuan", "hongan");

        create(intake("sewer-blockage", "beixinyuan", "hongan")).then()
                .statusCode(201)
                .body("possibleDuplicates.code", not(hasItem(streetLight)));
    }

    @Test
    void anotherSiteIsNoDuplicate() {
        String elsewhere = createTicket("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        String elsewhereToo = createTicket("sewage-overflow", "huaiyuan", "huaiyuan-north");

        create(intake("sewage-overflow", "beixinyuan", "hongan")).then()
                .statusCode(201)
                .body("possibleDuplicates.code", not(hasItem(elsewhere)))
                .body("possibleDuplicates.code", not(hasItem(elsewhereToo)));
    }

    @Test
    void ticketsWithoutASiteAreNeverDuplicates() {
        String withoutSite = createTicket("sewer-blockage", "beixinyuan", null);

        create(intake("sewer-blockage", "beixinyuan", "hongan")).then()
                .statusCode(201)
                .body("possibleDuplicates.code", not(hasItem(withoutSite)));
        create(intake("sewer-blockage", "beixinyuan", null)).then()
                .statusCode(201)
                .body("possibleDuplicates", empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "CANCELLED, cancel", "RESOLVED, dispatch start resolve" })
    void aTicketNoLongerOpenIsNoDuplicate(String status, String route) {
        String earlier = createTicket("fire-hazard", "huaiyuan", "huaiyuan-north");
        walk(earlier, route.split(" "));

        create(intake("fire-hazard", "huaiyuan", "huaiyuan-north")).then()
                .statusCode(201)
                .body("possibleDuplicates.code", not(hasItem(earlier)));
    }

    @Test
    void aTicketReportedMoreThan72HoursEarlierIsNoDuplicate() {
        String earlier = createTicket("sanitation", "zhenxingjie", "jianzhu-no3");
        clock.advance(Duration.ofHours(73));

        create(intake("sanitation", "zhenxingjie", "jianzhu-no3")).then()
                .statusCode(201)
                .body("possibleDuplicates.code", not(hasItem(earlier)));
    }

    @Test
    void aTicketReportedJustWithin72HoursEarlierIsAPossibleDuplicate() {
        String earlier = createTicket("sanitation", "huaiyuan", "huaiyuan-north");
        clock.advance(Duration.ofHours(71));

        create(intake("sanitation", "huaiyuan", "huaiyuan-north")).then()
                .statusCode(201)
                .body("possibleDuplicates.code", hasItem(earlier));
    }

    // --- Helpers -----------------------------------------------------------------------------------

    private static Map<String, Object> report(String name, String phone, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("reporter", Map.of("name", name, "phone", phone));
        body.put("channel", "PHONE");
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    private static Response addReport(String code, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/tickets/{code}/reports", code);
    }

    private static List<Map<String, Object>> events(String code) {
        return given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }
}
