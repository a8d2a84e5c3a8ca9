package org.communitydesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Issue 17, point 2: errors under the pages are pages in the reader's language; the API keeps problem+json. */
@QuarkusTest
class ErrorPageTest {

    @Test
    void aContractorOpeningTheDashboardGetsA403PageWithTheReason() {
        var crew = TestUsers.contractor("error-page-crew", "tongda-dredging");
        Map<String, String> cookies = SessionCookies.signInCookies(crew.username(), crew.password());
        Response page = given().auth().none().cookies(cookies).when().get("/dashboard");
        page.then().statusCode(403).contentType(ContentType.HTML);
        assertThat(page.asString()).contains("<html lang=\"zh-CN\">", "没有权限", "你的账号角色不能打开这个页面",
                "id=\"error-page\"").doesNotContain("urn:communitydesk:problem", "Forbidden");

        Response english = given().auth().none().cookies(cookies).cookie(PageLanguage.COOKIE, "en").when().get("/dashboard");
        assertThat(english.asString()).contains("<html lang=\"en\">", "Not allowed").doesNotContain("没有权限");
    }

    @Test
    void aMistypedAddressUnderTheConsoleIsA404PageInsideTheLayout() {
        Map<String, String> cookies = SessionCookies.signInCookies(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
        Response page = given().auth().none().cookies(cookies).when().get("/console/tickts");
        page.then().statusCode(404).contentType(ContentType.HTML);
        assertThat(page.asString()).contains("找不到这个页面", "class=\"site-header\"", "返回首页");
    }

    @Test
    void aMistypedAddressOutsideTheConsoleIsA404PageToo() {
        // As a browser asks; a program asking for anything gets problem+json (ProblemResponsesTest).
        Response page = given().auth().none().accept("text/html,application/xhtml+xml,*/*;q=0.8").when().get("/dashbord");
        page.then().statusCode(404).contentType(ContentType.HTML);
        assertThat(page.asString()).contains("找不到这个页面");
        given().auth().none().when().get("/dashbord").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBrokenFormOnTheStatusPageIsAPageNotJson() {
        Response page = given().auth().none().contentType(ContentType.URLENC).body("code=%ZZ&accessCode=x")
                .when().post("/status");
        page.then().statusCode(400).contentType(ContentType.HTML);
        assertThat(page.asString()).contains("请求无法处理");
    }

    @Test
    void theApiAndOpen311KeepTheirFormats() {
        given().when().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().auth().none().when().get("/open311/v2/requests/CD-1999-000001.json").then().statusCode(404)
                .contentType(ContentType.JSON);
    }
}
