package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.validBodyFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every client error is an RFC 9457 problem (application/problem+json) that names what is wrong and
 * reveals nothing of the implementation; a refused create leaves no ticket behind.
 */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String UNKNOWN_TICKET = "CD-1999-999999";

    /** Text that only a leaked stack trace, exception message or class name would put in a body. */
    private static final List<String> IMPLEMENTATION_DETAILS = List.of("org.communitydesk", "java.", "jakarta.",
            "com.fasterxml", "io.quarkus", "io.vertx", "org.hibernate", "org.jboss", "Exception", "at org.",
            "\tat ", "Caused by", "Cannot deserialize", "Unrecognized token", "Unexpected end-of-input");

    // --- Malformed and mistyped JSON -----------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"categoryCode\": \"sewer-blockage\", \"description\": \"堵",
            "this is not JSON",
            "{\"categoryCode\": \"sewer-blockage\",}",
            "[{\"categoryCode\": \"sewer-blockage\"}]",
            "\"just a string\"" })
    void bodyThatIsNotAJsonObjectIsMalformed(String body) {
        JsonPath problem = refusedCreate(json().body(body), 400);
        assertThat(problem.getString("type")).isEqualTo("urn:communitydesk:problem:malformed-json");
        assertThat(problem.getString("title")).isEqualTo("Malformed JSON");
        assertThat(problem.getList("violations")).isNull();
    }

    @Test
    void missingBodyIsRefused() {
        JsonPath problem = refusedCreate(json(), 400);
        assertThat(problem.getString("type")).isEqualTo("urn:communitydesk:problem:validation");
        assertThat(problem.getString("violations[0].field")).isEqualTo("body");
    }

    static Stream<Arguments> mistypedFields() {
        return Stream.of(
                Arguments.of("description", Map.of("text", "堵了"), "must be a string"),
                Arguments.of("description", List.of("堵了"), "must be a string"),
                // Numbers and booleans are not silently turned into text.
                Arguments.of("description", 123, "must be a string"),
                Arguments.of("reporter.name", true, "must be a string"),
                Arguments.of("location.latitude", "abc", "must be a number"),
                Arguments.of("location.longitude", Map.of(), "must be a number"),
                Arguments.of("reporter", "王女士", "must be an object"),
                Arguments.of("reporter.name", List.of("王女士"), "must be a string"),
                Arguments.of("priority", 5, "must be one of LOW, NORMAL, URGENT"),
                // A number is not a priority, even one that happens to be a valid enum index.
                Arguments.of("priority", 1, "must be one of LOW, NORMAL, URGENT"),
                Arguments.of("channel", Map.of("name", "PHONE"), "must be one of PHONE, WALK_IN, HOTLINE_12345, WEB, OPEN311"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("mistypedFields")
    void fieldOfTheWrongTypeIsNamed(String field, Object value, String message) {
        Map<String, Object> body = validIntake();
        put(body, field, value);

        JsonPath problem = refusedCreate(json().body(body), 400);
        assertThat(problem.getString("type")).isEqualTo("urn:communitydesk:problem:validation");
        assertThat(problem.getString("violations[0].field")).isEqualTo(field);
        assertThat(problem.getString("violations[0].message")).isEqualTo(message);
        assertThat(problem.getString("detail")).contains(field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("unknownEnumValues")
    void unknownEnumValueNamesTheFieldAndTheAllowedValues(String field, String value, String allowed) {
        Map<String, Object> body = validIntake();
        put(body, field, value);

        JsonPath problem = refusedCreate(json().body(body), 400);
        assertThat(problem.getString("violations[0].field")).isEqualTo(field);
        assertThat(problem.getString("violations[0].message")).isEqualTo("must be one of " + allowed);
    }

    static Stream<Arguments> unknownEnumValues() {
        return Stream.of(
                Arguments.of("channel", "FAX", "PHONE, WALK_IN, HOTLINE_12345, WEB, OPEN311"),
                Arguments.of("priority", "HIGH", "LOW, NORMAL, URGENT"));
    }

    @Test
    void unknownRoleInsideAnAssignmentIsNamedWithItsIndex() {
        String code = createTicket();
        long version = versionOf(code);
        List<Map<String, String>> assignments = List.of(
                Map.of("organizationCode", "tongda-dredging", "role", "LEAD"),
                Map.of("organizationCode", "datong-sewage", "role", "BOSS"));

        JsonPath problem = problem(json().body(Map.of("assignments", assignments))
                .post("/api/tickets/{code}/dispatch", code), 400);
        assertThat(problem.getString("violations[0].field")).isEqualTo("assignments[1].role");
        assertThat(problem.getString("violations[0].message")).isEqualTo("must be one of LEAD, SUPPORT");
        assertUnchanged(code, version);
    }

    // --- Bean validation -----------------------------------------------------------------------

    @Test
    void everyInvalidFieldIsListedWithItsNestedPath() {
        Map<String, Object> body = validIntake();
        body.put("categoryCode", " ");
        body.remove("channel");
        body.put("reporter", Map.of("name", "", "phone", "call me"));
        Map<String, Object> location = new HashMap<>();
        location.put("communityCode", "");
        location.put("addressDetail", "楼".repeat(201));
        location.put("latitude", 91.0);
        location.put("longitude", -180.5);
        body.put("location", location);

        JsonPath problem = refusedCreate(json().body(body), 400);
        assertThat(problem.getString("type")).isEqualTo("urn:communitydesk:problem:validation");
        assertThat(problem.getString("title")).isEqualTo("Validation failed");
        assertThat(problem.<String>getList("violations.field")).containsExactly(
                "categoryCode", "channel", "location.addressDetail", "location.communityCode", "location.latitude",
                "location.longitude", "reporter.name", "reporter.phone");
        assertThat(problem.<String>getList("violations.message")).allSatisfy(message -> assertThat(message).isNotBlank());
        assertThat(problem.getString("detail")).contains("8 invalid field(s)");
    }

    @Test
    void missingNestedObjectsAreNamed() {
        Map<String, Object> body = validIntake();
        body.remove("reporter");
        body.remove("location");

        JsonPath problem = refusedCreate(json().body(body), 400);
        assertThat(problem.<String>getList("violations.field")).containsExactly("location", "reporter");
    }

    @Test
    void descriptionOfExactly4000CharactersIsAccepted() {
        Map<String, Object> body = validIntake();
        body.put("description", "堵".repeat(4000));

        given().contentType(ContentType.JSON).body(body).when().post("/api/tickets").then()
                .statusCode(201)
                .body("description", equalTo("堵".repeat(4000)));
    }

    @Test
    void descriptionOf4001CharactersIsRefused() {
        Map<String, Object> body = validIntake();
        body.put("description", "堵".repeat(4001));

        JsonPath problem = refusedCreate(json().body(body), 400);
        assertThat(problem.getString("violations[0].field")).isEqualTo("description");
        assertThat(problem.getList("violations")).hasSize(1);
    }

    @Test
    void invalidAssignmentsAreNamedWithTheirIndex() {
        String code = createTicket();
        long version = versionOf(code);
        List<Map<String, String>> assignments = List.of(
                Map.of("organizationCode", "tongda-dredging", "role", "LEAD"),
                Map.of("organizationCode", " ", "role", "SUPPORT"));

        JsonPath problem = problem(json().body(Map.of("assignments", assignments))
                .post("/api/tickets/{code}/dispatch", code), 400);
        assertThat(problem.<String>getList("violations.field")).containsExactly("assignments[1].organizationCode");

        problem = problem(json().body(Map.of("assignments", List.of()))
                .post("/api/tickets/{code}/dispatch", code), 400);
        assertThat(problem.<String>getList("violations.field")).containsExactly("assignments");
        assertUnchanged(code, version);
    }

    @Test
    void nullAssignmentIsNamedByItsIndex() {
        String code = createTicket();

        JsonPath problem = problem(json().body("{\"assignments\": [null]}")
                .post("/api/tickets/{code}/dispatch", code), 400);
        assertThat(problem.<String>getList("violations.field")).containsExactly("assignments[0]");
        assertThat(problem.getString("violations[0].message")).isEqualTo("must not be null");
    }

    // --- Codes that name nothing, or the wrong thing ---------------------------------------------

    static Stream<Arguments> unknownReferences() {
        return Stream.of(
                Arguments.of("categoryCode", "pothole"),
                Arguments.of("location.communityCode", "atlantis"),
                // 迎宾街道 is a street office, not a community.
                Arguments.of("location.communityCode", "yingbin"),
                Arguments.of("location.siteCode", "nowhere"),
                // 建筑三公司家属院 is in 振兴街社区, not in 北馨园社区.
                Arguments.of("location.siteCode", "jianzhu-no3"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("unknownReferences")
    void referenceThatDoesNotFitIsNamed(String field, String code) {
        Map<String, Object> body = validIntake();
        put(body, field, code);

        JsonPath problem = refusedCreate(json().body(body), 400);
        assertThat(problem.getString("type")).isEqualTo("urn:communitydesk:problem:invalid-request");
        assertThat(problem.getString("violations[0].field")).isEqualTo(field);
        assertThat(problem.getString("violations[0].message")).contains(code);
    }

    // --- Unknown tickets, paths and methods ------------------------------------------------------

    @Test
    void unknownTicketIsNotFound() {
        JsonPath problem = problem(given().get("/api/tickets/{code}", UNKNOWN_TICKET), 404);
        assertThat(problem.getString("type")).isEqualTo("urn:communitydesk:problem:not-found");
        assertThat(problem.getString("detail")).contains(UNKNOWN_TICKET);
        assertThat(problem.getString("instance")).isEqualTo("/api/tickets/" + UNKNOWN_TICKET);

        problem(given().get("/api/tickets/{code}/events", UNKNOWN_TICKET), 404);
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = { "dispatch", "start", "resolve", "close", "cancel", "reopen" })
    void everyMoveOnAnUnknownTicketIsNotFound(String action) {
        JsonPath problem = problem(json().body(validBodyFor(action))
                .post("/api/tickets/{code}/{action}", UNKNOWN_TICKET, action), 404);
        assertThat(problem.getString("detail")).contains(UNKNOWN_TICKET);
    }

    @Test
    void reportsAndNotesOnAnUnknownTicketAreNotFound() {
        Map<String, Object> report = Map.of("reporter", Map.of("name", "李先生"), "channel", "WALK_IN");
        problem(json().body(report).post("/api/tickets/{code}/reports", UNKNOWN_TICKET), 404);
        problem(json().body(Map.of("text", "上门查看")).post("/api/tickets/{code}/notes", UNKNOWN_TICKET), 404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/nope", "/api/tickets/CD-2026-000001/nope", "/nope" })
    void unknownPathIsNotFound(String path) {
        JsonPath problem = problem(given().get(path), 404);
        assertThat(problem.getString("instance")).isEqualTo(path);
    }

    @Test
    void wrongMethodIsNotAllowed() {
        JsonPath problem = problem(given().contentType(ContentType.JSON).delete("/api/tickets"), 405);
        assertThat(problem.getString("title")).isEqualTo("Method Not Allowed");
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        JsonPath problem = refusedCreate(given().contentType(ContentType.TEXT).body("宏安小区2号楼下水堵了"), 415);
        assertThat(problem.getString("detail")).contains("application/json");
    }

    @Test
    void bodyOver256KilobytesIsTooLarge() {
        Map<String, Object> body = validIntake();
        body.put("description", "x".repeat(300 * 1024));

        JsonPath problem = refusedCreate(json().body(body), 413);
        assertThat(problem.getString("type")).isEqualTo("urn:communitydesk:problem:payload-too-large");
        assertThat(problem.getString("detail")).contains("256 KB");
    }

    // --- Query parameters of the ticket list -----------------------------------------------------

    static Stream<Arguments> badListParameters() {
        return Stream.of(
                Arguments.of("status", "FOO"),
                Arguments.of("page", "-1"),
                Arguments.of("page", "abc"),
                Arguments.of("page", "99999999999"),
                Arguments.of("size", "0"),
                Arguments.of("size", "ten"),
                Arguments.of("sort", "name"),
                Arguments.of("overdue", "maybe"),
                Arguments.of("reportedFrom", "yesterday"),
                Arguments.of("reportedTo", "2026-02-30"),
                Arguments.of("category", "pothole"),
                Arguments.of("community", "atlantis"),
                Arguments.of("community", "yingbin"),
                Arguments.of("streetOffice", "beixinyuan"),
                Arguments.of("organization", "acme"),
                Arguments.of("q", "堵".repeat(101)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badListParameters")
    void badListParameterIsNamed(String parameter, String value) {
        JsonPath problem = problem(given().queryParam(parameter, value).get("/api/tickets"), 400);
        assertThat(problem.getString("violations[0].field")).isEqualTo(parameter);
        assertThat(problem.getString("detail")).isNotBlank();
    }

    // --- Helpers -------------------------------------------------------------------------------

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    private static Map<String, Object> validIntake() {
        return intake("sewer-blockage", "beixinyuan", "hongan");
    }

    /** Sets a value at a dotted path such as "location.latitude", copying the nested maps it goes through. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> target = body;
        for (int i = 0; i < parts.length - 1; i++) {
            Map<String, Object> nested = new HashMap<>((Map<String, Object>) target.get(parts[i]));
            target.put(parts[i], nested);
            target = nested;
        }
        target.put(parts[parts.length - 1], value);
    }

    /** Posts a ticket that must be refused, and checks that the number of tickets did not change. */
    private static JsonPath refusedCreate(RequestSpecification request, int status) {
        long before = totalTickets();
        JsonPath problem = problem(request.post("/api/tickets"), status);
        assertThat(totalTickets()).as("tickets after a refused create").isEqualTo(before);
        return problem;
    }

    /** Checks the shape every problem shares and that the raw body leaks no implementation detail. */
    private static JsonPath problem(Response response, int status) {
        String body = response.then()
                .statusCode(status)
                .contentType(startsWith(PROBLEM_JSON))
                .extract().asString();
        return problemBody(body, status);
    }

    private static JsonPath problemBody(String body, int status) {
        for (String detail : IMPLEMENTATION_DETAILS) {
            assertThat(body).as("problem body").doesNotContain(detail);
        }
        JsonPath problem = new JsonPath(body);
        assertThat(problem.getString("type")).startsWith("urn:communitydesk:problem:");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).as("instance, the request path").startsWith("/");
        return problem;
    }

    private static long totalTickets() {
        return given().queryParam("size", 1).get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    private static long versionOf(String code) {
        return get(code).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    private static void assertUnchanged(String code, long version) {
        get(code).then().statusCode(200).body("status", equalTo("REPORTED"));
        assertThat(versionOf(code)).isEqualTo(version);
    }
}
