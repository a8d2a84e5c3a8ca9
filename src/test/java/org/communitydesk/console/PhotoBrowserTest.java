package org.communitydesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.communitydesk.photo.TestImages;
import org.communitydesk.support.Browser;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15, "Done when": in a real browser, staff attach a photo at intake (the file input takes a JPEG from disk,
 * as a phone's camera would hand it over), the crew resolves with a photo of the work done, and the resident sees
 * both on the status page; on a desk in English and on a phone in Chinese. The screenshots go to
 * target/screenshots (intake, the ticket with its photos, the resolve form, the status page).
 */
@QuarkusTest
class PhotoBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPhotoAttachedAtIntakeAndOneOfTheWorkDoneAreOnTheStatusPageOnADeskAndAPhone() throws IOException {
        Path manhole = Files.createTempFile("manhole-", ".jpg");
        Files.write(manhole, TestImages.jpegWithExif(TestImages.halves(800, 600), 1, 40.0912, 113.3288));
        Path cleared = Files.createTempFile("cleared-", ".jpg");
        Files.write(cleared, TestImages.encode(TestImages.halves(600, 800), "jpeg"));
        for (boolean phone : new boolean[] { false, true }) {
            String lang = phone ? "zh" : "en";
            String device = phone ? "phone" : "desk";
            int width = phone ? 390 : 1366;
            User staff = TestUsers.staff("photobrowser", "beixinyuan");
            String code;
            String accessCode;
            try (Browser browser = open(phone)) {
                browser.signIn(base, staff.username(), TestUsers.PASSWORD);
                browser.visit(new URL(base, "/console/intake?lang=" + lang));
                new Select(browser.find(By.id("category"))).selectByValue("sewer-blockage");
                browser.type(By.id("description"), "2号楼门口井盖冒水 (" + device + ")")
                        .type(By.id("reporterName"), "王女士");
                new Select(browser.find(By.id("site"))).selectByValue("hongan");
                browser.find(By.id("photo")).sendKeys(manhole.toAbsolutePath().toString());
                browser.find(By.id("photoPublic")).click();
                assertThat(browser.scrollsSideways()).as("the intake with a chosen photo fits the window").isFalse();
                browser.screenshotWholePage(SCREENSHOTS.resolve("intake-photo-" + device + "-" + lang + ".png"), width);
                browser.clickAndWait(By.id("save"));
                if (!browser.driver().findElements(By.id("duplicates")).isEmpty()) {
                    // Open calls at the same compound from other tests: a browser cannot keep the file, so again.
                    assertThat(browser.find(By.id("photos-not-kept")).isDisplayed()).isTrue();
                    browser.find(By.id("photo")).sendKeys(manhole.toAbsolutePath().toString());
                    browser.clickAndWait(By.id("save-new"));
                }
                code = browser.find(By.id("issued-code")).getText();
                accessCode = browser.find(By.id("issued-access-code")).getText();
                assertThat(loadedWidth(browser, browser.find(By.cssSelector("figure.photo img")))).isEqualTo(320);
                assertThat(browser.find(By.id("photo-position")).getText()).contains("40.09120, 113.32880");
                browser.screenshotWholePage(SCREENSHOTS.resolve("ticket-intake-photo-" + device + "-" + lang + ".png"), width);
            }

            walk(code, "dispatch");
            User crew = TestUsers.contractor("photobrowser", "tongda-dredging");
            try (Browser browser = open(phone)) {
                browser.signIn(base, crew.username(), TestUsers.PASSWORD);
                browser.visit(new URL(base, "/console/tickets/" + code + "?lang=" + lang));
                browser.clickAndWait(By.cssSelector("#start-form button[type=submit]"));
                browser.type(By.name("resolution"), "清掏油污，管道已疏通");
                browser.find(By.id("resolve-photo")).sendKeys(cleared.toAbsolutePath().toString());
                assertThat(browser.find(By.cssSelector("#resolve-form input[name=photoPublic]")).isSelected()).isTrue();
                assertThat(browser.scrollsSideways()).as("the ticket page with a chosen photo fits the window").isFalse();
                browser.screenshotWholePage(SCREENSHOTS.resolve("resolve-photo-" + device + "-" + lang + ".png"), width);
                browser.clickAndWait(By.cssSelector("#resolve-form button[type=submit]"));
                assertThat(browser.driver().findElements(By.cssSelector("figure.photo img"))).hasSize(2);
                browser.screenshotWholePage(SCREENSHOTS.resolve("ticket-photos-" + device + "-" + lang + ".png"), width);
            }

            try (Browser resident = open(phone)) {
                resident.visit(new URL(base, "/status?lang=" + lang))
                        .type(By.id("code"), code).type(By.id("accessCode"), accessCode)
                        .clickAndWait(By.cssSelector("button[type=submit]"));
                var thumbnails = resident.driver().findElements(By.cssSelector("#resident-photos img"));
                assertThat(thumbnails).hasSize(2);
                for (WebElement thumbnail : thumbnails) {
                    assertThat(loadedWidth(resident, thumbnail)).isPositive();
                }
                assertThat(resident.scrollsSideways()).as("the status page fits the window").isFalse();
                resident.screenshotWholePage(SCREENSHOTS.resolve("status-photos-" + device + "-" + lang + ".png"), width);
                String full = resident.find(By.cssSelector("#resident-photos a")).getAttribute("href");
                resident.visit(new URL(full));
                assertThat(loadedWidth(resident, resident.find(By.tagName("img")))).isEqualTo(800);
            }
        }
    }

    private static Browser open(boolean phone) {
        return phone ? Browser.open().asPhone() : Browser.open("en-US,en").asDesk();
    }

    /** The image's own width once the browser has loaded it (0 while it has not, or when it is broken). */
    private static long loadedWidth(Browser browser, WebElement image) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // The thumbnails load lazily, when they come into view.
        js.executeScript("arguments[0].scrollIntoView();", image);
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(d ->
                Boolean.TRUE.equals(js.executeScript("return arguments[0].complete;", image)));
        return ((Number) js.executeScript("return arguments[0].naturalWidth;", image)).longValue();
    }
}
