package org.communitydesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import org.communitydesk.support.Browser;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 13, step 1: in a real browser the dredging team's crew opens a dispatched ticket, accepts the order with the
 * page's button, and the page then says so (the message, the assignment's acceptance, the timeline) and offers no
 * second acceptance; on a phone in Chinese and on a desk in English. Screenshots go to target/screenshots.
 */
@QuarkusTest
class AcceptBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theCrewAcceptsItsOrderOnTheTicketPage() throws Exception {
        for (boolean phone : new boolean[] { true, false }) {
            String lang = phone ? "zh" : "en";
            String device = phone ? "phone" : "desk";
            int width = phone ? 390 : 1366;
            String code = createTicket();
            walk(code, "dispatch");
            User crew = TestUsers.contractor("acceptbrowser", "tongda-dredging");
            try (Browser browser = phone ? Browser.open().asPhone() : Browser.open("en-US,en").asDesk()) {
                browser.signIn(base, crew.username(), TestUsers.PASSWORD);
                browser.visit(new URL(base, "/console/tickets/" + code + "?lang=" + lang));
                assertThat(browser.find(By.id("accept-button")).getText()).isEqualTo(phone ? "签收" : "Accept the order");
                assertThat(browser.text()).contains(phone ? "待签收" : "awaiting acceptance");
                assertThat(browser.scrollsSideways()).as("the ticket page with the accept form fits the window").isFalse();
                browser.screenshotWholePage(SCREENSHOTS.resolve("accept-" + device + "-" + lang + ".png"), width);

                browser.clickAndWait(By.id("accept-button"));

                assertThat(browser.find(By.id("flash")).getText()).contains(phone ? "已签收" : "Order accepted");
                assertThat(browser.driver().findElements(By.id("accept-form"))).isEmpty();
                assertThat(browser.find(By.cssSelector("ul.assignments")).getText())
                        .contains(phone ? "已签收" : "accepted");
                assertThat(browser.find(By.cssSelector("ol.timeline")).getText()).contains(phone
                        ? "通达管道专业清掏队已签收" : "Tongda Professional Pipe Dredging Team accepted the order");
                browser.screenshotWholePage(SCREENSHOTS.resolve("accepted-" + device + "-" + lang + ".png"), width);
            }
            get(code).then().statusCode(200)
                    .body("assignments[0].acceptedBy", org.hamcrest.Matchers.equalTo(crew.username()));
        }
    }
}
