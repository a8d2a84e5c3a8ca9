package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.communitydesk.support.SignInAsAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, point 1: a signed-out browser on a page is sent to the sign-in page, never to Basic's pop-up,
 * and comes back to the page it asked for; the JSON API keeps its 401.
 */
@QuarkusTest
class PageSignInTest {

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/console/tickets?status=REPORTED&size=20", "/console/intake",
            "/console/tickets/CD-2026-000001"})
    void aBookmarkedPageLeadsThroughTheSignInBackToItself(String page) {
        Response bookmark = given().auth().none().redirects().follow(false).when().get(page);
        bookmark.then().statusCode(303);
        assertThat(bookmark.header("WWW-Authenticate")).isNull();
        URI login = URI.create(bookmark.header("Location"));
        assertThat(login.getPath()).isEqualTo("/login");
        assertThat(URLDecoder.decode(login.getRawQuery(), StandardCharsets.UTF_8)).isEqualTo("next=" + page);

        Response loginPage = given().auth().none().urlEncodingEnabled(false).when()
                .get(login.getPath() + "?" + login.getRawQuery());
        loginPage.then().statusCode(200).contentType(ContentType.HTML);
        String back = loginPage.cookie(LoginResource.REDIRECT_COOKIE);
        assertThat(back).endsWith(page);

        Response signedIn = signIn(back);
        signedIn.then().statusCode(302);
        assertThat(URI.create(signedIn.header("Location")).toString()).endsWith(page);
    }

    @Test
    void aFormPostedAfterTheSessionEndedComesBackToItsPage() {
        Response post = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("version", "1").when().post("/console/tickets/CD-2026-000001/start");
        post.then().statusCode(303);
        assertThat(URLDecoder.decode(post.header("Location"), StandardCharsets.UTF_8))
                .endsWith("/login?next=/console/tickets/CD-2026-000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/console/tickets", "//evil.example/console", "/\\evil.example",
            "/api/users", "/login", "/console/../q/metrics", "javascript:alert(1)", "/console/tickets\r\nX: y"})
    void onlyOurOwnPagesAreTakenAsTheWayBack(String next) {
        Response loginPage = given().auth().none().queryParam("next", next).when().get("/login");
        loginPage.then().statusCode(200);
        assertThat(loginPage.cookie(LoginResource.REDIRECT_COOKIE)).isNull();
        Response signedIn = signIn(null);
        assertThat(signedIn.header("Location")).doesNotContain("evil").doesNotContain("/api/");
    }

    @Test
    void theJsonApiKeepsItsBasicChallenge() {
        given().auth().none().redirects().follow(false).when().get("/api/tickets").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"))
                .contentType("application/problem+json");
    }

    private static Response signIn(String redirectCookie) {
        var request = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", SignInAsAdmin.ADMIN).formParam("j_password", SignInAsAdmin.ADMIN_PASSWORD);
        if (redirectCookie != null) {
            request = request.cookie(LoginResource.REDIRECT_COOKIE, redirectCookie);
        }
        return request.when().post("/j_security_check");
    }
}
