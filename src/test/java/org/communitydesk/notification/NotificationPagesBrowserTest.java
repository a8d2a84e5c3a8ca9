package org.communitydesk.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.UUID;
import org.communitydesk.support.Browser;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real browser: staff tick the caller's consent on the intake page, and the resident stops the messages from
 * the status page by typing the access code again. Screenshots (desk and phone, zh and en) go to target/screenshots.
 */
@QuarkusTest
class NotificationPagesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    @Test
    void consentAtIntakeAndTheStopButtonOnTheStatusPage() throws Exception {
        var staff = TestUsers.staff("consent-staff", "beixinyuan");
        String code;
        String accessCode;
        try (Browser browser = Browser.open()) {
            browser.signIn(base, staff.username(), staff.password());
            browser.clickAndWait(By.linkText("登记来电"));
            assertThat(browser.find(By.cssSelector("label.consent")).getText()).contains("同意接收工单进展短信");
            new Select(browser.find(By.id("category"))).selectByValue("street-light");
            browser.type(By.id("description"), "路灯不亮 " + UUID.randomUUID().toString().substring(0, 6))
                    .type(By.id("reporterName"), "李先生").type(By.id("reporterPhone"), "13903520077");
            browser.find(By.id("notifyResident")).click();
            new Select(browser.find(By.id("community"))).selectByValue("beixinyuan");
            browser.screenshotWholePage(SCREENSHOTS.resolve("intake-consent-desk-zh.png"), 1366);
            browser.clickAndWait(By.id("save"));
            if (!browser.driver().findElements(By.cssSelector("button[name=confirmed]")).isEmpty()) {
                browser.clickAndWait(By.cssSelector("button[name=confirmed]"));
            }
            code = browser.find(By.id("issued-code")).getText();
            accessCode = browser.find(By.id("issued-access-code")).getText();
        }
        String client = "10.15." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        given().auth().none().header("X-Forwarded-For", client).header("X-Access-Code", accessCode).when()
                .get("/api/public/tickets/{code}", code).then().statusCode(200).body("textMessages", equalTo(true));

        for (String language : new String[] {"zh", "en"}) {
            try (Browser browser = Browser.open(language.equals("zh") ? Browser.CHINESE_FIRST : "en")) {
                lookUp(browser, code, accessCode);
                assertThat(browser.find(By.cssSelector("form.stop-messages")).getText())
                        .contains(language.equals("zh") ? "退订短信通知" : "Stop text messages");
                browser.screenshotWholePage(SCREENSHOTS.resolve("status-stop-desk-" + language + ".png"), 1366);
                browser.asPhone();
                browser.screenshotWholePage(SCREENSHOTS.resolve("status-stop-phone-" + language + ".png"), 390);
                assertThat(browser.scrollsSideways()).as("the status page on a phone").isFalse();
            }
        }
        try (Browser browser = Browser.open()) {
            lookUp(browser, code, accessCode);
            browser.type(By.id("stopAccessCode"), accessCode).clickAndWait(By.cssSelector("form.stop-messages button"));
            assertThat(browser.driver().findElements(By.cssSelector("form.stop-messages"))).isEmpty();
            assertThat(browser.text()).contains(code).doesNotContain(accessCode);
        }
        given().auth().none().header("X-Forwarded-For", client).header("X-Access-Code", accessCode).when()
                .get("/api/public/tickets/{code}", code).then().statusCode(200).body("textMessages", equalTo(false));
    }

    private void lookUp(Browser browser, String code, String accessCode) throws Exception {
        browser.visit(new URL(base, "/status?code=" + code));
        assertThat(browser.find(By.id("code")).getAttribute("value")).isEqualTo(code);
        browser.type(By.id("accessCode"), accessCode).clickAndWait(By.cssSelector("form button[type=submit]"));
    }
}
