package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signing in, user management by ADMIN and the security log. Each test makes its own users. */
@QuarkusTest
class AccountsTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String WRONG_PASSWORD = "not-the-password";

    @Inject
    TestClock clock;

    @Inject
    VerifiedLogins verifiedLogins;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- Who am I ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "STAFF,      communityCode,    beixinyuan,      COMMUNITY",
            "SUPERVISOR, streetOfficeCode, yingbin,         STREET_OFFICE",
            "CONTRACTOR, organizationCode, tongda-dredging, ORGANIZATION",
            "ADMIN,      ,                 ,                ALL" })
    void theCurrentUserIsShownWithRoleAndScope(String role, String scopeField, String scopeCode, String scope) {
        String username = TestUsers.uniqueName("me-" + role.toLowerCase());
        TestUsers.postUser(TestUsers.userBody(username, role, scopeField, scopeCode)).then().statusCode(201);

        new User(username, TestUsers.PASSWORD).request().when().get("/api/me").then().statusCode(200)
                .body("username", equalTo(username))
                .body("displayName", equalTo("测试用户 " + username))
                .body("role", equalTo(role))
                .body("scope", equalTo(scope));
    }

    // --- Wrong credentials (the delays that follow are in SignInThrottleTest) ----------------------------------------------------------------

    @Test
    void wrongCredentialsAnswer401ProblemWithABasicChallenge() {
        User user = TestUsers.staff("wrong", "beixinyuan");

        for (RequestSpecification attempt : List.of(user.withPassword(WRONG_PASSWORD),
                given().auth().preemptive().basic(TestUsers.uniqueName("nobody"), WRONG_PASSWORD),
                given().auth().none())) {
            attempt.when().get("/api/me").then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", startsWith("Basic"))
                    .body("status", equalTo(401));
        }
        audit(user.username(), "LOGIN_FAILED").then().body("total", equalTo(1));
    }

    // --- Disabling and password resets ---------------------------------------------------------------

    @Test
    void disablingAUserStopsTheirAccessAtOnceAndEnablingRestoresIt() {
        User user = TestUsers.staff("disable", "beixinyuan");
        // Verified credentials are cached for 60 seconds; the disable must not wait for that.
        user.request().when().get("/api/tickets").then().statusCode(200);

        given().contentType(ContentType.JSON).when().post("/api/users/{u}/disable", user.username()).then().statusCode(200)
                .body("enabled", equalTo(false));

        user.request().when().get("/api/tickets").then().statusCode(401).contentType(PROBLEM_JSON);
        user.request().when().get("/api/me").then().statusCode(401);
        audit(user.username(), "USER_DISABLED").then().body("items[0].actor", equalTo(SignInAsAdmin.ADMIN));

        given().contentType(ContentType.JSON).when().post("/api/users/{u}/enable", user.username()).then().statusCode(200)
                .body("enabled", equalTo(true));
        user.request().when().get("/api/me").then().statusCode(200);
    }

    @Test
    void aUserDisabledWhileTheirSignInIsBeingCheckedIsStillRefusedAfterwards() {
        // A sign-in that read the user before the disable and finishes after it must not cache the old state.
        // The interleaving is played out in order: the check takes its generation, the disable commits,
        // then the check tries to remember what it verified.
        User user = TestUsers.staff("disable-race", "beixinyuan");
        long generationBeforeTheDisable = verifiedLogins.generation(user.username());

        given().contentType(ContentType.JSON).when().post("/api/users/{u}/disable", user.username()).then().statusCode(200);
        verifiedLogins.remember(user.username(), user.password(), "hash-read-before-the-disable", generationBeforeTheDisable);

        assertThat(verifiedLogins.lookup(user.username(), user.password())).isEmpty();
        user.request().when().get("/api/me").then().statusCode(401);
    }

    @Test
    void requestsSigningInAtOnceAfterAFailedAttemptAllSucceed() {
        // The first good sign-in after a failure clears the failure count; requests racing to do it must
        // not fail on each other's write (they once got 409 from the user row's version).
        for (int round = 0; round < 5; round++) {
            User user = TestUsers.staff("sign-in-race", "beixinyuan");
            user.withPassword("not-the-password").when().get("/api/me").then().statusCode(401);
            CountDownLatch gate = new CountDownLatch(1);
            List<CompletableFuture<Integer>> answers = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(gate);
                        return user.request().when().get("/api/me").statusCode();
                    })).toList();
            gate.countDown();
            assertThat(answers.stream().map(CompletableFuture::join)).as("round %d", round).containsOnly(200);
        }
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPasswordResetTakesEffectAtOnce() {
        User user = TestUsers.staff("reset", "beixinyuan");
        user.request().when().get("/api/me").then().statusCode(200);
        String newPassword = "a-brand-new-password";

        given().contentType(ContentType.JSON).body(Map.of("password", newPassword))
                .when().post("/api/users/{u}/password", user.username()).then().statusCode(200);

        user.request().when().get("/api/me").then().statusCode(401);
        user.withPassword(newPassword).when().get("/api/me").then().statusCode(200);
        audit(user.username(), "PASSWORD_RESET").then().body("total", equalTo(1))
                .body("items[0].actor", equalTo(SignInAsAdmin.ADMIN));
    }

    @Test
    void adminsCannotDisableThemselves() {
        // A second administrator tries it, so the suite's administrator is never at risk.
        User admin = TestUsers.admin("self-disable");

        admin.request().contentType(ContentType.JSON).when().post("/api/users/{u}/disable", admin.username()).then()
                .statusCode(403).contentType(PROBLEM_JSON);

        admin.request().when().get("/api/users/{u}", admin.username()).then().statusCode(200)
                .body("enabled", equalTo(true));
    }

    // --- Creating users --------------------------------------------------------------------------------

    @Test
    void aTakenUserNameAnswers409() {
        User user = TestUsers.staff("taken", "beixinyuan");

        TestUsers.postUser(TestUsers.userBody(user.username(), "SUPERVISOR", "streetOfficeCode", "yingbin")).then()
                .statusCode(409).contentType(PROBLEM_JSON);

        given().when().get("/api/users/{u}", user.username()).then().body("role", equalTo("STAFF"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "STAFF without a community                  | STAFF      | streetOfficeCode=yingbin",
            "STAFF with a street office as community    | STAFF      | communityCode=yingbin",
            "SUPERVISOR with a community too            | SUPERVISOR | streetOfficeCode=yingbin, communityCode=beixinyuan",
            "SUPERVISOR with a community instead        | SUPERVISOR | communityCode=beixinyuan",
            "CONTRACTOR without an organization         | CONTRACTOR | ",
            "CONTRACTOR with an unknown organization    | CONTRACTOR | organizationCode=no-such-org",
            "ADMIN with an organization                 | ADMIN      | organizationCode=tongda-dredging" })
    void aRoleWithTheWrongScopeAnswers400(String description, String role, String scopes) {
        String username = TestUsers.uniqueName("bad-scope");
        Map<String, Object> body = new HashMap<>(TestUsers.userBody(username, role, null, null));
        if (scopes != null) {
            for (String scope : scopes.split(",")) {
                String[] pair = scope.strip().split("=");
                body.put(pair[0], pair[1]);
            }
        }

        TestUsers.postUser(body).then().statusCode(400).contentType(PROBLEM_JSON);

        given().when().get("/api/users/{u}", username).then().statusCode(404);
    }

    @Test
    void theAuditRecordsWhoCreatedAUser() {
        User user = TestUsers.contractor("audited", "tongda-dredging");

        audit(user.username(), "USER_CREATED").then()
                .body("total", equalTo(1))
                .body("items[0].username", equalTo(user.username()))
                .body("items[0].actor", equalTo(SignInAsAdmin.ADMIN))
                .body("items[0].detail", equalTo("role CONTRACTOR"));
        given().queryParam("username", user.username()).when().get("/api/audit").then().statusCode(200)
                .body("items.type", hasItem("USER_CREATED"));
    }

    @Test
    void onlyAdminsManageUsersAndReadTheAudit() {
        User target = TestUsers.staff("admin-only-target", "beixinyuan");
        List<User> others = List.of(target, TestUsers.supervisor("admin-only", "yingbin"),
                TestUsers.contractor("admin-only", "tongda-dredging"));

        for (User user : others) {
            user.request().when().get("/api/users").then().statusCode(403).contentType(PROBLEM_JSON);
            user.request().when().get("/api/users/{u}", target.username()).then().statusCode(403);
            user.request().when().get("/api/audit").then().statusCode(403).contentType(PROBLEM_JSON);
            user.request().contentType(ContentType.JSON)
                    .body(TestUsers.userBody(TestUsers.uniqueName("sneaky"), "ADMIN", null, null))
                    .when().post("/api/users").then().statusCode(403);
            user.request().contentType(ContentType.JSON).when().post("/api/users/{u}/disable", target.username()).then().statusCode(403);
        }
        given().when().get("/api/users/{u}", target.username()).then().body("enabled", equalTo(true));
        given().when().get("/api/users").then().statusCode(200).body("username", hasItem(target.username()));
    }

    // --- Helpers -------------------------------------------------------------------------------------

    private static Response audit(String username, String type) {
        return given().queryParam("username", username).queryParam("type", type).when().get("/api/audit");
    }
}
