package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.communitydesk.support.SignInAsAdmin;
import org.junit.jupiter.api.Test;

/** Form login for the pages: the same user store, a session cookie on success, the error page on failure. */
@QuarkusTest
class FormLoginTest {

    static final String SESSION_COOKIE = "quarkus-credential";

    @Test
    void theLoginPageIsServedWithoutSigningIn() {
        given().auth().none().when().get("/login").then().statusCode(200)
                .body(containsString("j_security_check"), containsString("j_username"), containsString("j_password"));
    }

    @Test
    void rightCredentialsGiveASessionCookie() {
        given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", SignInAsAdmin.ADMIN).formParam("j_password", SignInAsAdmin.ADMIN_PASSWORD)
                .when().post("/j_security_check")
                .then().statusCode(302)
                .header("Location", not(containsString("error")))
                .cookie(SESSION_COOKIE);
    }

    @Test
    void wrongCredentialsGoBackToTheLoginPageWithoutACookie() {
        given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", SignInAsAdmin.ADMIN).formParam("j_password", "not-the-password")
                .when().post("/j_security_check")
                .then().statusCode(302)
                .header("Location", endsWith("/login?error&user=admin")) // the name is typed in again
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theSessionCookieOpensThePagesUntilTheAccountIsDisabled() {
        var staff = org.communitydesk.support.TestUsers.staff("session", "beixinyuan");
        var cookies = org.communitydesk.support.SessionCookies.signInCookies(staff.username(), staff.password());

        given().auth().none().cookies(cookies).when().get("/console/tickets").then().statusCode(200)
                .body(containsString(staff.username()));

        given().contentType(ContentType.JSON).when().post("/api/users/{u}/disable", staff.username()).then()
                .statusCode(200);
        given().auth().none().redirects().follow(false).cookies(cookies).when().get("/console/tickets")
                // The cookie no longer signs anyone in, so the page answers as it does to nobody: sign in again.
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.containsString("/login?next="))
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
    }
}
