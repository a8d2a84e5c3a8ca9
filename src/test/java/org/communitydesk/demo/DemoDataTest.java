package org.communitydesk.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With demo data switched on, a first start on an empty database shows the seed stories in several states. */
@QuarkusTest
@TestProfile(DemoDataTest.DemoOn.class)
class DemoDataTest {

    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // An empty database of its own (on PostgreSQL the test resource gives each start a new one).
            return Map.of("communitydesk.demo.enabled", "true",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:communitydesk-demo;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void seedStoriesAreLoadedInSeveralStates() {
        given().queryParam("size", 200).when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(10))
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
        given().queryParam("q", "建筑三公司").when().get("/api/tickets").then()
                .body("total", greaterThanOrEqualTo(3));
    }

    @Test
    void theHongAnBlockageWasClosedWithItsRootCause() {
        given().queryParam("community", "beixinyuan").when().get("/api/tickets").then().statusCode(200)
                .body("items[0].status", equalTo("CLOSED"))
                .body("items[0].leadOrganization.code", equalTo("tongda-dredging"));
    }
}
