package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/** Issue 20, point 8: with communitydesk.public-base-url set, every URL we write is on it, whatever the Host. */
@QuarkusTest
@TestProfile(PublicBaseUrlTest.Configured.class)
class PublicBaseUrlTest {

    public static class Configured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("communitydesk.public-base-url", "https://desk.example.cn/desk",
                    "communitydesk.allowed-hosts", "intranet.example,localhost");
        }
    }

    @Test
    void theDiscoveryUrlAndLocationsAreOnThePublicAddress() {
        given().header("Host", "intranet.example").when().get("/open311/v2/discovery.json").then().statusCode(200)
                .body("endpoints[0].url", equalTo("https://desk.example.cn/desk/open311/v2"));

        Map<String, Object> intake = TicketApi.intake("sewer-blockage", "beixinyuan", "hongan");
        Response created = given().header("Host", "intranet.example:8080").contentType(ContentType.JSON).body(intake)
                .when().post("/api/tickets");
        created.then().statusCode(201);
        assertThat(created.header("Location")).isEqualTo("https://desk.example.cn/desk/api/tickets/" + created.path("code"));

        given().header("Host", "evil.example").when().get("/open311/v2/discovery.json").then().statusCode(400);
        given().header("Host", "desk.example.cn").when().get("/api/categories").then().statusCode(200);
    }
}
