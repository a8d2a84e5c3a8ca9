package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/** Staff see on the ticket's page the answers an Open311 application gave to the service's questions. */
@QuarkusTest
class AttributeAnswersPageTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theTicketPageShowsTheQuestionsAndAnswers() {
        String apiKey = given().contentType(ContentType.JSON)
                .body(Map.of("application", "属性页面 " + UUID.randomUUID().toString().substring(0, 8)))
                .when().post("/api/open311/keys").then().statusCode(201).extract().path("apiKey");
        String code = given().auth().none().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParams(Map.of("api_key", apiKey, "service_code", "sewage-overflow", "address_id", "hongan",
                        "description", "污水漫进一楼", "attribute[building]", "<b>3号楼</b>",
                        "attribute[sewage_in_homes]", "yes"))
                .when().post("/open311/v2/requests.json").then().statusCode(200).extract().path("[0].service_request_id");

        for (String lang : new String[] { "zh", "en" }) {
            String page = given().queryParam("lang", lang).when().get("/console/tickets/{code}", code).then()
                    .statusCode(200).extract().asString();
            assertThat(page).as(lang).contains("哪栋楼（楼号）？ Which building?", "&lt;b&gt;3号楼&lt;/b&gt;",
                    "污水是否已进入居民家中？ Is sewage getting into homes?", "是 / Yes").doesNotContain("<b>3号楼");
        }
        screenshots(code);
    }

    /** The page as staff see it, desk and phone, Chinese and English, for a person to look at. */
    private void screenshots(String code) {
        if (!Browser.CHROMIUM.toFile().canExecute()) {
            return;
        }
        for (String lang : new String[] { "zh", "en" }) {
            try (Browser browser = Browser.open()) {
                browser.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                browser.visit(url("/console/tickets/" + code + "?lang=" + lang));
                browser.driver().manage().window().setSize(new Dimension(1366, 900));
                browser.driver().findElement(By.className("attribute-answer"));
                ((JavascriptExecutor) browser.driver())
                        .executeScript("document.querySelector('.attribute-answer').scrollIntoView()");
                browser.screenshot(Path.of("target/screenshots/attribute-answers-desk-" + lang + ".png"));
                browser.asPhone();
                ((JavascriptExecutor) browser.driver())
                        .executeScript("document.querySelector('.attribute-answer').scrollIntoView()");
                browser.screenshot(Path.of("target/screenshots/attribute-answers-phone-" + lang + ".png"));
                assertThat(browser.scrollsSideways()).as("the answers fit a phone's width").isFalse();
            }
        }
    }

    private URL url(String path) {
        try {
            return new URL(base, path);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
