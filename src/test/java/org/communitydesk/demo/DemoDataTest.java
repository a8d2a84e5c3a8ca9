package org.communitydesk.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.communitydesk.security.AccountBootstrap;
import org.communitydesk.support.DemoDataProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With demo data switched on, a first start on an empty database shows the seed stories in several states. */
@QuarkusTest
@TestProfile(DemoDataProfile.class)
class DemoDataTest {

    @Test
    void seedStoriesAreLoadedInSeveralStates() {
        given().queryParam("size", 200).when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(12))
                .body("items.status", hasItems("REPORTED", "DISPATCHED", "IN_PROGRESS", "RESOLVED", "CLOSED", "CANCELLED"));
    }

    @Test
    void theOverflowAtJianzhuIsHandledByThreeAgencies() {
        String code = given().queryParam("category", "sewage-overflow").queryParam("status", "RESOLVED")
                .when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].code");
        given().when().get("/api/tickets/{code}", code).then().statusCode(200)
                .body("location.site.code", equalTo("jianzhu-no3"))
                .body("reportCount", equalTo(2))
                .body("assignments.organization.code",
                        containsInAnyOrder("datong-sewage", "pingcheng-sanitation", "yingbin-enforcement"));
        // The three calls about the overflow at 建筑三公司家属院, and no other ticket.
        given().queryParam("q", "建筑三公司").when().get("/api/tickets").then()
                .body("total", equalTo(3));
    }

    @Test
    void theHongAnBlockageWasClosedWithItsRootCause() {
        String code = given().queryParam("community", "beixinyuan").queryParam("status", "CLOSED").when().get("/api/tickets")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("CLOSED"))
                .body("items[0].leadOrganization.code", equalTo("tongda-dredging")).extract().path("items[0].code");
        given().when().get("/api/tickets/{code}", code).then().statusCode(200)
                .body("rootCause", equalTo("家庭油污结块（无物业老旧小区，管网陈旧）"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "beixinyuan.staff,   STAFF,      COMMUNITY,     2",
            "yingbin.supervisor, SUPERVISOR, STREET_OFFICE, 7",
            "tongda.crew,        CONTRACTOR, ORGANIZATION,  2" })
    void demoUsersSignInWithTheDocumentedPasswordAndSeeTheirScope(String username, String role, String scope,
            int tickets) {
        given().auth().preemptive().basic(username, AccountBootstrap.DEMO_PASSWORD).when().get("/api/me").then()
                .statusCode(200).body("role", equalTo(role)).body("scope", equalTo(scope));
        given().auth().preemptive().basic(username, AccountBootstrap.DEMO_PASSWORD).when().get("/api/tickets").then()
                .statusCode(200).body("total", equalTo(tickets));
    }

    @Test
    void theStreetLightSentToTheSanitationCentreWaitsReturnedForTheDispatcher() {
        given().auth().preemptive().basic("yingbin.supervisor", AccountBootstrap.DEMO_PASSWORD)
                .queryParam("needsMe", "true").when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].category.code", equalTo("street-light"))
                .body("items[0].status", equalTo("REPORTED"))
                .body("items[0].returned.organization.code", equalTo("pingcheng-sanitation"))
                .body("items[0].returned.reason", equalTo("NEEDS_ANOTHER_AGENCY"));
    }

    @Test
    void oneTicketIsPausedForTheResidentAndTheLiftOutageWasUrged() {
        given().queryParam("paused", "true").when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].community.code", equalTo("beixinyuan"));
        String lift = given().queryParam("category", "lift-outage").when().get("/api/tickets").then().statusCode(200)
                .body("items[0].urgingCount", equalTo(1)).extract().path("items[0].code");
        given().when().get("/api/tickets/{code}", lift).then()
                .body("latestUrging.organization.code", equalTo("zhongrui-property"));
    }

    @Inject
    DemoData demoData;

    @Test
    void demoTicketsGoOnlyIntoADatabaseWithoutTickets() {
        demoData.load();

        given().when().get("/api/tickets").then().statusCode(200).body("total", equalTo(12));
    }
}
