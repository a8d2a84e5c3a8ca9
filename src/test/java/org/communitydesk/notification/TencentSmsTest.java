package org.communitydesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.communitydesk.support.LocalReceiver;
import org.communitydesk.support.LocalReceiver.Received;
import org.communitydesk.support.LocalTencentSms;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Text messages through Tencent Cloud's official SDK against a local server playing its API (endpoint override):
 * the SDK's signed SendSms request carries the configured template and its parameters, the provider's refusal is
 * a failed attempt with its code, and the SDK channel is used instead of the generic gateway.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalTencentSms.class, restrictToAnnotatedClass = true)
class TencentSmsTest {

    @Inject
    NotificationJobs jobs;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    private final LocalReceiver receiver = LocalReceiver.current();

    @AfterEach
    void reset() {
        clock.reset();
        receiver.answer("/", 200, LocalTencentSms.ok("+8613900000000"));
    }

    @Test
    void theSdksSignedRequestCarriesTheTemplateAndItsParameters() throws Exception {
        String phone = phone();
        var created = create(withConsent(phone)).then().statusCode(201).extract();
        String code = created.path("code");
        String accessCode = created.path("accessCode");
        jobs.deliver();

        List<Received> calls = callsFor(phone);
        assertThat(calls).hasSize(1);
        Received call = calls.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.header("X-TC-Action")).isEqualTo("SendSms");
        assertThat(call.header("X-TC-Version")).isEqualTo("2021-01-11");
        assertThat(call.header("Authorization")).startsWith("TC3-HMAC-SHA256 Credential=" + LocalTencentSms.SECRET_ID + "/")
                .contains("Signature=");
        JsonNode body = json.readTree(call.body());
        assertThat(body.get("SmsSdkAppId").asText()).isEqualTo(LocalTencentSms.APP_ID);
        assertThat(body.get("SignName").asText()).isEqualTo(LocalTencentSms.SIGN);
        assertThat(body.get("TemplateId").asText()).isEqualTo(LocalTencentSms.LOGGED_TEMPLATE);
        assertThat(body.get("PhoneNumberSet").get(0).asText()).isEqualTo("+86" + phone);
        assertThat(body.get("TemplateParamSet")).extracting(JsonNode::asText)
                .containsExactly(code, accessCode, "http://localhost:8080/status?code=" + code);
        Notification row = rows(code).get(0);
        assertThat(body.get("SessionContext").asText()).isEqualTo(row.idempotencyKey);
        assertThat(row.state).isEqualTo(NotificationState.SENT);
        assertThat(receiver.at("/sms")).as("the SDK channel, not the generic gateway").isEmpty();

        // Dispatched: its own template, without the access code.
        walk(code, "dispatch");
        jobs.deliver();
        JsonNode second = json.readTree(callsFor(phone).get(1).body());
        assertThat(second.get("TemplateId").asText()).isEqualTo(LocalTencentSms.DISPATCHED_TEMPLATE);
        assertThat(second.get("TemplateParamSet")).extracting(JsonNode::asText)
                .containsExactly(code, "http://localhost:8080/status?code=" + code);
    }

    @Test
    void theProvidersRefusalIsAFailedAttemptWithItsCode() {
        String phone = phone();
        receiver.answer("/", 200, "{\"Response\":{\"Error\":{\"Code\":\"FailedOperation.InsufficientBalanceInSmsPackage\","
                + "\"Message\":\"balance is insufficient\"},\"RequestId\":\"r-1\"}}");
        String code = create(withConsent(phone)).then().statusCode(201).extract().path("code");
        jobs.deliver();
        Notification row = rows(code).get(0);
        assertThat(row.state).isEqualTo(NotificationState.PENDING);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastError).contains("InsufficientBalanceInSmsPackage");

        // A status set that is not "Ok" (the carrier refused this number) also counts as failed.
        receiver.answer("/", 200, "{\"Response\":{\"SendStatusSet\":[{\"PhoneNumber\":\"+86" + phone + "\","
                + "\"Code\":\"LimitExceeded.PhoneNumberDailyLimit\",\"Message\":\"daily limit\"}],\"RequestId\":\"r-2\"}}");
        clock.advance(java.time.Duration.ofMinutes(2));
        jobs.deliver();
        row = rows(code).get(0);
        assertThat(row.attempts).isEqualTo(2);
        assertThat(row.lastError).contains("PhoneNumberDailyLimit");
    }

    private List<Received> callsFor(String phone) {
        return receiver.at("/").stream().filter(r -> r.body().contains(phone)).toList();
    }

    private static Map<String, Object> withConsent(String phone) {
        Map<String, Object> body = new HashMap<>(intake("sewer-blockage", "beixinyuan", "hongan"));
        body.put("reporter", Map.of("name", "测试居民", "phone", phone));
        body.put("notifyResident", true);
        return body;
    }

    private static List<Notification> rows(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "ticketCode = ?1 and audience = ?2 order by id", code, Audience.RESIDENT));
    }

    private static String phone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
