package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Issue 20, point 3: staff see on the ticket's page who is blocked, and the last resort, and lift them. */
@QuarkusTest
class AccessBlocksPageTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theTicketPageShowsBlockedClientsAndTheLastResortInBothLanguagesAndLiftsThem() {
        clock.freezeAt(Instant.parse("2026-12-01T02:00:00Z"));
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.path("code");
        walk(code, "dispatch");
        String guesser = "10.9." + (int) (Math.random() * 250) + ".3";
        for (int i = 0; i <= 10; i++) {
            given().auth().none().header("X-Forwarded-For", guesser).header("X-Access-Code", "WRONG" + i)
                    .when().get("/api/public/tickets/{code}", code).then().statusCode(404);
        }

        String zh = page(code, "zh");
        assertThat(zh).contains("id=\"access-blocks\"", "查询码锁定", guesser + "：错 11 次，锁定到 2026年12月1日 11:00",
                "id=\"lift-access-blocks-form\"").doesNotContain("id=\"access-blocked-for-all\"");
        String en = page(code, "en");
        assertThat(en).contains("Access-code blocks", guesser + ": 11 wrong codes, blocked until 1 Dec 2026, 11:00",
                "Lift the blocks");

        // The last resort, as many addresses would have set it off: the page tells staff what to do.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ticket_access_guard set failures = 101, locked_until = ?1 where ticket_id = "
                        + "(select id from ticket where code = ?2)")
                .setParameter(1, clock.instant().plus(Duration.ofHours(1))).setParameter(2, code).executeUpdate());
        assertThat(page(code, "zh")).contains("id=\"access-blocked-for-all\"", "2026年12月1日 11:00 前所有人都查不了这张工单");
        assertThat(page(code, "en")).contains("nobody can look this ticket up until 1 Dec 2026, 11:00");
        screenshots(code);

        FlashAndCsrfTest.Browser admin = FlashAndCsrfTest.Browser.open(io.restassured.RestAssured::given);
        Response lifted = admin.post("/console/tickets/" + code + "/lift-access-blocks", Map.of());
        lifted.then().statusCode(303);
        String after = given().cookie(Flash.COOKIE, lifted.cookie(Flash.COOKIE)).when().get("/console/tickets/" + code)
                .then().statusCode(200).extract().asString();
        assertThat(after).contains("已解除查询码锁定。").doesNotContain("id=\"access-blocks\"")
                .contains("解除查询码锁定");
        given().auth().none().header("X-Forwarded-For", guesser).header("X-Access-Code", (String) created.path("accessCode"))
                .when().get("/api/public/tickets/{code}", code).then().statusCode(200);
    }

    private static String page(String code, String lang) {
        return given().queryParam("lang", lang).when().get("/console/tickets/{code}", code).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
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
                browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
                browser.driver().findElement(By.id("access-blocks")).getLocation();
                ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("document.getElementById('access-blocks').scrollIntoView()");
                browser.screenshot(Path.of("target/screenshots/access-blocks-desk-" + lang + ".png"));
                browser.asPhone();
                ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("document.getElementById('access-blocks').scrollIntoView()");
                browser.screenshot(Path.of("target/screenshots/access-blocks-phone-" + lang + ".png"));
                assertThat(browser.scrollsSideways()).as("the blocks fit a phone's width").isFalse();
            }
        }
    }

    private URL url(String path) {
        try {
            return new URL(base, path);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
