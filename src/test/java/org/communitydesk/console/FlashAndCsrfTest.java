package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redirect messages as database rows (shown once, on their own ticket's page, to their own user) and
 * CSRF tokens bound to the user and the browser session. Nothing here lives in one process's memory.
 */
@QuarkusTest
class FlashAndCsrfTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ISSUED = Pattern.compile("id=\"issued-access-code\" class=\"access-code\">([A-Z0-9]{8})<");

    @Inject
    Flash flash;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- Flash -----------------------------------------------------------------------------------------------

    @Test
    void anAccessCodeIsShownOnlyOnItsTicketsPageToItsUserAndOnce() {
        Browser admin = Browser.open(io.restassured.RestAssured::given);
        Response saved = admin.post("/console/intake", call("Flash " + UUID.randomUUID()));
        saved.then().statusCode(303);
        String location = saved.header("Location");
        String x = location.substring(location.lastIndexOf('/') + 1);
        String flashId = saved.cookie(Flash.COOKIE);
        assertThat(flashId).isNotBlank();

        // Another ticket's page, with the same cookie: nothing, and the message stays for its own page.
        String y = createTicket("sewer-blockage", "beixinyuan", "hongan");
        assertThat(page(given(), y, flashId)).doesNotContain("id=\"issued-access-code\"").doesNotContain("id=\"flash\"");
        // Another user on the right page: nothing either.
        var colleague = TestUsers.staff("flash-colleague", "beixinyuan");
        assertThat(page(colleague.request(), x, flashId)).doesNotContain("id=\"issued-access-code\"");

        Response shown = given().cookie(Flash.COOKIE, flashId).when().get("/console/tickets/" + x);
        shown.then().statusCode(200);
        Matcher code = ISSUED.matcher(shown.asString());
        assertThat(code.find()).as("the access code on the new ticket's page").isTrue();
        assertThat(shown.getDetailedCookie(Flash.COOKIE).getMaxAge()).isZero();
        // Never in the cookie or the URL.
        assertThat(flashId).doesNotContain(code.group(1));
        assertThat(location).doesNotContain(code.group(1));

        assertThat(page(given(), x, flashId)).doesNotContain(code.group(1));
        assertThat(stored(flashId)).isNull();
    }

    @Test
    void aMessageOfNoTicketIsShownOnThePageTheRedirectLeadsTo() {
        String detail = "queue-problem-" + UUID.randomUUID();
        String id = flash.keep(SignInAsAdmin.ADMIN, null, Flash.Message.failed("flashFailed", detail)).getValue();
        given().cookie(Flash.COOKIE, id).when().get("/console/tickets").then().statusCode(200)
                .body(containsString(detail));
        given().cookie(Flash.COOKIE, id).when().get("/console/tickets").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(detail)));
    }

    @Test
    void anExpiredMessageIsNotShownAndHousekeepingRemovesIt() {
        String detail = "late-" + UUID.randomUUID();
        String id = flash.keep(SignInAsAdmin.ADMIN, null, Flash.Message.failed("flashFailed", detail)).getValue();
        long none = QuarkusTransaction.requiringNew().call(() -> FlashMessage.deleteExpired(clock.instant()));
        assertThat(stored(id)).as("kept %s", none).isNotNull();

        clock.advance(Flash.KEPT_FOR.plus(Duration.ofSeconds(1)));
        given().cookie(Flash.COOKIE, id).when().get("/console/tickets").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(detail)));
        long removed = QuarkusTransaction.requiringNew().call(() -> FlashMessage.deleteExpired(clock.instant()));
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(stored(id)).isNull();
    }

    // --- CSRF ------------------------------------------------------------------------------------------------

    @Test
    void aTokenMadeForOneUserIsRefusedForAnother() {
        var first = TestUsers.staff("csrf-first", "beixinyuan");
        var second = TestUsers.staff("csrf-second", "beixinyuan");
        Browser firstBrowser = Browser.open(first::request);

        String description = "CSRF " + UUID.randomUUID();
        given().auth().preemptive().basic(second.username(), second.password())
                .cookie(ConsoleSession.COOKIE, firstBrowser.sessionId).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(firstBrowser.withToken(call(description)))
                .when().post("/console/intake").then().statusCode(400).body(containsString("表单已过期"));
        given().queryParam("q", description).when().get("/api/tickets").then()
                .body("total", org.hamcrest.Matchers.equalTo(0));

        // The same token in its own user's browser session is accepted.
        firstBrowser.post("/console/intake", call(description)).then().statusCode(303);
    }

    @Test
    void aTokenOfAnotherBrowserSessionOrWithoutOneIsRefused() {
        Browser admin = Browser.open(io.restassured.RestAssured::given);
        Browser other = Browser.open(io.restassured.RestAssured::given);
        assertThat(other.sessionId).isNotEqualTo(admin.sessionId);
        assertThat(other.token).isNotEqualTo(admin.token);

        given().cookie(ConsoleSession.COOKIE, other.sessionId).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(admin.withToken(call("elsewhere")))
                .when().post("/console/intake").then().statusCode(400);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(admin.withToken(call("no cookie")))
                .when().post("/console/intake").then().statusCode(400);
    }

    @Test
    void signingOutEndsTheBrowserSession() {
        Response out = given().auth().none().redirects().follow(false).when().post("/logout");
        assertThat(out.getDetailedCookie(ConsoleSession.COOKIE).getMaxAge()).isZero();
    }

    // --- Helpers ---------------------------------------------------------------------------------------------

    /** A browser: the session cookie and the token of the first page it opened. */
    record Browser(java.util.function.Supplier<RequestSpecification> as, String sessionId, String token) {

        static Browser open(java.util.function.Supplier<RequestSpecification> as) {
            Response page = as.get().when().get("/console/intake");
            page.then().statusCode(200).cookie(ConsoleSession.COOKIE);
            Matcher token = CSRF.matcher(page.asString());
            assertThat(token.find()).isTrue();
            return new Browser(as, page.cookie(ConsoleSession.COOKIE), token.group(1));
        }

        java.util.Map<String, String> withToken(java.util.Map<String, String> fields) {
            var all = new java.util.HashMap<>(fields);
            all.put(CsrfTokens.FIELD, token);
            return all;
        }

        Response post(String path, java.util.Map<String, String> fields) {
            return as.get().cookie(ConsoleSession.COOKIE, sessionId).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(withToken(fields))
                    .when().post(path);
        }
    }

    private static java.util.Map<String, String> call(String description) {
        return java.util.Map.of("category", "sewage-overflow", "description", description, "reporterName", "张先生",
                "reporterPhone", "13903525555", "community", "beixinyuan", "site", "hongan", "addressDetail", "3号楼",
                "channel", "PHONE", "confirmed", "true");
    }

    private static FlashMessage stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> FlashMessage.<FlashMessage>findById(id));
    }

    private static String page(RequestSpecification as, String code, String flashId) {
        return as.cookie(Flash.COOKIE, flashId).when().get("/console/tickets/" + code).then().statusCode(200)
                .extract().asString();
    }
}
