package org.communitydesk.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.communitydesk.support.LocalReceiver;
import org.communitydesk.support.LocalReceiver.Received;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signed webhooks end to end: registered over the API, written in the change's transaction, POSTed to a real local
 * HTTP server whose requests are verified here as a receiver would (HMAC-SHA-256 of "timestamp.body"), retried on
 * non-2xx with the same delivery id, and callers' data only for the lead organization's allowed webhook.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalReceiver.class, restrictToAnnotatedClass = true)
class WebhookTest {

    @Inject
    NotificationJobs jobs;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    private final LocalReceiver receiver = LocalReceiver.current();
    private final List<Integer> registered = new ArrayList<>();

    @AfterEach
    void reset() {
        for (Integer id : registered) {
            given().contentType(ContentType.JSON).when().delete("/api/admin/webhooks/{id}", id);
        }
        clock.reset();
        jobs.deliver();
    }

    @Test
    void anIntegrationGetsTheEventsItWantsSignedAndWithoutTheCaller() throws Exception {
        String path = "/hook-" + suffix();
        String secret = "integration-secret-" + suffix();
        register(Map.of("name", "city-12345", "url", receiver.url(path), "events", List.of("DISPATCHED", "RESOLVED"),
                "secret", secret)).then().statusCode(201).body("secret", equalTo(null))
                .body("events", equalTo(List.of("DISPATCHED", "RESOLVED")));
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String code = newTicket(phone);
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200);
        move(code, "start", Map.of()).then().statusCode(200);
        jobs.deliver();

        List<Received> deliveries = receiver.at(path);
        assertThat(deliveries).hasSize(1);
        Received delivery = deliveries.get(0);
        assertThat(delivery.header(Webhooks.EVENT)).isEqualTo("DISPATCHED");
        assertThat(delivery.header(Webhooks.DELIVERY)).isNotBlank();
        long timestamp = Long.parseLong(delivery.header(Webhooks.TIMESTAMP));
        assertThat(timestamp).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(300L));
        // What a receiver does: HMAC-SHA-256 over "timestamp.body" with the shared secret, compared in constant time.
        assertThat(java.security.MessageDigest.isEqual(
                delivery.header(Webhooks.SIGNATURE).getBytes(StandardCharsets.US_ASCII),
                expectedSignature(secret, delivery.header(Webhooks.TIMESTAMP), delivery.body())
                        .getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(expectedSignature("another-secret-entirely", delivery.header(Webhooks.TIMESTAMP), delivery.body()))
                .isNotEqualTo(delivery.header(Webhooks.SIGNATURE));

        JsonNode document = json.readTree(delivery.body());
        assertThat(document.get("event").asText()).isEqualTo("DISPATCHED");
        assertThat(document.get("deliveryId").asText()).isEqualTo(delivery.header(Webhooks.DELIVERY));
        assertThat(document.at("/ticket/code").asText()).isEqualTo(code);
        assertThat(document.at("/ticket/leadOrganization").asText()).isEqualTo("tongda-dredging");
        assertThat(document.has("caller")).isFalse();
        assertThat(delivery.body()).doesNotContain(phone).doesNotContain("测试居民");

        // The registry shows the host only, never the secret.
        String listed = given().when().get("/api/admin/webhooks").then().statusCode(200).extract().asString();
        assertThat(listed).contains("city-12345").doesNotContain(secret).doesNotContain(path);
    }

    @Test
    void aNon2xxAnswerIsRetriedWithBackOffAndTheSameDeliveryId() {
        String path = "/hook-failing-" + suffix();
        String made = register(Map.of("name", "dashboard", "url", receiver.url(path), "events", List.of("REPORTED")))
                .then().statusCode(201).extract().path("secret");
        assertThat(made).as("a secret made up here is shown once").hasSize(64);
        receiver.answer(path, 503);
        try {
            String code = newTicket(null);
            jobs.deliver();
            Notification row = only(code);
            assertThat(row.state).isEqualTo(NotificationState.PENDING);
            assertThat(row.attempts).isEqualTo(1);
            assertThat(row.lastError).contains("503");
            jobs.deliver();
            assertThat(receiver.at(path)).as("not again before its back-off").hasSize(1);

            receiver.answerOk(path);
            clock.advance(Duration.ofMinutes(2));
            jobs.deliver();
            assertThat(only(code).state).isEqualTo(NotificationState.SENT);
            List<Received> attempts = receiver.at(path);
            assertThat(attempts).hasSize(2);
            assertThat(attempts.get(1).header(Webhooks.DELIVERY)).isEqualTo(attempts.get(0).header(Webhooks.DELIVERY));
            assertThat(attempts.get(1).header(Webhooks.SIGNATURE))
                    .isEqualTo(expectedSignature(made, attempts.get(1).header(Webhooks.TIMESTAMP), attempts.get(1).body()));
        } finally {
            receiver.answerOk(path);
        }
    }

    @Test
    void callersDataGoesOnlyToTheLeadOrganizationsAllowedWebhook() throws Exception {
        String leadPath = "/hook-lead-" + suffix();
        String otherPath = "/hook-other-" + suffix();
        register(Map.of("name", "lead", "url", receiver.url(leadPath), "events", List.of("DISPATCHED"),
                "organizationCode", "tongda-dredging", "personalData", true)).then().statusCode(201);
        register(Map.of("name", "support", "url", receiver.url(otherPath), "events", List.of("DISPATCHED"),
                "organizationCode", "datong-sewage", "personalData", true)).then().statusCode(201);
        String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String code = newTicket(phone);
        move(code, "dispatch", dispatchBody("tongda-dredging", "datong-sewage")).then().statusCode(200);
        jobs.deliver();

        JsonNode lead = json.readTree(receiver.at(leadPath).get(0).body());
        assertThat(lead.at("/caller/phone").asText()).isEqualTo(phone);
        assertThat(lead.at("/caller/name").asText()).isEqualTo("测试居民");
        assertThat(receiver.at(otherPath).get(0).body()).doesNotContain(phone).doesNotContain("测试居民");
    }

    @Test
    void badRegistrationsAreProblemsAndOnlyAdminsRegister() {
        String url = receiver.url("/hook-bad");
        assertProblem(Map.of("name", "x", "url", url, "events", List.of("EXPLODED")), "events");
        assertProblem(Map.of("name", "x", "url", url, "events", List.of()), "events");
        assertProblem(Map.of("name", "x", "url", "ftp://example.cn/hook", "events", List.of("REPORTED")), "url");
        assertProblem(Map.of("name", "x", "url", "file:///etc/passwd", "events", List.of("REPORTED")), "url");
        assertProblem(Map.of("name", "x", "url", url, "events", List.of("REPORTED"), "personalData", true), "personalData");
        assertProblem(Map.of("name", "x", "url", url, "events", List.of("REPORTED"), "organizationCode", "nobody"),
                "organizationCode");
        assertProblem(Map.of("name", "x", "url", url, "events", List.of("REPORTED"), "secret", "short"), "secret");

        var staff = TestUsers.staff("webhook-staff", "beixinyuan");
        staff.request().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "url", url, "events", List.of("REPORTED")))
                .when().post("/api/admin/webhooks").then().statusCode(403);
        given().auth().none().when().get("/api/admin/webhooks").then().statusCode(401);
        given().contentType(ContentType.JSON).when().delete("/api/admin/webhooks/{id}", 987654).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void assertProblem(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/admin/webhooks").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    private io.restassured.response.Response register(Map<String, Object> body) {
        var response = given().contentType(ContentType.JSON).body(body).when().post("/api/admin/webhooks");
        if (response.statusCode() == 201) {
            registered.add(response.path("id"));
        }
        return response;
    }

    private static String newTicket(String phone) {
        Map<String, Object> body = new HashMap<>(intake("sewer-blockage", "beixinyuan", "hongan"));
        if (phone != null) {
            body.put("reporter", Map.of("name", "测试居民", "phone", phone));
        }
        return create(body).then().statusCode(201).extract().path("code");
    }

    private static Notification only(String code) {
        List<Notification> rows = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "ticketCode = ?1 and audience = ?2", code, Audience.INTEGRATION));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    static String expectedSignature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000_000));
    }
}
