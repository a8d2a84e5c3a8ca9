package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passwords (issue 20, point 9): limited by bytes as bcrypt reads them, not by characters; trivial, common
 * and breached ones refused wherever a password is set; and users change their own, giving the current one.
 */
@QuarkusTest
class PasswordRulesTest {

    @jakarta.inject.Inject
    org.communitydesk.support.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    /** 24 Chinese characters: 72 bytes of UTF-8, as much as bcrypt reads. */
    static final String LONGEST = "社区服务中心请及时处理下水道堵塞问题谢谢配合支持";

    @ParameterizedTest
    @ValueSource(strings = { "aaaaaaaaaa", "abababababab", "1212121212", "password123", "Qwertyuiop2024!",
            "iloveyou1314", "1q2w3e4r5t6y" })
    void trivialAndCommonPasswordsAreRefusedForANewUser(String password) {
        String username = TestUsers.uniqueName("weak");
        Map<String, Object> body = new HashMap<>(TestUsers.userBody(username, "STAFF", "communityCode", "beixinyuan"));
        body.put("password", password);

        TestUsers.postUser(body).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("password"));
        given().when().get("/api/users/{u}", username).then().statusCode(404);
    }

    @Test
    void theLimitIsInBytesAsBcryptReadsThem() {
        org.assertj.core.api.Assertions.assertThat(LONGEST.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);
        User user = TestUsers.staff("bytes", "beixinyuan");

        // 25 characters, 75 bytes: bcrypt would silently ignore the last one.
        given().contentType(ContentType.JSON).body(Map.of("password", LONGEST + "们")).when()
                .post("/api/users/{u}/password", user.username()).then().statusCode(400)
                .body("violations[0].message", containsString("72 bytes"));

        given().contentType(ContentType.JSON).body(Map.of("password", LONGEST)).when()
                .post("/api/users/{u}/password", user.username()).then().statusCode(200);
        // Basic credentials in UTF-8, as Quarkus reads them (RestAssured would send ISO-8859-1).
        String basic = java.util.Base64.getEncoder().encodeToString((user.username() + ":" + LONGEST)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().none().header("Authorization", "Basic " + basic).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void theUserNameIsRefusedAsPassword() {
        User user = TestUsers.staff("named", "beixinyuan");

        given().contentType(ContentType.JSON).body(Map.of("password", user.username().toUpperCase() + "2024!"))
                .when().post("/api/users/{u}/password", user.username()).then().statusCode(400);
    }

    @Test
    void usersChangeTheirOwnPasswordGivingTheCurrentOne() {
        User user = TestUsers.staff("own-password", "beixinyuan");
        user.request().when().get("/api/me").then().statusCode(200);

        user.request().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", user.password(), "newPassword", "password2024"))
                .when().post("/api/me/password").then().statusCode(400)
                .body("violations[0].field", equalTo("newPassword"));
        user.request().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not-my-password", "newPassword", "a-fine-new-secret"))
                .when().post("/api/me/password").then().statusCode(400)
                .body("violations[0].field", equalTo("currentPassword"));

        user.request().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", user.password(), "newPassword", "a-fine-new-secret"))
                .when().post("/api/me/password").then().statusCode(204);

        // The old password stops at once, although it was verified (and cached) a moment ago.
        user.request().when().get("/api/me").then().statusCode(401);
        user.withPassword("a-fine-new-secret").when().get("/api/me").then().statusCode(200);
        given().queryParam("username", user.username()).queryParam("type", "PASSWORD_CHANGED").when().get("/api/audit")
                .then().body("total", equalTo(1)).body("items[0].actor", equalTo(user.username()));
    }

    @Test
    void guessingTheCurrentPasswordIsDelayedLikeASignIn() {
        // One instant, so that the delay is still running at the next guess however slow the machine is.
        clock.freezeAt(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        User user = TestUsers.staff("own-guess", "beixinyuan");
        String address = "10.99.1." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < SignInThrottle.FREE_FROM_ADDRESS; i++) {
            user.request().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                    .body(Map.of("currentPassword", "guess-" + i, "newPassword", "a-fine-new-secret"))
                    .when().post("/api/me/password").then().statusCode(400);
        }
        // The next guess from that address waits; so does the Basic sign-in from it, with the right password.
        user.request().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "guess-x", "newPassword", "a-fine-new-secret"))
                .when().post("/api/me/password").then().statusCode(429);
    }

    @Test
    void anAdminCannotSetACommonPasswordEither() {
        User user = TestUsers.staff("reset-weak", "beixinyuan");
        given().contentType(ContentType.JSON).body(Map.of("password", "1234567890")).when()
                .post("/api/users/{u}/password", user.username()).then().statusCode(400);
        user.request().when().get("/api/me").then().statusCode(200);
    }
}
