package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/** Issue 20, point 10: metrics only for the monitoring address or an ADMIN; no answer with personal data is cached. */
@QuarkusTest
class ExposureTest {

    @Test
    void metricsAreForTheMonitoringAddressOrAnAdministrator() {
        String outsider = "10.12." + (int) (Math.random() * 250) + ".1";
        given().auth().none().header("X-Forwarded-For", outsider).when().get("/q/metrics").then().statusCode(401);
        TestUsers.staff("metrics-staff", "beixinyuan").request().header("X-Forwarded-For", outsider)
                .when().get("/q/metrics").then().statusCode(403);
        given().header("X-Forwarded-For", outsider).when().get("/q/metrics").then().statusCode(200);
        // The monitoring server on the loopback (the default of communitydesk.metrics.allowed-addresses).
        given().auth().none().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void everyAnswerWithPersonalDataSaysNoStore() {
        String code = TicketApi.createTicket("sewer-blockage", "beixinyuan", "hongan");
        for (String path : List.of("/api/tickets", "/api/tickets/" + code, "/api/tickets/" + code + "/events",
                "/api/users", "/api/audit", "/console/tickets", "/console/tickets/" + code, "/dashboard/export.csv",
                "/api/stats/summary")) {
            assertThat(given().when().get(path).then().statusCode(200).extract().header("Cache-Control"))
                    .as(path).isEqualTo("no-store");
        }
        // Public reference data, asked without credentials, may be cached.
        assertThat(given().auth().none().when().get("/api/categories").then().statusCode(200).extract()
                .header("Cache-Control")).isNull();
    }
}
