package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins delay the address that failed, with growing delays, and nobody else (issue 20, point 2):
 * no outsider can lock a user out, the last ADMIN least of all, and every failure costs the same bcrypt
 * check, so that neither the answer nor its time tells which user names exist. Each test calls from
 * addresses of its own (X-Forwarded-For, which the test profile trusts).
 */
@QuarkusTest
class SignInThrottleTest {

    private static final Logger LOG = Logger.getLogger(SignInThrottleTest.class);
    private static final String WRONG = "not-the-password";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOutsiderFailingOnAUsersNameCannotKeepTheUserOut() {
        // One instant: every delay below is still running when the next attempt comes, however slow the machine.
        clock.freezeAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        User user = TestUsers.staff("not-locked", "beixinyuan");
        String outsider = randomAddress();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(from(outsider).auth().preemptive().basic(user.username(), WRONG).when().get("/api/me").statusCode());
        }
        // The first three are checked; then the outsider's address waits, ever longer.
        assertThat(answers.subList(0, SignInThrottle.FREE_FROM_ADDRESS)).containsOnly(401);
        assertThat(answers.subList(SignInThrottle.FREE_FROM_ADDRESS, answers.size())).containsOnly(429);

        from(randomAddress()).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(200).body("username", equalTo(user.username()));
        given().when().get("/api/users/{u}", user.username()).then().statusCode(200)
                .body("enabled", equalTo(true)).body("failedSignInsLastHour", equalTo(SignInThrottle.FREE_FROM_ADDRESS));
        // The outsider's right guess would wait too: its delay is checked before any password.
        from(outsider).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(429);
        audit(user.username(), "SIGN_IN_DELAYED").then().body("total", equalTo(1));
        audit(user.username(), "LOCKED_OUT").then().body("total", equalTo(0));
    }

    @Test
    void theDelaysGrowAndARightPasswordClearsThem() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        User user = TestUsers.staff("delays", "beixinyuan");
        String address = randomAddress();
        for (int i = 0; i < SignInThrottle.FREE_FROM_ADDRESS; i++) {
            from(address).auth().preemptive().basic(user.username(), WRONG).when().get("/api/me").then().statusCode(401);
        }
        Instant at = start;
        for (long delay : new long[] { 1, 2, 4, 8 }) {
            Response refused = from(address).auth().preemptive().basic(user.username(), user.password())
                    .when().get("/api/me");
            refused.then().statusCode(429).contentType("application/problem+json")
                    .body("type", equalTo("urn:communitydesk:problem:too-many-sign-ins"));
            assertThat(refused.header("Retry-After")).isEqualTo(Long.toString(delay));
            at = at.plusSeconds(delay);
            clock.freezeAt(at);
            from(address).auth().preemptive().basic(user.username(), WRONG).when().get("/api/me").then().statusCode(401);
        }
        from(address).auth().preemptive().basic(user.username(), WRONG).when().get("/api/me").then().statusCode(429)
                .header("Retry-After", "16");

        clock.freezeAt(at.plusSeconds(16));
        from(address).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(200);
        // The right password cleared this address's failures on the name: a typo is free again.
        from(address).auth().preemptive().basic(user.username(), WRONG).when().get("/api/me").then().statusCode(401);
        from(address).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(200);
    }

    @Test
    void unknownNamesAreDelayedExactlyLikeRealOnes() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        User user = TestUsers.staff("real-name", "beixinyuan");
        String unknown = TestUsers.uniqueName("no-such-name");
        String address = randomAddress();

        List<String> real = attempts(address, user.username());
        List<String> made = attempts(address, unknown);

        assertThat(made).isEqualTo(real).containsExactly("401", "401", "401", "429 1");
    }

    @Test
    void guessingSpreadOverManyAddressesDelaysOnlyAddressesThatFailed() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        User user = TestUsers.staff("spread", "beixinyuan");
        String usersOwn = randomAddress();
        from(usersOwn).auth().preemptive().basic(user.username(), WRONG).when().get("/api/me").then().statusCode(401);
        spray(user.username(), SignInThrottle.FREE_ON_ACCOUNT + 2);

        // 13 failures on the name: every address that failed on it waits 2^(13-10) = 8 s, the user's own too …
        from(usersOwn).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(429).header("Retry-After", "8");
        // … but an address that never failed on it is never delayed.
        from(randomAddress()).auth().preemptive().basic(user.username(), user.password()).when().get("/api/me").then()
                .statusCode(200);
    }

    @Test
    void attemptsFromOtherAddressesNeverDelayTheLastEnabledAdmin() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        List<String> otherAdmins = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>list(
                "role = ?1 and enabled = true and username <> ?2", Role.ADMIN, SignInAsAdmin.ADMIN).stream()
                .map(u -> u.username).toList());
        setEnabled(otherAdmins, false);
        try {
            String adminsOwn = randomAddress();
            from(adminsOwn).auth().preemptive().basic(SignInAsAdmin.ADMIN, WRONG).when().get("/api/me").then()
                    .statusCode(401);
            spray(SignInAsAdmin.ADMIN, SignInThrottle.FREE_ON_ACCOUNT + 5);

            // A STAFF user in the same position waits (the test above); the last administrator does not.
            from(adminsOwn).auth().preemptive().basic(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD)
                    .when().get("/api/me").then().statusCode(200);
        } finally {
            setEnabled(otherAdmins, true);
            QuarkusTransaction.requiringNew().run(() -> SignInFailure.clearAccount(SignInAsAdmin.ADMIN));
        }
    }

    /**
     * Every failed sign-in that reaches the user store pays one bcrypt check: an unknown name, a wrong password,
     * a disabled account, and an account that others failed on many times (which the old lock-out answered at
     * once, telling that the name existed). Medians over several tries, each from a fresh address.
     */
    @Test
    void everyFailedSignInTakesAboutAsLongWhateverTheName() {
        User existing = TestUsers.staff("timing", "beixinyuan");
        User disabled = TestUsers.staff("timing-disabled", "beixinyuan");
        given().contentType(ContentType.JSON).when().post("/api/users/{u}/disable", disabled.username()).then()
                .statusCode(200);
        User targeted = TestUsers.staff("timing-targeted", "beixinyuan");
        spray(targeted.username(), 8);
        // Warm up: the first requests of a run are slower for reasons of their own.
        for (int i = 0; i < 3; i++) {
            from(randomAddress()).auth().preemptive().basic(TestUsers.uniqueName("warm"), WRONG).get("/api/me");
        }

        // Taken in turns, so that a burst of load on the shared machine slows all four alike.
        Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
        kinds.put("wrong password", existing::username);
        kinds.put("unknown name", () -> TestUsers.uniqueName("timing-nobody"));
        kinds.put("disabled account", disabled::username);
        kinds.put("account that others failed on", targeted::username);
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = 0; round < 9; round++) {
            kinds.forEach((kind, name) -> times.computeIfAbsent(kind, k -> new ArrayList<>()).add(failedSignInMillis(name.get())));
        }
        Map<String, Long> medians = new LinkedHashMap<>();
        times.forEach((kind, list) -> medians.put(kind, list.stream().sorted().toList().get(list.size() / 2)));
        LOG.infof("Median time of a failed sign-in (9 each, in turns): %s", medians);

        // A bcrypt check (cost 10) takes tens of milliseconds; an answer without one takes a few. The old lock-out
        // answered a locked name about 20 times faster than an unknown one.
        long slowest = medians.values().stream().max(Long::compare).orElseThrow();
        assertThat(medians).allSatisfy((kind, median) -> assertThat(median).as("%s against the slowest, %d ms", kind,
                slowest).isGreaterThanOrEqualTo(slowest / 3));
    }

    private static long failedSignInMillis(String name) {
        RequestSpecification request = from(randomAddress()).auth().preemptive().basic(name, WRONG);
        long began = System.nanoTime();
        int status = request.when().get("/api/me").statusCode();
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertThat(status).isEqualTo(401);
        return millis;
    }

    /** Four wrong passwords in a row from one address: each answer as its status and Retry-After. */
    private static List<String> attempts(String address, String username) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < SignInThrottle.FREE_FROM_ADDRESS + 1; i++) {
            Response answer = from(address).auth().preemptive().basic(username, WRONG).when().get("/api/me");
            String retry = answer.header("Retry-After");
            answers.add(answer.statusCode() + (retry == null ? "" : " " + retry));
        }
        return answers;
    }

    /** One wrong password for the name from each of {@code addresses} new addresses. */
    private static void spray(String username, int addresses) {
        for (int i = 0; i < addresses; i++) {
            from(randomAddress()).auth().preemptive().basic(username, WRONG + i).when().get("/api/me").then()
                    .statusCode(401);
        }
    }

    private static void setEnabled(List<String> usernames, boolean enabled) {
        if (!usernames.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> AppUser.update("enabled = ?1 where username in ?2", enabled,
                    usernames));
        }
    }

    private static Response audit(String username, String type) {
        return given().queryParam("username", username).queryParam("type", type).when().get("/api/audit");
    }

    private static RequestSpecification from(String client) {
        return given().header("X-Forwarded-For", client);
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10.88." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
