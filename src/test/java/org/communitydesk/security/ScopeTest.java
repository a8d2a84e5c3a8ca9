package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.validBodyFor;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;

/**
 * Ticket scope: which tickets each role sees and may act on. Out-of-scope tickets are absent from
 * lists and answer 404 (never 403, which would confirm they exist); role limits answer 403.
 */
@QuarkusTest
class ScopeTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** Users shared by the tests of this class; none of the tests changes them. */
    private static User beixinyuanStaff;
    private static User yingbinSupervisor;
    private static User tongdaCrew;

    private static synchronized void createUsersOnce() {
        if (beixinyuanStaff == null) {
            beixinyuanStaff = TestUsers.staff("scope-staff", "beixinyuan");
            yingbinSupervisor = TestUsers.supervisor("scope-supervisor", "yingbin");
            tongdaCrew = TestUsers.contractor("scope-tongda", "tongda-dredging");
        }
    }

    private static User staff() {
        createUsersOnce();
        return beixinyuanStaff;
    }

    private static User supervisor() {
        createUsersOnce();
        return yingbinSupervisor;
    }

    private static User contractor() {
        createUsersOnce();
        return tongdaCrew;
    }

    // --- Community staff -------------------------------------------------------------------------

    @Test
    void staffSeeTheTicketsOfTheirCommunityButNotThoseOfAnotherCommunity() {
        String token = token();
        String own = ticketAt("beixinyuan", "hongan", token);
        String other = ticketAt("zhenxingjie", "jianzhu-no3", token);
        // The administrator sees both, so the token filter does select the other ticket.
        searchCodes(given(), token).then().body("items.code", containsInAnyOrder(own, other)).body("total", equalTo(2));

        searchCodes(staff().request(), token).then().statusCode(200)
                .body("items.code", containsInAnyOrder(own))
                .body("total", equalTo(1));
        staff().request().queryParam("community", "zhenxingjie").queryParam("q", token)
                .when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(0));
        staff().request().when().get("/api/tickets/{code}", own).then().statusCode(200);
        staff().request().when().get("/api/tickets/{code}", other).then().statusCode(404).contentType(PROBLEM_JSON);
        staff().request().when().get("/api/tickets/{code}/events", other).then().statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void staffActionsOnATicketOfAnotherCommunityAnswer404AndChangeNothing() {
        // Each action is tried on a ticket in a state that accepts it, so only the scope can refuse it.
        String reported = ticketAt("zhenxingjie", "jianzhu-no3", token());
        String resolved = ticketAt("zhenxingjie", "jianzhu-no3", token());
        walk(resolved, "dispatch", "start", "resolve");
        Map<String, String> targets = Map.of(
                "reports", reported,
                "notes", reported,
                "dispatch", reported,
                "cancel", reported,
                "close", resolved);
        long reportedVersion = version(reported);
        long resolvedVersion = version(resolved);

        targets.forEach((action, code) -> post(staff().request(), code, action, bodyFor(action)).then()
                .statusCode(404).contentType(PROBLEM_JSON));

        assertThat(version(reported)).as("the out-of-scope REPORTED ticket is unchanged").isEqualTo(reportedVersion);
        assertThat(version(resolved)).as("the out-of-scope RESOLVED ticket is unchanged").isEqualTo(resolvedVersion);
    }

    @Test
    void staffLogCallsOnlyForTheirOwnCommunity() {
        String token = token();
        staff().request().contentType(ContentType.JSON).body(described(intake("sewer-blockage", "zhenxingjie",
                "jianzhu-no3"), token)).when().post("/api/tickets").then()
                .statusCode(403).contentType(PROBLEM_JSON);
        searchCodes(given(), token).then().body("total", equalTo(0));

        staff().request().contentType(ContentType.JSON).body(described(intake("sewer-blockage", "beixinyuan",
                "hongan"), token)).when().post("/api/tickets").then()
                .statusCode(201);
    }

    @Test
    void staffMayNotReopen() {
        String code = ticketAt("beixinyuan", "hongan", token());
        walk(code, "dispatch", "start", "resolve");

        post(staff().request(), code, "reopen", validBodyFor("reopen")).then().statusCode(403).contentType(PROBLEM_JSON);
        get(code).then().body("status", equalTo("RESOLVED"));

        post(supervisor().request(), code, "reopen", validBodyFor("reopen")).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"));
    }

    @Test
    void staffDispatchAReportedTicketButOnlyTheSupervisorMayChangeTheAssignmentsAfterwards() {
        String code = ticketAt("beixinyuan", "hongan", token());

        post(staff().request(), code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"));
        post(staff().request(), code, "dispatch", dispatchBody("datong-sewage")).then().statusCode(403)
                .contentType(PROBLEM_JSON);
        get(code).then().body("assignments.organization.code", containsInAnyOrder("tongda-dredging"));

        post(supervisor().request(), code, "dispatch", dispatchBody("datong-sewage")).then().statusCode(200)
                .body("assignments.organization.code", containsInAnyOrder("datong-sewage"));
    }

    @Test
    void anOutOfScopeTicketIsUnknownAsTheOriginalOfADuplicate() {
        // It must answer exactly like a code that does not exist, or codes of other communities can be probed.
        String own = ticketAt("beixinyuan", "hongan", token());
        String other = ticketAt("zhenxingjie", "jianzhu-no3", token());
        post(staff().request(), own, "cancel", Map.of("reason", "DUPLICATE", "duplicateOf", "CD-1999-999999")).then()
                .statusCode(400).body("violations.field", hasItem("duplicateOf"));

        post(staff().request(), own, "cancel", Map.of("reason", "DUPLICATE", "duplicateOf", other)).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("duplicateOf"));
        get(own).then().body("status", equalTo("REPORTED"));
    }

    // --- Street-office supervisor ------------------------------------------------------------------

    @Test
    void supervisorsSeeEveryCommunityOfTheirStreetOfficeAndNoOther() {
        String token = token();
        String beixinyuan = ticketAt("beixinyuan", "hongan", token);
        String zhenxingjie = ticketAt("zhenxingjie", "jianzhu-no3", token);
        String huaiyuan = ticketAt("huaiyuan", "huaiyuan-north", token);
        searchCodes(given(), token).then().body("total", equalTo(3));

        searchCodes(supervisor().request(), token).then().statusCode(200)
                .body("items.code", containsInAnyOrder(beixinyuan, zhenxingjie))
                .body("total", equalTo(2));
        supervisor().request().when().get("/api/tickets/{code}", zhenxingjie).then().statusCode(200);
        supervisor().request().when().get("/api/tickets/{code}", huaiyuan).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        supervisor().request().when().get("/api/tickets/{code}/events", huaiyuan).then().statusCode(404);
        long version = version(huaiyuan);
        post(supervisor().request(), huaiyuan, "dispatch", dispatchBody("zhongrui-property")).then().statusCode(404);
        post(supervisor().request(), huaiyuan, "notes", bodyFor("notes")).then().statusCode(404);
        assertThat(version(huaiyuan)).isEqualTo(version);
    }

    @Test
    void supervisorsLogCallsForTheCommunitiesOfTheirStreetOfficeOnly() {
        String token = token();
        supervisor().request().contentType(ContentType.JSON)
                .body(described(intake("sewer-blockage", "zhenxingjie", "jianzhu-no3"), token))
                .when().post("/api/tickets").then().statusCode(201);
        supervisor().request().contentType(ContentType.JSON)
                .body(described(intake("sewer-blockage", "huaiyuan", "huaiyuan-north"), token))
                .when().post("/api/tickets").then().statusCode(403).contentType(PROBLEM_JSON);
        searchCodes(given(), token).then().body("total", equalTo(1));
    }

    // --- Contractor --------------------------------------------------------------------------------

    @Test
    void contractorsSeeOnlyTicketsTheirOrganizationIsAssignedTo() {
        String token = token();
        String ours = ticketAt("beixinyuan", "hongan", token);
        move(ours, "dispatch", dispatchBody("tongda-dredging"));
        String supporting = ticketAt("zhenxingjie", "jianzhu-no3", token);
        move(supporting, "dispatch", dispatchBody("datong-sewage", "tongda-dredging"));
        String elsewhere = ticketAt("beixinyuan", "hongan", token);
        move(elsewhere, "dispatch", dispatchBody("datong-sewage"));
        String notDispatched = ticketAt("beixinyuan", "hongan", token);
        searchCodes(given(), token).then().body("total", equalTo(4));

        searchCodes(contractor().request(), token).then().statusCode(200)
                .body("items.code", containsInAnyOrder(ours, supporting))
                .body("total", equalTo(2));
        // Contractors see the work, not the caller's name and phone; the admin (as staff would) does.
        contractor().request().when().get("/api/tickets/{code}", ours).then().statusCode(200)
                .body("reporter", org.hamcrest.Matchers.nullValue());
        given().when().get("/api/tickets/{code}", ours).then().statusCode(200)
                .body("reporter.name", equalTo("测试居民"))
                .body("reporter.phone", equalTo("13900000000"));
        contractor().request().when().get("/api/tickets/{code}", supporting).then().statusCode(200);
        for (String hidden : List.of(elsewhere, notDispatched)) {
            contractor().request().when().get("/api/tickets/{code}", hidden).then().statusCode(404)
                    .contentType(PROBLEM_JSON);
            contractor().request().when().get("/api/tickets/{code}/events", hidden).then().statusCode(404);
            post(contractor().request(), hidden, "notes", bodyFor("notes")).then().statusCode(404);
        }
        post(contractor().request(), elsewhere, "start", Map.of()).then().statusCode(404);
        get(elsewhere).then().body("status", equalTo("DISPATCHED"));
    }

    @Test
    void contractorsLoseSightOfATicketOnceTheSupervisorReassignsItElsewhere() {
        String token = token();
        String code = ticketAt("beixinyuan", "hongan", token);
        move(code, "dispatch", dispatchBody("tongda-dredging"));
        contractor().request().when().get("/api/tickets/{code}", code).then().statusCode(200);

        post(supervisor().request(), code, "dispatch", dispatchBody("datong-sewage")).then().statusCode(200);

        contractor().request().when().get("/api/tickets/{code}", code).then().statusCode(404);
        searchCodes(contractor().request(), token).then().body("total", equalTo(0));
        post(contractor().request(), code, "start", Map.of()).then().statusCode(404);
    }

    @Test
    void contractorsStartAndResolveTheirTicketsButMayNotCancelOrCloseThem() {
        String code = ticketAt("beixinyuan", "hongan", token());
        move(code, "dispatch", dispatchBody("tongda-dredging"));

        post(contractor().request(), code, "start", Map.of()).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        post(contractor().request(), code, "cancel", validBodyFor("cancel")).then().statusCode(403)
                .contentType(PROBLEM_JSON);
        post(contractor().request(), code, "notes", bodyFor("notes")).then().statusCode(201);
        post(contractor().request(), code, "resolve", validBodyFor("resolve")).then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        post(contractor().request(), code, "close", Map.of()).then().statusCode(403).contentType(PROBLEM_JSON);
        post(contractor().request(), code, "reopen", validBodyFor("reopen")).then().statusCode(403);

        get(code).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void contractorsMayNotLogCalls() {
        String token = token();
        contractor().request().contentType(ContentType.JSON)
                .body(described(intake("sewer-blockage", "beixinyuan", "hongan"), token))
                .when().post("/api/tickets").then().statusCode(403).contentType(PROBLEM_JSON);
        searchCodes(given(), token).then().body("total", equalTo(0));
    }

    @Test
    void contractorsAreNotToldOfPossibleDuplicatesTheyMayNotSee() {
        // Same category, same site, within 72 hours: the two are possible duplicates of each other.
        String ours = ticketAt("beixinyuan", "hongan", token());
        move(ours, "dispatch", dispatchBody("tongda-dredging"));
        String notOurs = ticketAt("beixinyuan", "hongan", token());
        get(ours).then().body("possibleDuplicates.code", hasItem(notOurs));
        contractor().request().when().get("/api/tickets/{code}", notOurs).then().statusCode(404);

        List<String> named = contractor().request().when().get("/api/tickets/{code}", ours).then().statusCode(200)
                .extract().path("possibleDuplicates.code");

        assertThat(named).as("possible duplicates shown to the contractor").doesNotContain(notOurs);
    }

    // --- Who did it ------------------------------------------------------------------------------------

    @Test
    void eventsRecordTheSignedInUserAndTheirRoleWhateverTheBodySays() {
        Map<String, Object> call = described(intake("sewer-blockage", "beixinyuan", "hongan"), token());
        // Not fields of the API: a client must not be able to name somebody else as the actor.
        call.put("actor", "somebody-else");
        call.put("actorRole", "ADMIN");
        String code = staff().request().contentType(ContentType.JSON).body(call).when().post("/api/tickets").then()
                .statusCode(201).extract().path("code");
        post(staff().request(), code, "dispatch", Map.of("assignments",
                List.of(Map.of("organizationCode", "tongda-dredging", "role", "LEAD")), "actor", "somebody-else"))
                .then().statusCode(200);
        post(contractor().request(), code, "start", Map.of("actor", "somebody-else")).then().statusCode(200);
        post(supervisor().request(), code, "notes", Map.of("text", "请尽快处理", "actor", "somebody-else"))
                .then().statusCode(201);

        JsonPath events = given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .extract().jsonPath();

        assertThat(actorOf(events, "REPORTED")).containsExactly(staff().username(), "STAFF");
        assertThat(actorOf(events, "DISPATCHED")).containsExactly(staff().username(), "STAFF");
        assertThat(actorOf(events, "STARTED")).containsExactly(contractor().username(), "CONTRACTOR");
        assertThat(actorOf(events, "NOTE")).containsExactly(supervisor().username(), "SUPERVISOR");
    }

    // --- Helpers -------------------------------------------------------------------------------------

    /** A word no other ticket contains, to search for exactly the tickets of one test. */
    private static String token() {
        return "scope" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Map<String, Object> described(Map<String, Object> intake, String token) {
        intake.put("description", "范围测试 " + token);
        return intake;
    }

    /** A REPORTED ticket logged by the administrator, whose description contains the token. */
    private static String ticketAt(String community, String site, String token) {
        return create(described(intake("sewer-blockage", community, site), token)).then().statusCode(201)
                .extract().path("code");
    }

    private static Response searchCodes(RequestSpecification as, String token) {
        return as.queryParam("q", token).queryParam("size", 200).when().get("/api/tickets");
    }

    private static Response post(RequestSpecification as, String code, String action, Object body) {
        return as.contentType(ContentType.JSON).body(body).when().post("/api/tickets/{code}/{action}", code, action);
    }

    /** Moves a ticket as the administrator. */
    private static void move(String code, String action, Object body) {
        post(given(), code, action, body).then().statusCode(200);
    }

    private static long version(String code) {
        return get(code).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    private static Object bodyFor(String action) {
        return switch (action) {
            case "reports" -> Map.of("reporter", Map.of("name", "另一位居民", "phone", "13900000001"), "channel", "PHONE");
            case "notes" -> Map.of("text", "范围测试备注");
            default -> validBodyFor(action);
        };
    }

    private static List<String> actorOf(JsonPath events, String type) {
        return List.of(events.getString("find { it.type == '" + type + "' }.actor"),
                events.getString("find { it.type == '" + type + "' }.actorRole"));
    }
}
