package org.communitydesk.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Map;
import org.communitydesk.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A resident uses /status in a real browser: switches the language, looks a ticket up, mistypes a code. */
@QuarkusTest
class StatusPageBrowserTest {

    @TestHTTPResource("/status")
    URL statusPage;

    @Test
    void aResidentSwitchesToEnglishAndSeesTheirTicketOnAPhone() {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.path("code");
        walk(code, "dispatch");
        move(code, "notes", Map.of("text", "清掏队已出发 The crew is on its way", "visibility", "PUBLIC"))
                .then().statusCode(201);

        try (Browser browser = Browser.open().asPhone()) {
            browser.visit(statusPage);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("查询办理进度");

            browser.clickAndWait(By.linkText("English"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Check the progress of your request");

            browser.type(By.id("code"), code).type(By.id("accessCode"), created.path("accessCode"))
                    .clickAndWait(By.cssSelector("button[type=submit]"));

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Request " + code);
            assertThat(browser.find(By.cssSelector(".status strong")).getText()).isEqualTo("Dispatched");
            assertThat(browser.text())
                    .contains("Sewer blockage", "Hong'an Compound", "Reported", "清掏队已出发 The crew is on its way")
                    .doesNotContain((String) created.path("accessCode"), "2号楼");
            assertThat(browser.scrollsSideways()).as("the page fits a phone's width").isFalse();
        }
    }

    @Test
    void aWrongAccessCodeShowsTheMessageAndKeepsTheTrackingCode() {
        String code = create(intake("sewer-blockage", "beixinyuan", "hongan")).then().statusCode(201)
                .extract().path("code");

        try (Browser browser = Browser.open()) {
            browser.visit(statusPage)
                    .type(By.id("code"), code).type(By.id("accessCode"), "ACDEFGHJ")
                    .clickAndWait(By.cssSelector("button[type=submit]"));

            assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                    .contains("没有找到这张工单", "暂停一小时", "重新发放");
            assertThat(browser.find(By.id("code")).getAttribute("value")).isEqualTo(code);
            assertThat(browser.find(By.id("accessCode")).getAttribute("value")).isEmpty();
        }
    }

    /** Issue 17, point 4: the resident rates the work on the page, on a phone in Chinese and a desk in English. */
    @Test
    void aResidentRatesTheWorkOnThePageOnAPhoneAndADesk() {
        for (boolean phone : new boolean[] { true, false }) {
            String lang = phone ? "zh" : "en";
            Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
            String code = created.path("code");
            String accessCode = created.path("accessCode");
            walk(code, "dispatch", "start", "resolve");

            try (Browser browser = Browser.open()) {
                if (phone) {
                    browser.asPhone();
                } else {
                    browser.asDesk();
                }
                browser.visit(url("/status?lang=" + lang));
                browser.type(By.id("code"), code).type(By.id("accessCode"), accessCode)
                        .clickAndWait(By.cssSelector("form.lookup button[type=submit]"));
                assertThat(browser.find(By.id("resident-feedback-form")).getText())
                        .contains(phone ? "评价处理结果" : "Rate the work");
                String device = phone ? "phone" : "desk";
                browser.screenshotWholePage(SHOTS.resolve("status-feedback-" + device + "-" + lang + ".png"),
                        phone ? 390 : 1366);
                // The other language on the same device, for the screenshots.
                String other = phone ? "en" : "zh";
                browser.visit(url("/status?lang=" + other));
                browser.type(By.id("code"), code).type(By.id("accessCode"), accessCode)
                        .clickAndWait(By.cssSelector("form.lookup button[type=submit]"));
                browser.screenshotWholePage(SHOTS.resolve("status-feedback-" + device + "-" + other + ".png"),
                        phone ? 390 : 1366);
                browser.visit(url("/status?lang=" + lang));
                browser.type(By.id("code"), code).type(By.id("accessCode"), accessCode)
                        .clickAndWait(By.cssSelector("form.lookup button[type=submit]"));
                if (phone) {
                    browser.asPhone();
                } else {
                    browser.asDesk();
                }
                assertThat(browser.scrollsSideways()).as("the form fits the screen").isFalse();

                browser.find(By.cssSelector("input[name=rating][value='2']")).click();
                browser.find(By.cssSelector("input[name=resolved][value=no]")).click();
                browser.type(By.id("feedbackComment"), phone ? "楼道里还有味道" : "Still smells in the stairwell")
                        .type(By.id("feedbackAccessCode"), accessCode)
                        .clickAndWait(By.cssSelector("#resident-feedback-form button[type=submit]"));

                assertThat(browser.find(By.id("feedback-thanks")).getText())
                        .contains(phone ? "谢谢您的评价" : "Thank you: your rating was received");
                assertThat(browser.find(By.id("code")).getAttribute("value")).isEqualTo(code);
                assertThat(browser.driver().getCurrentUrl()).doesNotContain(accessCode);
            }
            // "Not resolved" reopens the ticket, as through the API.
            assertThat((String) org.communitydesk.support.TicketApi.get(code).path("status")).isEqualTo("DISPATCHED");
        }
    }

    private URL url(String path) {
        try {
            return new URL(statusPage, path);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target", "screenshots", "17a");
}
