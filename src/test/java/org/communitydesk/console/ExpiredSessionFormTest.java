package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.file.Path;
import java.util.UUID;
import org.communitydesk.common.FormDrafts;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 17, point 1: a call typed into the intake while the session ran out is not lost. The post is kept
 * for this browser, the sign-in page says so, and after signing in the intake comes back filled in (not sent).
 */
@QuarkusTest
class ExpiredSessionFormTest {

    static final Path SHOTS = Path.of("target", "screenshots", "17a");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCallPostedWithoutASessionIsKeptAndComesBackOnceAfterSigningIn() {
        String description = "污水从井盖冒出 " + UUID.randomUUID().toString().substring(0, 8);
        // A real session of this browser: its cookies, then the intake's CSRF token.
        var cookies = org.communitydesk.support.SessionCookies.signInCookies(SignInAsAdmin.ADMIN,
                SignInAsAdmin.ADMIN_PASSWORD);
        Response intake = given().auth().none().cookies(cookies).when().get("/console/intake");
        intake.then().statusCode(200);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(intake.asString());
        assertThat(token.find()).isTrue();
        String browserSession = intake.cookie(ConsoleSession.COOKIE);

        // Anonymous posts are never kept: nobody fills the database from outside.
        Response anonymous = post(given(), token.group(1), description);
        anonymous.then().statusCode(303);
        assertThat(anonymous.header("Location")).endsWith("/login?next=%2Fconsole%2Fintake");
        assertThat(anonymous.cookie(FormDrafts.COOKIE)).isNull();

        // The session ended (its sign-in cookie is gone or over); the old session's cookie and token remain.
        Response posted = post(given().cookie("cd-login", cookies.get("cd-login"))
                .cookie(ConsoleSession.COOKIE, browserSession), token.group(1), description);

        posted.then().statusCode(303);
        assertThat(posted.header("Location")).endsWith("/login?next=%2Fconsole%2Fintake&kept=1");
        String draft = posted.cookie(FormDrafts.COOKIE);
        assertThat(draft).isNotBlank();
        assertThat(posted.getDetailedCookie(FormDrafts.COOKIE).isHttpOnly()).isTrue();
        given().when().get("/api/tickets?q=" + description.substring(description.length() - 8)).then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));

        assertThat(given().auth().none().cookie("lang", "en").when().get(posted.header("Location")).then()
                .statusCode(200).extract().asString()).contains("id=\"form-kept\"", "Your session had ended");

        // Another user on this browser does not get it.
        assertThat(org.communitydesk.support.TestUsers.staff("drafts", "beixinyuan").request()
                .cookie(FormDrafts.COOKIE, draft).when().get("/console/intake").then().statusCode(200).extract()
                .asString()).doesNotContain(description).doesNotContain("id=\"draft-back\"");

        Response back = given().cookie(FormDrafts.COOKIE, draft).when().get("/console/intake");
        assertThat(back.then().statusCode(200).extract().asString()).contains("id=\"draft-back\"",
                ">" + description + "</textarea>", "value=\"王阿姨\"", "value=\"13903520001\"", "value=\"5号楼\"")
                .doesNotContain(token.group(1));
        // Once: the cookie is spent, and the row is gone.
        assertThat(back.getDetailedCookie(FormDrafts.COOKIE).getMaxAge()).isZero();
        assertThat(given().cookie(FormDrafts.COOKIE, draft).when().get("/console/intake").then().statusCode(200)
                .extract().asString()).doesNotContain(description).doesNotContain("id=\"draft-back\"");
    }

    private static Response post(io.restassured.specification.RequestSpecification as, String csrf, String description) {
        return as.auth().none().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf).formParam("category", "sewer-blockage")
                .formParam("description", description).formParam("reporterName", "王阿姨")
                .formParam("reporterPhone", "13903520001").formParam("community", "beixinyuan")
                .formParam("site", "hongan").formParam("addressDetail", "5号楼").formParam("channel", "PHONE")
                .when().post("/console/intake");
    }

    @Test
    void theTypedCallSurvivesAnEndedSessionInABrowser() throws Exception {
        for (String device : new String[] { "desk", "phone" }) {
            for (String lang : new String[] { "zh", "en" }) {
                String description = "宏安小区5号楼下水堵塞 " + device + " " + lang;
                try (Browser browser = Browser.open()) {
                    if ("phone".equals(device)) {
                        browser.asPhone();
                    } else {
                        browser.asDesk();
                    }
                    browser.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                    browser.visit(new URL(base, "/console/intake?lang=" + lang));
                    new Select(browser.find(By.id("category"))).selectByValue("sewer-blockage");
                    browser.type(By.id("description"), description).type(By.id("reporterName"), "王阿姨")
                            .type(By.id("reporterPhone"), "13903520001");
                    new Select(browser.find(By.id("community"))).selectByValue("beixinyuan");
                    // The session ends while the call is typed.
                    browser.driver().manage().deleteCookieNamed("quarkus-credential");
                    browser.clickAndWait(By.id("save"));

                    assertThat(browser.driver().getCurrentUrl()).contains("/login");
                    assertThat(browser.find(By.id("form-kept")).getText()).contains("zh".equals(lang)
                            ? "您的登录已过期" : "Your session had ended");
                    browser.screenshot(SHOTS.resolve("kept-login-" + device + "-" + lang + ".png"));
                    browser.type(By.id("j_username"), SignInAsAdmin.ADMIN)
                            .type(By.id("j_password"), SignInAsAdmin.ADMIN_PASSWORD)
                            .clickAndWait(By.cssSelector("main button[type=submit]"));

                    assertThat(browser.driver().getCurrentUrl()).endsWith("/console/intake");
                    assertThat(browser.find(By.id("draft-back")).getText()).isNotBlank();
                    assertThat(browser.find(By.id("description")).getAttribute("value")).isEqualTo(description);
                    assertThat(browser.find(By.id("reporterName")).getAttribute("value")).isEqualTo("王阿姨");
                    assertThat(browser.find(By.id("reporterPhone")).getAttribute("value")).isEqualTo("13903520001");
                    assertThat(new Select(browser.find(By.id("category"))).getFirstSelectedOption()
                            .getAttribute("value")).isEqualTo("sewer-blockage");
                    browser.screenshot(SHOTS.resolve("kept-intake-" + device + "-" + lang + ".png"));
                }
            }
        }
    }
}
