package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The staff side of residents' access: the code given at intake and reissued, and feedback from follow-up calls. */
@QuarkusTest
class AccessCodeAndFollowUpTest {

    private static final String LOOK_ALIKE_FREE = "^[ACDEFGHJKMNPQRTUWXY34679]{8}$";

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void intakeShowsTheAccessCodeOnceAndStoresOnlyItsHash() {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        created.then().statusCode(201).header("Cache-Control", "no-store");
        String code = created.path("code");
        String accessCode = created.path("accessCode");

        assertThat(accessCode).matches(LOOK_ALIKE_FREE);
        get(code).then().statusCode(200).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("accessCode")));
        String stored = storedHash(code);
        assertThat(stored).startsWith("h1:").hasSize(46).doesNotContain(accessCode);
    }

    @Test
    void accessCodesDifferFromTicketToTicket() {
        List<String> codes = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> create(intake("street-light", "beixinyuan", null)).then().statusCode(201)
                        .extract().<String>path("accessCode"))
                .toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches(LOOK_ALIKE_FREE));
    }

    @Test
    void staffCanIssueANewCodeWhichReplacesTheOldHashAndIsRecordedInternally() {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.path("code");
        String first = created.path("accessCode");
        String hashBefore = storedHash(code);

        Response reissued = given().contentType(ContentType.JSON).when().post("/api/tickets/{code}/access-code", code);
        reissued.then().statusCode(200).header("Cache-Control", "no-store").header("ETag", notNullValue())
                .body("code", equalTo(code));
        String second = reissued.path("accessCode");

        assertThat(second).matches(LOOK_ALIKE_FREE).isNotEqualTo(first);
        assertThat(storedHash(code)).isNotEqualTo(hashBefore).doesNotContain(second);
        given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .body("find { it.type == 'ACCESS_CODE_ISSUED' }.visibility", equalTo("INTERNAL"))
                .body("find { it.type == 'ACCESS_CODE_ISSUED' }.note", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(second)));
    }

    @Test
    void aSatisfiedFollowUpCallClosesTheResolvedTicketAndNamesWhoRecordedIt() {
        String code = resolvedTicket();

        followUp(code, 5, true, "居民表示满意").then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("feedbackDeadline", nullValue());

        JsonPath events = events(code);
        assertThat(events.<String>getList("type")).endsWith("FEEDBACK", "CLOSED");
        Map<String, Object> feedback = events.getMap("find { it.type == 'FEEDBACK' }");
        assertThat(feedback.get("visibility")).isEqualTo("PUBLIC");
        assertThat(feedback.get("actor")).isEqualTo("admin");
        assertThat((String) feedback.get("note")).isEqualTo("回访（admin 记录）：5 分，已解决");
    }

    @Test
    void notResolvedReopensTheTicketWithAPublicEvent() {
        String code = resolvedTicket();

        followUp(code, 2, false, "还是堵").then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("reopenCount", equalTo(1))
                .body("resolvedAt", nullValue());

        JsonPath events = events(code);
        assertThat(events.<String>getList("type")).endsWith("FEEDBACK", "REOPENED");
        assertThat(events.<String>getString("find { it.type == 'REOPENED' }.visibility")).isEqualTo("PUBLIC");
        // Residents read these texts: they are in the office's language, not the code's.
        assertThat(events.<String>getString("find { it.type == 'FEEDBACK' }.note")).isEqualTo("回访（admin 记录）：2 分，未解决");
        assertThat(events.<String>getString("find { it.type == 'REOPENED' }.note")).isEqualTo("居民反映问题未解决");
    }

    @Test
    void feedbackIsTakenOncePerResolutionAndAgainAfterTheNextResolution() {
        String code = resolvedTicket();
        followUp(code, 1, false, null).then().statusCode(200);
        // Reopened: the same resolution cannot be rated again, and there is no new one yet.
        followUp(code, 5, true, null).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-not-open"));

        walk(code, "start", "resolve");
        followUp(code, 4, true, null).then().statusCode(200).body("status", equalTo("CLOSED"));
        followUp(code, 4, true, null).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-already-given"));
    }

    @Test
    void feedbackOnAClosedTicketIsKeptAndTheTicketStaysClosed() {
        String code = resolvedTicket();
        walk(code, "close");

        followUp(code, 4, true, null).then().statusCode(200).body("status", equalTo("CLOSED"));
        assertThat(events(code).<String>getList("type")).endsWith("CLOSED", "FEEDBACK");
    }

    @Test
    void feedbackIsTakenForSevenDaysAfterTheResolution() {
        String late = resolvedTicket();
        String inTime = resolvedTicket();
        Instant resolvedAt = Instant.parse(get(inTime).path("resolvedAt"));
        get(inTime).then().body("feedbackDeadline", equalTo(resolvedAt.plus(Duration.ofDays(7)).toString()));

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        followUp(inTime, 3, true, null).then().statusCode(200);

        clock.advance(Duration.ofMinutes(2));
        get(late).then().body("feedbackDeadline", nullValue());
        followUp(late, 3, true, null).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-window-closed"));
        get(late).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void feedbackBeforeTheResolutionIsRefused() {
        String code = createTicket();
        walk(code, "dispatch");
        followUp(code, 5, true, null).then().statusCode(409)
                .body("type", equalTo("urn:communitydesk:problem:feedback-not-open"));
        get(code).then().body("status", equalTo("DISPATCHED"));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 6, -1 })
    void aRatingOutsideOneToFiveIsAValidationError(int rating) {
        String code = resolvedTicket();
        followUp(code, rating, true, null).then().statusCode(400)
                .body("violations.field", hasItem("rating"));
        get(code).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void resolvedMustBeGiven() {
        String code = resolvedTicket();
        given().contentType(ContentType.JSON).body(Map.of("rating", 4))
                .when().post("/api/tickets/{code}/feedback", code)
                .then().statusCode(400).body("violations.field", hasItem("resolved"));
    }

    private String resolvedTicket() {
        String code = createTicket();
        walk(code, "dispatch", "start", "resolve");
        return code;
    }

    private static Response followUp(String code, int rating, boolean resolved, String comment) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("rating", rating);
        body.put("resolved", resolved);
        if (comment != null) {
            body.put("comment", comment);
        }
        return move(code, "feedback", body);
    }

    private static JsonPath events(String code) {
        return given().when().get("/api/tickets/{code}/events", code).then().statusCode(200).extract().jsonPath();
    }

    private String storedHash(String code) {
        return (String) em.createNativeQuery("select access_code_hash from ticket where code = :code")
                .setParameter("code", code).getSingleResult();
    }
}
