package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, point 8, with nothing configured: a forged Host never reaches a URL we write, because only the
 * loopback names are answered. {@link PublicBaseUrlTest} covers a configured public address.
 */
@QuarkusTest
class HostHeaderTest {

    @Test
    void aForeignHostIsRefusedBeforeItCanBecomeADiscoveryUrlOrALocation() {
        Response discovery = given().header("Host", "evil.example").when().get("/open311/v2/discovery.json");
        discovery.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:communitydesk:problem:unknown-host"));
        assertThat(discovery.asString()).doesNotContain("evil.example");

        Map<String, Object> intake = TicketApi.intake("sewer-blockage", "beixinyuan", "hongan");
        Response created = given().header("Host", "evil.example:8080").contentType(ContentType.JSON).body(intake)
                .when().post("/api/tickets");
        created.then().statusCode(400);
        assertThat(created.header("Location")).isNull();

        Response login = given().auth().none().redirects().follow(false).header("Host", "evil.example")
                .when().get("/console/queue");
        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.header("Location")).isNull();
    }

    @Test
    void theLoopbackNamesAndHealthChecksAreAnswered() {
        given().header("Host", "127.0.0.1").when().get("/open311/v2/discovery.json").then().statusCode(200)
                .body("endpoints[0].url", equalTo("http://127.0.0.1/open311/v2"));
        given().header("Host", "LOCALHOST.").when().get("/api/categories").then().statusCode(200);
        given().header("Host", "[::1]:8080").when().get("/api/categories").then().statusCode(200);
        // Orchestrators probe by the pod's address.
        given().header("Host", "10.1.2.3:8080").when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void hostNamesAreReadWithoutPortCaseOrBrackets() {
        assertThat(HostCheck.hostName("Desk.Example.CN:443")).isEqualTo("desk.example.cn");
        assertThat(HostCheck.hostName("[::1]:8080")).isEqualTo("::1");
        assertThat(HostCheck.hostName("")).isNull();
        assertThat(HostCheck.hostName(null)).isNull();
    }
}
