package org.communitydesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.communitydesk.support.Browser;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 13's browser walk: in a real browser the dredging team's crew accepts a dispatched order with the Accept
 * button and asks for an extension (延期申请) on the ticket page; the street office's supervisor signs in and approves
 * it; the page then shows the new due time and the original one. On a phone in Chinese and on a desk in English;
 * screenshots go to target/screenshots.
 */
@QuarkusTest
class ExtensionBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aContractorAcceptsAndAsksForAnExtensionAndASupervisorApprovesIt() throws Exception {
        for (boolean phone : new boolean[] { true, false }) {
            String lang = phone ? "zh" : "en";
            String device = phone ? "phone" : "desk";
            int width = phone ? 390 : 1366;
            String code = createTicket();
            walk(code, "dispatch");
            Instant originalDue = Instant.parse(get(code).path("dueAt"));
            LocalDateTime requested = LocalDateTime.ofInstant(originalDue, ZONE).plusDays(3).withHour(17).withMinute(30)
                    .truncatedTo(ChronoUnit.MINUTES);
            User crew = TestUsers.contractor("extbrowser", "tongda-dredging");
            String dueBefore;
            try (Browser browser = phone ? Browser.open().asPhone() : Browser.open("en-US,en").asDesk()) {
                browser.signIn(base, crew.username(), TestUsers.PASSWORD);
                browser.visit(new URL(base, "/console/tickets/" + code + "?lang=" + lang));
                browser.clickAndWait(By.id("accept-button"));
                assertThat(browser.find(By.id("flash")).getText()).contains(phone ? "已签收" : "Order accepted");

                dueBefore = browser.find(By.id("due-at")).getText();
                assertThat(browser.find(By.id("extension-request-form")).getText())
                        .contains(phone ? "申请延期" : "Ask for an extension");
                // A datetime-local field's typing depends on the browser's locale; its value does not.
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                        browser.find(By.id("extension-due")), requested.toString());
                browser.type(By.id("extension-reason"), phone ? "需更换破损管段，配件预计三天后到货" : "A pipe section must be replaced; the part arrives in three days");
                assertThat(browser.scrollsSideways()).as("the ticket page with the extension form fits the window").isFalse();
                browser.screenshotWholePage(SCREENSHOTS.resolve("extension-request-" + device + "-" + lang + ".png"), width);
                browser.clickAndWait(By.id("extension-request-button"));

                assertThat(browser.find(By.id("flash")).getText())
                        .contains(phone ? "延期申请已提交" : "Extension asked for");
                assertThat(browser.driver().findElements(By.id("extension-request-form"))).isEmpty();
                assertThat(browser.find(By.id("pending-extension")).getText()).contains(phone ? "待审批" : "Waiting for a decision");
                assertThat(browser.find(By.id("due-at")).getText()).isEqualTo(dueBefore);
            }

            User supervisor = TestUsers.supervisor("extbrowser-sup", "yingbin");
            try (Browser browser = phone ? Browser.open().asPhone() : Browser.open("en-US,en").asDesk()) {
                browser.signIn(base, supervisor.username(), TestUsers.PASSWORD);
                browser.visit(new URL(base, "/console/tickets/" + code + "?lang=" + lang));
                assertThat(browser.find(By.id("extension-decision-form")).getText())
                        .contains(phone ? "需更换破损管段" : "A pipe section must be replaced");
                assertThat(browser.scrollsSideways()).as("the ticket page with the decision form fits the window").isFalse();
                browser.screenshotWholePage(SCREENSHOTS.resolve("extension-decide-" + device + "-" + lang + ".png"), width);
                browser.clickAndWait(By.id("extension-approve-button"));

                assertThat(browser.find(By.id("flash")).getText()).contains(phone ? "已批准延期" : "Extension approved");
                String dueAfter = browser.find(By.id("due-at")).getText();
                assertThat(dueAfter).isNotEqualTo(dueBefore).contains("17:30");
                assertThat(browser.find(By.id("original-due-at")).getText()).isEqualTo(dueBefore);
                assertThat(browser.find(By.cssSelector("ol.timeline")).getText()).contains(phone
                        ? "处理时限已延长至 " + requested.toLocalDate() + " 17:30"
                        : "The time to resolve is extended to " + requested.toLocalDate() + " 17:30");
                assertThat(browser.driver().findElements(By.id("extension-decision-form"))).isEmpty();
                browser.screenshotWholePage(SCREENSHOTS.resolve("extension-approved-" + device + "-" + lang + ".png"), width);
            }
            get(code).then().statusCode(200)
                    .body("dueAt", org.hamcrest.Matchers.equalTo(requested.atZone(ZONE).toInstant().toString()))
                    .body("originalDueAt", org.hamcrest.Matchers.equalTo(originalDue.toString()));
        }
    }
}
