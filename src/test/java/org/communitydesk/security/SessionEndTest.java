package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions of the pages end (issue 20, point 1): a copy of a browser's cookies, taken by someone else, stops
 * working when the user signs out, when their password is changed or reset, when they are disabled, after
 * the session's lifetime however often it was renewed, and after the idle timeout. The application's clock is
 * moved for the times; Quarkus' own cookie keeps real time, so only CommunityDesk's check can refuse them.
 */
@QuarkusTest
class SessionEndTest {

    static final String PAGE = "/console/tickets";

    @Inject
    TestClock clock;

    @Inject
    SessionConfig config;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCopiedCookieIsRefusedAfterSignOut() {
        User staff = TestUsers.staff("session-out", "beixinyuan");
        Map<String, String> browser = SessionCookies.signInCookies(staff.username(), staff.password());
        Map<String, String> copy = new HashMap<>(browser);
        assertOpens(copy, staff);

        given().auth().none().redirects().follow(false).cookies(browser).when().post("/logout").then().statusCode(303);

        assertRefused(copy);
        audit(staff.username(), "SIGNED_OUT");
    }

    @Test
    void aCopiedCookieIsRefusedAfterAnAdminSetsANewPassword() {
        User staff = TestUsers.staff("session-reset", "beixinyuan");
        Map<String, String> copy = SessionCookies.signInCookies(staff.username(), staff.password());
        assertOpens(copy, staff);

        given().contentType(ContentType.JSON).body(Map.of("password", "a-password-set-by-admin"))
                .when().post("/api/users/{u}/password", staff.username()).then().statusCode(200);

        assertRefused(copy);
    }

    @Test
    void aCopiedCookieIsRefusedAfterTheUserChangesTheirOwnPassword() {
        User staff = TestUsers.staff("session-own", "beixinyuan");
        Map<String, String> copy = SessionCookies.signInCookies(staff.username(), staff.password());
        assertOpens(copy, staff);

        staff.request().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", staff.password(), "newPassword", "my-own-new-password"))
                .when().post("/api/me/password").then().statusCode(204);

        assertRefused(copy);
        // A new sign-in with the new password opens the pages again.
        assertOpens(SessionCookies.signInCookies(staff.username(), "my-own-new-password"), staff);
    }

    @Test
    void aCopiedCookieIsRefusedAfterTheAccountIsDisabled() {
        User staff = TestUsers.staff("session-disabled", "beixinyuan");
        Map<String, String> copy = SessionCookies.signInCookies(staff.username(), staff.password());
        assertOpens(copy, staff);

        given().contentType(ContentType.JSON).when().post("/api/users/{u}/disable", staff.username()).then()
                .statusCode(200);
        given().contentType(ContentType.JSON).when().post("/api/users/{u}/enable", staff.username()).then()
                .statusCode(200);

        // Enabling the account again does not bring the old session back.
        assertRefused(copy);
    }

    @Test
    void aSessionEndedByAnotherInstanceIsRefusedAtOnce() {
        // The generation lives in the database: another instance's sign-out is one more in the column.
        User staff = TestUsers.staff("session-elsewhere", "beixinyuan");
        Map<String, String> copy = SessionCookies.signInCookies(staff.username(), staff.password());
        assertOpens(copy, staff);

        QuarkusTransaction.requiringNew().run(() -> AppUser.update(
                "sessionGeneration = sessionGeneration + 1 where username = ?1", staff.username()));

        assertRefused(copy);
    }

    @Test
    void signingOutEndsOnlyThatUsersSessions() {
        User staff = TestUsers.staff("session-mine", "beixinyuan");
        User other = TestUsers.staff("session-theirs", "beixinyuan");
        Map<String, String> mine = SessionCookies.signInCookies(staff.username(), staff.password());
        Map<String, String> theirs = SessionCookies.signInCookies(other.username(), other.password());

        given().auth().none().redirects().follow(false).cookies(mine).when().post("/logout").then().statusCode(303);

        assertOpens(theirs, other);
    }

    @Test
    void aSessionEndsAfterItsLifetimeEvenWhenUsedAndRenewedAllAlong() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        User staff = TestUsers.staff("session-lifetime", "beixinyuan");
        Map<String, String> browser = SessionCookies.signInCookies(staff.username(), staff.password());
        Duration step = config.idleTimeout().minusMinutes(5);
        String firstToken = browser.get(SessionTokens.COOKIE);

        Instant at = start;
        while (at.plus(step).isBefore(start.plus(config.lifetime()))) {
            at = at.plus(step);
            clock.freezeAt(at);
            Response page = given().auth().none().redirects().follow(false).cookies(browser).when().get(PAGE);
            assertThat(page.statusCode()).as("used %s after signing in", Duration.between(start, at)).isEqualTo(200);
            browser.putAll(page.getCookies());
        }
        assertThat(browser.get(SessionTokens.COOKIE)).as("renewed on the way").isNotEqualTo(firstToken);

        clock.freezeAt(start.plus(config.lifetime()).plusSeconds(1));

        assertRefused(browser);
    }

    @Test
    void aSessionEndsWhenLeftIdle() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        User staff = TestUsers.staff("session-idle", "beixinyuan");
        Map<String, String> browser = SessionCookies.signInCookies(staff.username(), staff.password());

        Map<String, String> copy = new HashMap<>(browser);

        clock.freezeAt(start.plus(config.idleTimeout()).plusSeconds(1));
        assertRefused(copy);

        // A browser in use keeps renewing its token, and the idle time counts from its last request.
        clock.freezeAt(start);
        Map<String, String> renewing = SessionCookies.signInCookies(staff.username(), staff.password());
        Instant signedIn = clock.instant();
        clock.freezeAt(signedIn.plus(config.idleTimeout()).minusSeconds(1));
        Response used = given().auth().none().redirects().follow(false).cookies(renewing).when().get(PAGE);
        used.then().statusCode(200);
        renewing.putAll(used.getCookies());
        clock.freezeAt(signedIn.plus(config.idleTimeout()).plus(config.idleTimeout()).minusSeconds(2));
        assertOpens(renewing, staff);
    }

    @Test
    void aSessionCookieWithoutItsTokenOrWithAForgedOneIsRefused() {
        User staff = TestUsers.staff("session-forged", "beixinyuan");
        Map<String, String> browser = SessionCookies.signInCookies(staff.username(), staff.password());
        assertThat(browser).containsKeys(SessionCookies.FORM_COOKIE, SessionTokens.COOKIE);

        Map<String, String> withoutToken = new HashMap<>(browser);
        withoutToken.remove(SessionTokens.COOKIE);
        assertRefused(withoutToken);

        Map<String, String> forged = new HashMap<>(browser);
        String token = browser.get(SessionTokens.COOKIE);
        forged.put(SessionTokens.COOKIE, token.substring(0, token.indexOf('.')) + ".AAAA");
        assertRefused(forged);
    }

    private static void assertOpens(Map<String, String> cookies, User user) {
        given().auth().none().redirects().follow(false).cookies(cookies).when().get(PAGE).then().statusCode(200)
                .body(containsString(user.username()));
    }

    private static void assertRefused(Map<String, String> cookies) {
        given().auth().none().redirects().follow(false).cookies(cookies).when().get(PAGE).then().statusCode(303)
                .header("Location", containsString("/login?next="));
    }

    private static void audit(String username, String type) {
        given().queryParam("username", username).queryParam("type", type).when().get("/api/audit").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
    }
}
