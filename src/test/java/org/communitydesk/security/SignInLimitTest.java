package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.common.ClientFailure.Kind;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins per client address (30 within 5 minutes), counted in the database so that every
 * instance shares them, and checked before any password. Each test calls from addresses of its own
 * (X-Forwarded-For, which the test profile trusts).
 */
@QuarkusTest
class SignInLimitTest {

    private static final int LIMIT = Kind.SIGN_IN.maxFailures;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    private String address;

    @BeforeEach
    void newAddress() {
        address = randomAddress();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void unknownNamesAndWrongPasswordsFromOneAddressAddUpTo429AndARightPasswordWaitsToo() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        User user = TestUsers.staff("limited", "beixinyuan");
        // Signed in a moment ago from this address: the right password is in the cache of verified sign-ins.
        from(address).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(200);
        for (int i = 0; i < LIMIT; i++) {
            // Two of them on the user's name: fewer than would start that name's own delay (SignInThrottleTest).
            String name = i % 15 == 0 ? user.username() : TestUsers.uniqueName("nobody");
            from(address).auth().preemptive().basic(name, "wrong-" + i).when().get("/api/me").then().statusCode(401);
        }

        Response refused = from(address).auth().preemptive().basic(TestUsers.uniqueName("nobody"), "x")
                .when().get("/api/me");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:communitydesk:problem:too-many-sign-ins"))
                .body("status", equalTo(429))
                .body("detail", not(containsString("wrong-")));
        // Every failure came at the same (frozen) instant: the first leaves the 5-minute window in 300 seconds.
        assertThat(refused.header("Retry-After")).isEqualTo("300");
        // Refused before any check: a right password too, cached or not, and nothing more is counted.
        from(address).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(429);
        from(address).auth().preemptive().basic(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD)
                .when().get("/api/me").then().statusCode(429);
        assertThat(failuresCounted(address)).isEqualTo(LIMIT);

        // The address limit keeps only this address out: the user signs in from another.
        from(randomAddress()).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(200);

        clock.freezeAt(start.plus(Kind.SIGN_IN.window).plusSeconds(1));
        from(address).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(200);
    }

    @Test
    void anotherAddressIsNotAffected() {
        failFromAddress(LIMIT);
        from(address).auth().preemptive().basic("nobody-at-all", "x").when().get("/api/me").then().statusCode(429);

        String other = randomAddress();
        from(other).auth().preemptive().basic(TestUsers.uniqueName("nobody"), "x").when().get("/api/me").then()
                .statusCode(401);
        from(other).auth().preemptive().basic(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD).when()
                .get("/api/me").then().statusCode(200);
    }

    @Test
    void failuresCountedByAnotherInstanceCount() {
        // Another instance saw LIMIT - 1 failures from this address; one more here reaches the limit.
        clock.freezeAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < LIMIT - 1; i++) {
                em.createNativeQuery("insert into client_failure (kind, address, expires_at) values ('SIGN_IN', ?1, ?2)")
                        .setParameter(1, address).setParameter(2, clock.instant().plus(Duration.ofMinutes(4)))
                        .executeUpdate();
            }
        });
        from(address).auth().preemptive().basic(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD).when()
                .get("/api/me").then().statusCode(200);

        from(address).auth().preemptive().basic(TestUsers.uniqueName("nobody"), "x").when().get("/api/me").then()
                .statusCode(401);

        from(address).auth().preemptive().basic(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD).when()
                .get("/api/me").then().statusCode(429)
                // The oldest failure, the other instance's, leaves the window first: in four minutes.
                .header("Retry-After", equalTo("240"));
    }

    @Test
    void theSecurityLogRecordsWhenAnAddressIsLimitedWithoutPasswords() {
        String lastName = TestUsers.uniqueName("sprayed");
        failFromAddress(LIMIT - 1);
        from(address).auth().preemptive().basic(lastName, "secret-guess").when().get("/api/me").then().statusCode(401);
        from(address).auth().preemptive().basic(lastName, "secret-guess").when().get("/api/me").then().statusCode(429);

        given().queryParam("username", lastName).queryParam("type", "LOGIN_THROTTLED").when().get("/api/audit").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].detail", startsWith("address " + address + ": " + LIMIT + " failed sign-ins"))
                .body("items[0].detail", not(containsString("secret-guess")));
    }

    @Test
    void theLoginFormFromALimitedAddressSaysToWaitInBothLanguages() {
        failFromAddress(LIMIT);

        String location = from(address).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", SignInAsAdmin.ADMIN).formParam("j_password", SignInAsAdmin.ADMIN_PASSWORD)
                .when().post("/j_security_check")
                .then().statusCode(302).header("Set-Cookie", nullValue())
                .extract().header("Location");
        assertThat(location).contains("/login?retryAfter=");
        String path = location.substring(location.indexOf("/login"));

        given().auth().none().when().get(path + "&lang=zh").then().statusCode(200)
                .body(containsString("登录失败的次数太多"), containsString("分钟后再试"));
        given().auth().none().when().get(path + "&lang=en").then().statusCode(200)
                .body(containsString("Too many failed sign-ins came from your network address"));
    }

    @Test
    void deleteExpiredRemovesOnlyFailuresThatNoLongerCount() {
        var now = clock.instant();
        long deleted = QuarkusTransaction.requiringNew().call(() -> {
            for (long minutesAgo : new long[] { 10, 1 }) {
                em.createNativeQuery("insert into client_failure (kind, address, expires_at) values ('SIGN_IN', ?1, ?2)")
                        .setParameter(1, address).setParameter(2, now.minus(Duration.ofMinutes(minutesAgo)))
                        .executeUpdate();
            }
            em.createNativeQuery("insert into client_failure (kind, address, expires_at) values ('PUBLIC_LOOKUP', ?1, ?2)")
                    .setParameter(1, address).setParameter(2, now.plus(Duration.ofMinutes(1))).executeUpdate();
            return ClientFailure.deleteExpired(now);
        });

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        long left = QuarkusTransaction.requiringNew().call(() -> ClientFailure.count("address", address));
        assertThat(left).isEqualTo(1);
    }

    private void failFromAddress(int times) {
        for (int i = 0; i < times; i++) {
            from(address).auth().preemptive().basic(TestUsers.uniqueName("nobody"), "x").when().get("/api/me").then()
                    .statusCode(401);
        }
    }

    private long failuresCounted(String client) {
        return QuarkusTransaction.requiringNew().call(() -> ClientFailure.count("kind = ?1 and address = ?2",
                Kind.SIGN_IN, client));
    }

    private static RequestSpecification from(String client) {
        return given().header("X-Forwarded-For", client);
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10.77." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
