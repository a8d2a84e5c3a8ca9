package org.communitydesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 17, point 9, in a real browser at a desk (1366 × 900) and on a phone (390 × 844), in Chinese and English:
 * the queue's cards, the dashboard's chart text and tables, and the contractor's ticket page one-handed.
 * Screenshots go to target/screenshots.
 */
@QuarkusTest
class PhoneBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    private static String call(String description, boolean crewMayCall) {
        Map<String, Object> body = intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("description", description);
        body.put("reporter", Map.of("name", "冯女士", "phone", "13603521234"));
        body.put("crewMayCall", crewMayCall);
        return create(body).then().statusCode(201).extract().path("code");
    }

    private static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    private static double rect(Browser browser, WebElement element, String what) {
        return ((Number) js(browser, "return arguments[0].getBoundingClientRect()." + what + ";", element)).doubleValue();
    }

    @Test
    void theQueueIsATableAtADeskAndCardsOnAPhone() throws Exception {
        String text = "手机" + UUID.randomUUID().toString().substring(0, 6);
        String code = call(text + " 单元门口的井盖冒水，污水流到路上，居民出行不便", false);
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200);
        for (String lang : List.of("zh", "en")) {
            try (Browser browser = Browser.open(lang.equals("zh") ? Browser.CHINESE_FIRST : "en-US,en")) {
                browser.driver().manage().window().setSize(new Dimension(1366, 900));
                browser.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                browser.visit(new URL(base, "/console/tickets?lang=" + lang + "&q=" + text));
                assertThat(browser.find(By.cssSelector("table.tickets thead")).isDisplayed()).isTrue();
                WebElement row = browser.find(By.cssSelector("tr[data-code='" + code + "']"));
                assertThat(js(browser, "return getComputedStyle(arguments[0]).display;", row)).isEqualTo("table-row");
                browser.screenshot(SHOTS.resolve("queue-desk-" + lang + ".png"));

                browser.asPhone().visit(new URL(base, "/console/tickets?lang=" + lang + "&q=" + text));
                row = browser.find(By.cssSelector("tr[data-code='" + code + "']"));
                assertThat(js(browser, "return getComputedStyle(arguments[0]).display;", row)).as("a card")
                        .isEqualTo("block");
                assertThat(browser.driver().findElement(By.cssSelector("table.tickets thead")).isDisplayed()).isFalse();
                assertThat(browser.scrollsSideways()).as("the queue fits the phone").isFalse();
                // The card: code, status, category, place and building, due time, lead; each on its own line.
                for (String cell : List.of("code", "state", "category", "place", "due", "lead")) {
                    WebElement td = row.findElement(By.cssSelector("td." + cell));
                    assertThat(td.isDisplayed()).as(cell).isTrue();
                    assertThat(rect(browser, td, "width")).as(cell + " spans the card").isGreaterThan(250);
                }
                assertThat(row.findElement(By.cssSelector("td.place")).getText()).contains("2号楼");
                assertThat(row.findElement(By.cssSelector("td.lead")).getText())
                        .contains(lang.equals("zh") ? "通达" : "Tongda");
                browser.screenshotWholePage(SHOTS.resolve("queue-phone-" + lang + ".png"), 390);
            }
        }
    }

    @Test
    void theDashboardChartKeepsItsTextReadableOnAPhone() throws Exception {
        call("看板 " + UUID.randomUUID(), false);
        for (String lang : List.of("zh", "en")) {
            try (Browser browser = Browser.open(lang.equals("zh") ? Browser.CHINESE_FIRST : "en-US,en")) {
                browser.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                browser.asPhone().visit(new URL(base, "/dashboard?lang=" + lang));
                assertThat(browser.scrollsSideways()).as("the dashboard fits the phone").isFalse();
                WebElement label = browser.find(By.cssSelector(".trend-chart text.y-label"));
                assertThat(rect(browser, label, "height")).as("chart text height on a phone, px")
                        .isGreaterThanOrEqualTo(9);
                browser.screenshotWholePage(SHOTS.resolve("dashboard-phone-" + lang + ".png"), 390);
            }
        }
    }

    @Test
    void aContractorWorksATicketOneHandedAndCallsTheCaller() throws Exception {
        String code = call("入户 " + UUID.randomUUID(), true);
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200);
        TestUsers.User crew = TestUsers.contractor("phonecrew", "tongda-dredging");
        for (String lang : List.of("zh", "en")) {
            try (Browser browser = Browser.open(lang.equals("zh") ? Browser.CHINESE_FIRST : "en-US,en")) {
                browser.asPhone().signIn(base, crew.username(), crew.password());
                browser.visit(new URL(base, "/console/tickets/" + code + "?lang=" + lang));
                assertThat(browser.scrollsSideways()).isFalse();
                // Near the top, a link down to the actions (the page is long on a phone).
                assertThat(browser.find(By.id("jump-to-actions")).isDisplayed()).isTrue();
                WebElement phone = browser.find(By.id("caller-phone"));
                assertThat(phone.getAttribute("href")).isEqualTo("tel:13603521234");
                WebElement start = browser.find(By.cssSelector("#start-form button, form[action$='/start'] button"));
                assertThat(rect(browser, start, "height")).as("touch target height").isGreaterThanOrEqualTo(44);
                assertThat(rect(browser, start, "width")).as("touch target width").isGreaterThan(300);
                browser.screenshotWholePage(SHOTS.resolve("contractor-ticket-phone-" + lang + ".png"), 390);
            }
        }
    }

    @Test
    void theUserPagesAtADesk() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.driver().manage().window().setSize(new Dimension(1366, 900));
            browser.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
            browser.visit(new URL(base, "/console/users"));
            assertThat(browser.find(By.id("create-user")).isDisplayed()).isTrue();
            browser.screenshotWholePage(SHOTS.resolve("users-desk-zh.png"), 1366);
            browser.visit(new URL(base, "/console/password?lang=en"));
            browser.screenshot(SHOTS.resolve("password-desk-en.png"));
        }
    }
}
