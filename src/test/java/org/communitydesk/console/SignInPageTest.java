package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.concurrent.ThreadLocalRandom;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/** The sign-in page after a failure (issue 17, point 14): the name stays, and a locked account is told until when. */
@QuarkusTest
class SignInPageTest {

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(0, 255) + "." + r.nextInt(1, 255);
    }

    private static String failedSignIn(String address, String username) {
        return given().auth().none().header("X-Forwarded-For", address).redirects().follow(false)
                .contentType(ContentType.URLENC).formParam("j_username", username).formParam("j_password", "wrong-one")
                .when().post("/j_security_check").then().statusCode(302).extract().header("Location");
    }

    @Test
    void theUserNameIsKeptAfterAFailure() {
        TestUsers.User user = TestUsers.staff("keepname", "beixinyuan");
        String location = failedSignIn(address(), user.username());
        assertThat(location).contains("/login?error").contains("user=" + user.username());
        given().auth().none().when().get(location.substring(location.indexOf("/login"))).then().statusCode(200)
                .body(containsString("id=\"j_username\" name=\"j_username\" value=\"" + user.username() + "\""),
                        containsString("用户名或密码不对"));
        // Markup typed as a name comes back as text.
        String odd = failedSignIn(address(), "<b>x</b>");
        given().auth().none().urlEncodingEnabled(false).when().get(odd.substring(odd.indexOf("/login"))).then()
                .body(not(containsString("<b>x</b>")), containsString("&lt;b&gt;x&lt;/b&gt;"));
    }

    @Test
    void aLockedAccountIsToldItIsLockedAndUntilWhen() {
        TestUsers.User user = TestUsers.staff("locked", "beixinyuan");
        String address = address();
        String location = null;
        for (int i = 0; i < 20; i++) {
            location = failedSignIn(address, user.username());
            if (location.contains("retryAfter")) {
                break;
            }
        }
        assertThat(location).contains("locked=account").contains("user=" + user.username());
        String path = location.substring(location.indexOf("/login"));
        given().auth().none().when().get(path + "&lang=zh").then().statusCode(200)
                .body(containsString("id=\"account-locked\""), containsString("已暂时锁定，到 20"),
                        containsString("value=\"" + user.username() + "\""));
        given().auth().none().when().get(path + "&lang=en").then().statusCode(200)
                .body(containsString("This account is locked"), containsString("until "));
    }
}
