package org.communitydesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 17, point 8 in a real browser, desk and phone, Chinese and English: the crew types the resolution,
 * someone changes the ticket meanwhile, and the page comes back with the text still in the form and what
 * changed above it. The ticket page's confirmation boxes (point 11) are in the screenshots.
 */
@QuarkusTest
class StaleFormBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots", "17a");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aStaleResolutionComesBackTypedInOnADeskAndAPhoneInBothLanguages() throws Exception {
        for (String device : new String[] { "desk", "phone" }) {
            for (String lang : new String[] { "zh", "en" }) {
                String code = createTicket();
                walk(code, "dispatch", "start");
                String typed = ("zh".equals(lang) ? "疏通主管道 12 米，清出油污两桶" : "Cleared 12 m of the main pipe")
                        + " (" + device + ")";
                try (Browser browser = Browser.open()) {
                    if ("phone".equals(device)) {
                        browser.asPhone();
                    } else {
                        browser.asDesk();
                    }
                    browser.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                    browser.visit(new URL(base, "/console/tickets/" + code + "?lang=" + lang));
                    browser.type(By.name("resolution"), typed).type(By.name("rootCause"), "grease");

                    // Meanwhile the office adds a note.
                    String note = "zh".equals(lang) ? "居民说下午三点后在家" : "The resident is home after 3 pm";
                    move(code, "notes", Map.of("text", note, "visibility", "PUBLIC")).then().statusCode(201);
                    browser.clickAndWait(By.cssSelector("#resolve-form button[type=submit]"));

                    assertThat(browser.find(By.id("stale")).getText()).contains(note).contains("zh".equals(lang)
                            ? "有人修改了这张工单" : "Someone changed this ticket after you opened the page");
                    assertThat(browser.find(By.name("resolution")).getAttribute("value")).isEqualTo(typed);
                    assertThat(browser.find(By.name("rootCause")).getAttribute("value")).isEqualTo("grease");
                    assertThat((String) get(code).path("status")).isEqualTo("IN_PROGRESS");
                    browser.screenshot(SHOTS.resolve("stale-" + device + "-" + lang + ".png"));
                    browser.screenshotWholePage(SHOTS.resolve("stale-whole-" + device + "-" + lang + ".png"),
                            "phone".equals(device) ? 390 : 1366);

                    // Checked and sent again, it is recorded.
                    if ("phone".equals(device)) {
                        browser.asPhone();
                    } else {
                        browser.asDesk();
                    }
                    browser.clickAndWait(By.cssSelector("#resolve-form button[type=submit]"));
                    assertThat(browser.find(By.id("flash")).getText())
                            .contains("zh".equals(lang) ? "已记录处理结果" : "Resolution recorded");
                    assertThat((String) get(code).path("resolution")).isEqualTo(typed);
                    // The close form asks for confirmation: the screenshot shows what it says.
                    browser.find(By.id("close-form"));
                    browser.screenshotWholePage(SHOTS.resolve("confirm-" + device + "-" + lang + ".png"),
                            "phone".equals(device) ? 390 : 1366);
                }
            }
        }
    }
}
