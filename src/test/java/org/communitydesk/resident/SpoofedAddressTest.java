package org.communitydesk.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.support.DemoDataProfile;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With client addresses as production has them (no proxy forwarding configured), the per-address limit of failed
 * public lookups counts the connection's address: a client that names a new address in every request, in any of
 * the forwarding headers, still gets 429 after 60 failures. Shares DemoDataTest's start (DemoDataProfile), so
 * costs no restart of its own.
 */
@QuarkusTest
@TestProfile(DemoDataProfile.class)
class SpoofedAddressTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rotatingForwardingHeadersDoesNotGetAroundTheLimitOfFailedLookups() {
        // One moment for all 61 lookups, however slow the machine: the one-minute window cannot end between them.
        clock.freezeAt(Instant.now());
        for (int i = 0; i < ClientFailure.Kind.PUBLIC_LOOKUP.maxFailures; i++) {
            spoofing(i).header("X-Access-Code", "ACDEFGHJ").when()
                    .get("/api/public/tickets/{code}", "CD-1999-" + String.format("%06d", i)).then().statusCode(404);
        }

        spoofing(ClientFailure.Kind.PUBLIC_LOOKUP.maxFailures).header("X-Access-Code", "ACDEFGHJ").when()
                .get("/api/public/tickets/{code}", "CD-1999-000999").then().statusCode(429)
                .body("type", equalTo("urn:communitydesk:problem:too-many-lookups"));
    }

    /** A request that claims, in every header a proxy might set, to come from a new address. */
    private static RequestSpecification spoofing(int n) {
        String address = "10.77." + (n / 250) + "." + (n % 250 + 1);
        return given().auth().none().header("X-Forwarded-For", address).header("X-Real-IP", address)
                .header("Forwarded", "for=" + address).header("X-Forwarded-Host", "resident-" + n + ".example");
    }
}
