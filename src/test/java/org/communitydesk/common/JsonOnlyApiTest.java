package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TicketApi;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;

/**
 * Under /api a change needs Content-Type: application/json (issue 20, point 6). A page on another site can
 * make a browser that holds cached Basic credentials send a form, a text/plain body or a body-less fetch, but
 * not a JSON one without a CORS preflight: each of those is refused with 415 and changes nothing. Open311's
 * form POST is not under /api and stays a form.
 */
@QuarkusTest
class JsonOnlyApiTest {

    /** What a cross-site page can send without a preflight: a form (empty or not), plain text, multipart. */
    static final List<Supplier<RequestSpecification>> CROSS_SITE = List.of(
            () -> given(),  // RestAssured adds a text/plain Content-Type of its own

            () -> given().contentType("application/x-www-form-urlencoded"),
            () -> given().contentType("application/x-www-form-urlencoded").formParam("x", "1"),
            () -> given().contentType("text/plain").body("{}"),
            () -> given().contentType("multipart/form-data").multiPart("x", "1"));

    @TestHTTPResource("/")
    URI base;

    /**
     * The request of the issue: a POST with no body and no Content-Type at all, as a cross-site no-cors fetch
     * sends it. RestAssured always adds a Content-Type, so this one goes out through the JDK's client; it was
     * taken as JSON and obeyed before (200).
     */
    @Test
    void aPostWithNoBodyAndNoContentTypeIsRefused() throws Exception {
        User target = TestUsers.staff("csrf-bare", "beixinyuan");
        String code = TicketApi.createTicket();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (SignInAsAdmin.ADMIN + ":" + SignInAsAdmin.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        for (String path : List.of("api/users/" + target.username() + "/disable", "api/tickets/" + code + "/access-code")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isEqualTo(415);
        }
        target.request().when().get("/api/me").then().statusCode(200);
    }

    @Test
    void aBodylessPostWithoutJsonCannotDisableAUser() {
        User target = TestUsers.staff("csrf-target", "beixinyuan");

        for (Supplier<RequestSpecification> request : CROSS_SITE) {
            request.get().when().post("/api/users/{u}/disable", target.username()).then()
                    .statusCode(415).contentType("application/problem+json")
                    .body("status", equalTo(415))
                    .body("type", equalTo("urn:communitydesk:problem:unsupported-media-type"))
                    .body("detail", containsString("application/json"));
        }
        target.request().when().get("/api/me").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{}").when().post("/api/users/{u}/disable", target.username()).then()
                .statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    void aBodylessPostWithoutJsonCannotReissueAnAccessCodeNorMoveATicket() {
        String code = TicketApi.createTicket();
        String version = TicketApi.get(code).then().statusCode(200).extract().header("ETag");

        for (Supplier<RequestSpecification> request : CROSS_SITE) {
            request.get().when().post("/api/tickets/{code}/access-code", code).then().statusCode(415);
            request.get().when().post("/api/tickets/{code}/cancel", code).then().statusCode(415);
        }
        assertThat(TicketApi.get(code).then().statusCode(200).extract().header("ETag")).isEqualTo(version);

        given().contentType(ContentType.JSON).body("{}").when().post("/api/tickets/{code}/access-code", code).then()
                .statusCode(200);
    }

    @Test
    void putWithoutJsonIsRefusedToo() {
        given().contentType("text/plain").body("{}").when().put("/api/organizations/{c}", "yingbin-enforcement").then()
                .statusCode(415).contentType("application/problem+json");
        given().when().delete("/api/tickets").then().statusCode(415);
    }

    @Test
    void jsonWithACharsetOrAJsonSubtypeIsJson() {
        given().contentType("application/json; charset=UTF-8").body(Map.of("text", "x")).when()
                .post("/api/tickets/{code}/notes", TicketApi.createTicket()).then().statusCode(201);
        assertThat(JsonOnlyApi.isJson("application/merge-patch+json")).isTrue();
        assertThat(JsonOnlyApi.isJson("application/jsonp")).isFalse();
        assertThat(JsonOnlyApi.isJson("text/json")).isFalse();
        assertThat(JsonOnlyApi.isJson("not a type")).isFalse();
    }

    @Test
    void readsAndOpen311FormsAreNotAffected() {
        given().when().get("/api/tickets").then().statusCode(200);
        // Open311's POST is a form by contract; without a key it answers GeoReport's own error, not 415.
        given().auth().none().contentType("application/x-www-form-urlencoded").formParam("service_code", "sewer-blockage")
                .when().post("/open311/v2/requests.json").then().statusCode(org.hamcrest.Matchers.not(415));
    }
}
