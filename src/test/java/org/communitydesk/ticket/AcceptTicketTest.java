package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Accepting an order (签收) through the API: who may, for whom, once, at the version seen, and the figure. */
@QuarkusTest
class AcceptTicketTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A sewage overflow at 建筑三公司家属院, the municipal sewage office leading and the sanitation centre supporting. */
    private static String dispatchedToTwo() {
        String code = createTicket("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        move(code, "dispatch", dispatchBody("datong-sewage", "pingcheng-sanitation")).then().statusCode(200);
        return code;
    }

    private static io.restassured.response.Response accept(User crew, String code, Object body) {
        var request = crew.request().contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).when().post("/api/tickets/{code}/accept", code);
    }

    @Test
    void theLeadsCrewAcceptsItsOrderOnTheTimelineForEveryone() {
        Instant dispatched = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.freezeAt(dispatched);
        String code = dispatchedToTwo();
        User crew = TestUsers.contractor("accept-lead", "datong-sewage");
        crew.request().when().get("/api/tickets/{code}", code).then().statusCode(200)
                .body("allowedActions", equalTo(List.of("accept", "request-extension", "return", "start")))
                // The sewage-overflow target is 30 minutes (V24).
                .body("assignments.find { it.organization.code == 'datong-sewage' }.acceptDueAt",
                        equalTo(dispatched.plus(Duration.ofMinutes(30)).toString()));
        clock.freezeAt(dispatched.plusSeconds(12 * 60));

        accept(crew, code, null).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("DISPATCHED"))
                .body("allowedActions", equalTo(List.of("request-extension", "return", "start")))
                .body("assignments.find { it.organization.code == 'datong-sewage' }.acceptedAt",
                        equalTo(dispatched.plusSeconds(12 * 60).toString()))
                .body("assignments.find { it.organization.code == 'datong-sewage' }.acceptedBy", equalTo(crew.username()))
                .body("assignments.find { it.organization.code == 'pingcheng-sanitation' }.acceptedAt", nullValue());

        JsonPath zh = given().header("Accept-Language", "zh").when().get("/api/tickets/{code}/events", code).then()
                .statusCode(200).extract().jsonPath();
        assertThat(zh.getString("[-1].type")).isEqualTo("ACCEPTED");
        assertThat(zh.getString("[-1].visibility")).isEqualTo("PUBLIC");
        assertThat(zh.getString("[-1].note")).isEqualTo("大同市政排污所已签收");
        String en = given().header("Accept-Language", "en").when().get("/api/tickets/{code}/events", code).then()
                .statusCode(200).extract().path("[-1].note");
        assertThat(en).endsWith(" accepted the order").doesNotContain("签收");
    }

    @Test
    void aSupportingOrganizationsAcceptanceIsForStaffOnly() {
        String code = dispatchedToTwo();
        User crew = TestUsers.contractor("accept-support", "pingcheng-sanitation");

        accept(crew, code, Map.of()).then().statusCode(200)
                .body("assignments.find { it.organization.code == 'pingcheng-sanitation' }.acceptedAt", notNullValue());

        given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .body("[-1].type", equalTo("ACCEPTED"))
                .body("[-1].visibility", equalTo("INTERNAL"));
    }

    @Test
    void acceptingTwiceIsAnIllegalMove() {
        String code = dispatchedToTwo();
        User crew = TestUsers.contractor("accept-twice", "datong-sewage");
        accept(crew, code, null).then().statusCode(200);
        long version = get(code).jsonPath().getLong("version");

        accept(crew, code, null).then().statusCode(409)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":illegal-transition"))
                .body("attempted", equalTo("accept"))
                .body("currentStatus", equalTo("DISPATCHED"))
                .body("allowedActions", equalTo(List.of("request-extension", "return", "start")));
        // The administrator recording the same organization's acceptance again: refused as well.
        move(code, "accept", Map.of("organizationCode", "datong-sewage")).then().statusCode(409)
                .body("type", endsWith(":illegal-transition"));
        get(code).then().body("version", equalTo((int) version));
    }

    @Test
    void aContractorAcceptsOnlyForItsOwnOrganization() {
        String code = dispatchedToTwo();

        // Not dispatched to the ticket: it is outside the organization's scope, as if it did not exist.
        accept(TestUsers.contractor("accept-elsewhere", "tongda-dredging"), code, null).then().statusCode(404)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        // Dispatched, but naming another organization.
        accept(TestUsers.contractor("accept-other", "datong-sewage"), code,
                Map.of("organizationCode", "pingcheng-sanitation")).then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":forbidden"));
        // Offices do not accept orders.
        accept(TestUsers.staff("accept-staff", "zhenxingjie"), code, null).then().statusCode(403)
                .body("type", endsWith(":forbidden"));
        get(code).then().body("assignments.acceptedAt", equalTo(java.util.Arrays.asList(null, null)));
    }

    @Test
    void theAdministratorNamesTheOrganizationWhoseAcceptanceItRecords() {
        String code = dispatchedToTwo();

        move(code, "accept", Map.of()).then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("violations.field", hasItem("organizationCode"));
        move(code, "accept", Map.of("organizationCode", "tongda-dredging")).then().statusCode(400)
                .body("violations.field", hasItem("organizationCode"));
        move(code, "accept", Map.of("organizationCode", "pingcheng-sanitation")).then().statusCode(200)
                .body("assignments.find { it.organization.code == 'pingcheng-sanitation' }.acceptedBy",
                        equalTo("admin"))
                .body("allowedActions", hasItem("accept"));
    }

    @Test
    void aStaleVersionIsRefused() {
        String code = dispatchedToTwo();
        String stale = get(code).header("ETag");
        move(code, "notes", Map.of("text", "派单后补充说明")).then().statusCode(201);
        long current = get(code).jsonPath().getLong("version");

        TestUsers.contractor("accept-stale", "datong-sewage").request().contentType(ContentType.JSON)
                .header("If-Match", stale).when().post("/api/tickets/{code}/accept", code).then()
                .statusCode(412)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":stale-version"))
                .body("currentVersion", equalTo((int) current));
        get(code).then().body("assignments.acceptedAt", not(hasItem(notNullValue())));
    }

    @Test
    void nothingIsAcceptedBeforeTheDispatch() {
        String code = createTicket();

        move(code, "accept", Map.of("organizationCode", "tongda-dredging")).then().statusCode(409)
                .body("type", endsWith(":illegal-transition"))
                // The moves the state allows, as a refused move always answered (urge and resume among them).
                .body("allowedActions", equalTo(List.of("cancel", "dispatch", "pause", "resume")));
    }

    @Test
    void theDashboardCountsOrdersAcceptedWithinTheirTarget() {
        // A day of its own, far from the other tests' tickets.
        Instant day = Instant.parse("2024-02-29T01:00:00Z");
        clock.freezeAt(day);
        String inTime = dispatchedToTwo();
        String late = dispatchedToTwo();
        clock.freezeAt(day.plus(Duration.ofMinutes(20)));
        accept(TestUsers.contractor("accept-fig-a", "datong-sewage"), inTime, null).then().statusCode(200);
        clock.freezeAt(day.plus(Duration.ofMinutes(45)));
        accept(TestUsers.contractor("accept-fig-b", "datong-sewage"), late, null).then().statusCode(200);
        // The two sanitation orders are not accepted: one is counted late once its target passed, both are.

        given().queryParam("from", "2024-02-29").queryParam("to", "2024-02-29").when().get("/api/stats/summary")
                .then().statusCode(200)
                .body("acceptedWithinTarget.part", equalTo(1))
                .body("acceptedWithinTarget.whole", equalTo(4));
    }
}
