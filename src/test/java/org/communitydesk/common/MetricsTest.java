package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.support.RawHttp;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 4: /q/metrics cannot be blinded by junk URLs, tells what the service does (tickets, moves,
 * lookups, refusals, the pool, Hibernate), and speaks OpenMetrics to a scraper that asks for it. Read from the
 * loopback, which communitydesk.metrics.allowed-addresses lets in without a sign-in.
 */
@QuarkusTest
class MetricsTest {

    private static final Pattern URI_TAG = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"",
            Pattern.MULTILINE);

    @TestHTTPResource("/")
    URL base;

    @Test
    void twoHundredJunkUrlsWithoutASignInLeaveTheRealRoutesRecorded() throws IOException {
        String junk = "junk" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 70; i++) {
            // 405: a path that exists, with a method it does not take.
            given().auth().none().contentType(ContentType.JSON).body("{}").when()
                    .delete("/api/public/tickets/{code}", junk + i).then().statusCode(405);
        }
        for (int i = 0; i < 70; i++) {
            // 400: a malformed escape.
            assertThat(RawHttp.get(base, "/api/tickets/" + junk + i + "%ZZ").status()).isEqualTo(400);
        }
        for (int i = 0; i < 60; i++) {
            given().auth().none().when().get("/" + junk + i + "/x").then().statusCode(404);
        }
        given().auth().none().when().get("/api/sites").then().statusCode(200);
        given().auth().none().when().get("/api/organizations").then().statusCode(200);

        Set<String> uris = uriTags(scrape());
        assertThat(uris).contains("/api/sites", "/api/organizations");
        assertThat(uris).noneMatch(uri -> uri.contains(junk));
        // Micrometer keeps 100 URI values at most; the routes alone stay far below that.
        assertThat(uris).hasSizeLessThan(90);
    }

    @Test
    void ticketsMovesLookupsAndRefusalsAreCounted() {
        String logged = "communitydesk_tickets_logged_total{category=\"sewer-blockage\",channel=\"PHONE\"}";
        String dispatched = "communitydesk_ticket_moves_total{action=\"dispatch\"}";
        String notFound = "communitydesk_public_lookups_total{outcome=\"not-found\"}";
        String found = "communitydesk_public_lookups_total{outcome=\"found\"}";
        String metrics = scrape();
        double loggedBefore = value(metrics, logged);
        double dispatchedBefore = value(metrics, dispatched);
        double notFoundBefore = value(metrics, notFound);
        double foundBefore = value(metrics, found);

        var created = TicketApi.create(TicketApi.intake("sewer-blockage", "beixinyuan", "hongan")).then().statusCode(201)
                .extract();
        String code = created.path("code");
        TicketApi.walk(code, "dispatch");
        String client = "198.51.100." + (int) (Math.random() * 200 + 20);
        given().auth().none().header("X-Forwarded-For", client).header("X-Access-Code", "WRONGCODE")
                .when().get("/api/public/tickets/{code}", code).then().statusCode(404);
        given().auth().none().header("X-Forwarded-For", client).header("X-Access-Code", (String) created.path("accessCode"))
                .when().get("/api/public/tickets/{code}", code).then().statusCode(200);

        String after = scrape();
        assertThat(value(after, logged)).isEqualTo(loggedBefore + 1);
        assertThat(value(after, dispatched)).isEqualTo(dispatchedBefore + 1);
        assertThat(value(after, notFound)).isEqualTo(notFoundBefore + 1);
        assertThat(value(after, found)).isEqualTo(foundBefore + 1);
    }

    @Test
    void theConnectionPoolAndHibernateAreMeasured() {
        String metrics = scrape();
        assertThat(metrics).contains("agroal_active_count", "agroal_max_used_count", "hibernate_sessions_open_total",
                "hibernate_query_executions_total");
    }

    @Test
    void aScraperAskingForOpenMetricsGetsIt() {
        var answer = given().auth().none().header("Accept", "application/openmetrics-text; version=1.0.0")
                .when().get("/q/metrics").then().statusCode(200).extract();
        assertThat(answer.contentType()).startsWith("application/openmetrics-text");
        assertThat(answer.asString()).endsWith("# EOF\n").contains("# TYPE process_start_time_seconds gauge");
        given().auth().none().header("Accept", "application/openmetrics-text").when().get("/q/metrics").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/openmetrics-text"));
        given().auth().none().header("Accept", "text/plain").when().get("/q/metrics").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/plain"));
        // Still only for the monitoring address or an ADMIN (common.MetricsAccess).
        given().auth().none().header("X-Forwarded-For", "203.0.113.9").header("Accept", "application/openmetrics-text")
                .when().get("/q/metrics").then().statusCode(401);
    }

    static String scrape() {
        return given().auth().none().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Set<String> uriTags(String metrics) {
        Set<String> uris = new TreeSet<>();
        Matcher matcher = URI_TAG.matcher(metrics);
        while (matcher.find()) {
            uris.add(matcher.group(1));
        }
        return uris;
    }

    /** The value of one series (name with its tags, as Prometheus writes them), 0 when absent. */
    static double value(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        return 0;
    }
}
