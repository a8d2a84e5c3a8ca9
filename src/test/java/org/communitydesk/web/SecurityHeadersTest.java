package org.communitydesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.SignInAsAdmin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 17, point 16: every page (and every other answer) forbids framing, sniffing, inline script and leaky referrers. */
@QuarkusTest
class SecurityHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/console/tickets", "/console/intake", "/dashboard", "/console/tickets/CD-1999-000001",
            "/console/no-such-page", "/api/tickets?size=1", "/api/no-such-thing"})
    void signedInPagesAndAnswersCarryTheHeaders(String path) {
        Map<String, String> cookies = SessionCookies.signInCookies(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
        assertHeaders(given().auth().none().cookies(cookies).redirects().follow(false).when().get(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/status", "/open311/v2/services.json", "/q/health/live", "/css/app.css"})
    void publicPagesAndAnswersCarryTheHeaders(String path) {
        assertHeaders(given().auth().none().when().get(path));
    }

    @Test
    void aStatusLookupPostedFromAFormCarriesThemToo() {
        assertHeaders(given().auth().none().contentType(ContentType.URLENC).formParam("code", "CD-1999-000001")
                .formParam("accessCode", "ACDEFGHJ").when().post("/status"));
    }

    @Test
    void overHttpsEveryCookieIsSecureAndOverPlainHttpNot() {
        // The test profile trusts X-Forwarded-Proto, as an installation behind its TLS proxy does.
        Response https = signIn(Map.of("X-Forwarded-Proto", "https"));
        List<String> secure = https.headers().getValues("Set-Cookie");
        assertThat(secure).isNotEmpty().anySatisfy(c -> assertThat(c).startsWith(SessionCookies.FORM_COOKIE + "="))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));

        // Cookies of our own too: the language a visitor chose on the sign-in page.
        List<String> language = given().auth().none().header("X-Forwarded-Proto", "https").queryParam("lang", "en")
                .when().get("/login").headers().getValues("Set-Cookie");
        assertThat(language).anySatisfy(c -> assertThat(c).startsWith(PageLanguage.COOKIE + "=en").containsIgnoringCase("; Secure"));

        List<String> plain = signIn(Map.of()).headers().getValues("Set-Cookie");
        assertThat(plain).isNotEmpty().noneSatisfy(c -> assertThat(c).containsIgnoringCase("secure"));
    }

    @Test
    void swaggerUiKeepsItsOwnScriptButIsNotFramedEither() {
        Response swagger = given().auth().none().when().get("/q/swagger-ui/");
        assertThat(swagger.header("Content-Security-Policy")).isNull();
        assertThat(swagger.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static Response signIn(Map<String, String> headers) {
        return given().auth().none().headers(headers).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", SignInAsAdmin.ADMIN).formParam("j_password", SignInAsAdmin.ADMIN_PASSWORD)
                .when().post("/j_security_check");
    }

    private static void assertHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy")).as("CSP")
                .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
    }
}
