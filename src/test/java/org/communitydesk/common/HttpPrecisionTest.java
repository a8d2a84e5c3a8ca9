package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.communitydesk.support.RawHttp;
import org.communitydesk.support.RawHttp.Answer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, point 3: what HTTP itself asks. A malformed request target and a chunked body over the limit get a
 * problem (the Open311 error list under /open311/) and leave no stack trace in the log; 405 names the allowed
 * methods; reads answer 304 to a matching If-None-Match.
 */
@QuarkusTest
class HttpPrecisionTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aChunkedJsonBodyOverTheLimitIsAProblemWithoutAStackTrace() throws IOException {
        long logBefore = logSize();
        byte[] body = ("{\"rating\": 5, \"comment\": \"" + "好".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        Answer answer = RawHttp.postChunked(base, "/api/public/tickets/CD-2026-000001/feedback", "application/json", body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(answer.body()).contains("\"type\":\"urn:communitydesk:problem:payload-too-large\"")
                .contains("256 KB");
        assertNoStackTraceSince(logBefore);
    }

    @Test
    void aChunkedFormOverTheLimitUnderOpen311IsItsErrorListWithoutAStackTrace() throws IOException {
        long logBefore = logSize();
        byte[] body = ("service_code=sewer-blockage&lat=40.09&long=113.33&description=" + "a".repeat(300_000))
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = RawHttp.postChunked(base, "/open311/v2/requests.json",
                "application/x-www-form-urlencoded", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.body()).startsWith("[{\"code\":400,\"description\":\"The request body is larger than the 256 KB");
        assertNoStackTraceSince(logBefore);
    }

    @Test
    void aChunkedBodyWithinTheLimitStillWorks() throws IOException {
        String code = org.communitydesk.support.TicketApi.createTicket();
        byte[] body = "{\"text\": \"分块发送的备注\"}".getBytes(StandardCharsets.UTF_8);

        String credentials = java.util.Base64.getEncoder().encodeToString(
                (org.communitydesk.support.SignInAsAdmin.ADMIN + ":" + org.communitydesk.support.SignInAsAdmin.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));

        Answer answer = RawHttp.postChunked(base, "/api/tickets/" + code + "/notes", "application/json", body,
                "Authorization: Basic " + credentials);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).contains("分块发送的备注");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/tickets/CD-2026-%ZZ", "/api/tickets?q=%ZZ", "/api/public/tickets/%E4%B", "/status?code=%ZZ",
            "/api/tickets/a|b", "/console/tickets/%"})
    void aMalformedRequestTargetIsAProblemWithoutAStackTrace(String target) throws IOException {
        long logBefore = logSize();

        Answer answer = RawHttp.get(base, target);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(answer.body()).contains("\"type\":\"urn:communitydesk:problem:malformed-uri\"")
                .contains("not a valid URI");
        assertNoStackTraceSince(logBefore);
    }

    @Test
    void aMalformedRequestTargetUnderOpen311IsItsErrorListInTheAskedFormat() throws IOException {
        long logBefore = logSize();

        Answer json = RawHttp.get(base, "/open311/v2/requests.json?status=%ZZ");
        Answer xml = RawHttp.get(base, "/open311/v2/requests/CD-%ZZ.xml");

        assertThat(json.status()).isEqualTo(400);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.body()).startsWith("[{\"code\":400,\"description\":\"The request target is not a valid URI");
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.header("Content-Type")).startsWith("text/xml");
        assertThat(xml.body()).contains("<errors><error><code>400</code><description>The request target is not a valid URI");
        assertNoStackTraceSince(logBefore);
    }

    @Test
    void methodNotAllowedNamesTheAllowedMethods() {
        given().contentType(ContentType.JSON).body("{}").when().delete("/api/sites").then()
                .statusCode(405)
                .contentType(PROBLEM_JSON)
                .header("Allow", allowing("GET", "HEAD", "OPTIONS", "POST"));
        given().contentType(ContentType.JSON).body("{}").when().put("/api/tickets/CD-2026-000001/events").then()
                .statusCode(405)
                .header("Allow", allowing("GET", "HEAD", "OPTIONS"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/areas").then()
                .statusCode(405)
                .header("Allow", allowing("GET", "HEAD", "OPTIONS"));
    }

    // --- Conditional reads ------------------------------------------------------------------------

    @Test
    void aTicketReadAgainWithItsETagIsNotModifiedUntilItChanges() {
        String code = org.communitydesk.support.TicketApi.createTicket();
        String etag = given().when().get("/api/tickets/{code}", code).then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"");

        var notModified = given().header("If-None-Match", etag).when().get("/api/tickets/{code}", code).then()
                .statusCode(304).header("ETag", etag).extract();
        assertThat(notModified.asString()).isEmpty();
        // If-None-Match compares weakly (RFC 9110 13.1.2); a list with the tag matches too.
        given().header("If-None-Match", "W/" + etag).when().get("/api/tickets/{code}", code).then().statusCode(304);
        given().header("If-None-Match", "\"other\", " + etag).when().get("/api/tickets/{code}", code).then()
                .statusCode(304);
        given().header("If-None-Match", "*").when().get("/api/tickets/{code}", code).then().statusCode(304);

        given().contentType(ContentType.JSON).body(java.util.Map.of("text", "又来电话了")).when()
                .post("/api/tickets/{code}/notes", code).then().statusCode(201);
        given().contentType(ContentType.JSON).body(org.communitydesk.support.TicketApi.dispatchBody("tongda-dredging"))
                .when().post("/api/tickets/{code}/dispatch", code).then().statusCode(200);
        String changed = given().header("If-None-Match", etag).when().get("/api/tickets/{code}", code).then()
                .statusCode(200).extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
        // The ETag still serves If-Match for the next move.
        given().contentType(ContentType.JSON).body("{}").header("If-Match", changed).when()
                .post("/api/tickets/{code}/start", code).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/areas", "/api/sites", "/api/sites?community=beixinyuan", "/api/categories",
            "/api/organizations", "/api/organizations?kind=CONTRACTOR" })
    void aReferenceListReadAgainWithItsETagIsNotModified(String list) {
        String etag = given().auth().none().when().get(list).then().statusCode(200).extract().header("ETag");
        assertThat(etag).matches("\"[^\"]+\"");

        var notModified = given().auth().none().header("If-None-Match", etag).when().get(list).then()
                .statusCode(304).header("ETag", etag).extract();
        assertThat(notModified.asString()).isEmpty();
        given().auth().none().header("If-None-Match", "\"something-else\"").when().get(list).then().statusCode(200);
    }

    @Test
    void aListChangesItsETagWhenItsContentChanges() {
        String etag = given().when().get("/api/organizations").then().statusCode(200).extract().header("ETag");
        String code = "etag" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        given().contentType(ContentType.JSON).body(java.util.Map.of("code", code, "kind", "CONTRACTOR", "nameZh",
                "测试队", "nameEn", "Test team", "contactPhone", "0352-1234567")).when().post("/api/organizations")
                .then().statusCode(201);

        given().header("If-None-Match", etag).when().get("/api/organizations").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(etag));
    }

    private static org.hamcrest.Matcher<String> allowing(String... methods) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String header) {
                return Arrays.stream(header.split(",")).map(String::strip).sorted().toList()
                        .equals(Arrays.stream(methods).sorted().toList());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("Allow with exactly " + Arrays.toString(methods));
            }
        };
    }

    static Path logFile() {
        return Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class));
    }

    private static long logSize() throws IOException {
        return Files.size(logFile());
    }

    /** The log lines written since {@code offset} hold no ERROR and no stack frame. */
    private void assertNoStackTraceSince(long offset) throws IOException {
        // An ordinary request after the bad one: what the bad one logged on its worker thread is written by then.
        given().when().get("/api/areas").then().statusCode(200);
        byte[] all = Files.readAllBytes(logFile());
        String since = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        assertThat(since).doesNotContain(" ERROR ").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
