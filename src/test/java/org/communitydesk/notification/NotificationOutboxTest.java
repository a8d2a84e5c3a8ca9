package org.communitydesk.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.communitydesk.directory.Organization;
import org.communitydesk.support.LocalReceiver;
import org.communitydesk.support.LocalReceiver.Received;
import org.communitydesk.support.TestClock;
import org.communitydesk.ticket.AssignmentRole;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.Ticket.AssignmentOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox through the real stack: changes made over the API write their messages in their own transaction,
 * the delivery job sends them to a real local HTTP server playing the SMS gateway and the group robots, failures
 * back off and end FAILED, and concurrent deliverers send each message once.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalReceiver.class, restrictToAnnotatedClass = true)
class NotificationOutboxTest {

    @Inject
    NotificationJobs jobs;

    @Inject
    Delivery delivery;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    private final LocalReceiver receiver = LocalReceiver.current();

    record Issued(String code, String accessCode) {
    }

    @AfterEach
    void reset() {
        clock.reset();
        receiver.answerOk("/sms");
        jobs.deliver();
    }

    @Test
    void residentWhoAgreedHearsEachStepAndGetsTheAccessCodeOnlyInTheFirstMessage() throws Exception {
        String phone = newPhone();
        Issued ticket = intakeWithConsent(phone);

        assertThat(jobs.deliver()).isGreaterThanOrEqualTo(1);
        List<JsonNode> texts = smsTo(phone);
        assertThat(texts).hasSize(1);
        String first = texts.get(0).get("text").asText();
        assertThat(first).contains(ticket.code(), ticket.accessCode(), "/status?code=" + ticket.code())
                .doesNotContain("测试居民");

        walk(ticket.code(), "dispatch", "start", "resolve");
        jobs.deliver();
        texts = smsTo(phone);
        assertThat(texts).extracting(t -> t.get("text").asText()).hasSize(3)
                .allSatisfy(text -> assertThat(text).contains(ticket.code(), "/status?code=" + ticket.code()));
        assertThat(texts.subList(1, 3)).extracting(t -> t.get("text").asText())
                .noneSatisfy(text -> assertThat(text).contains(ticket.accessCode()));
        // One delivery run sends in parallel, so the two may arrive in either order.
        assertThat(texts.subList(1, 3)).extracting(t -> t.get("text").asText())
                .anySatisfy(text -> assertThat(text).contains("已派给处理单位"))
                .anySatisfy(text -> assertThat(text).contains("评价"));

        // Each request carries the gateway's credential and the message's idempotency key, in the header and the body.
        List<Received> requests = receiver.at("/sms").stream().filter(r -> r.body().contains(phone)).toList();
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEqualTo(LocalReceiver.TOKEN);
            assertThat(r.header("Idempotency-Key")).isNotBlank();
            assertThat(r.body()).contains(r.header("Idempotency-Key"));
        });
        assertThat(requests).extracting(r -> r.header("Idempotency-Key")).doesNotHaveDuplicates();

        // Nothing of the access code stays in the outbox once sent; the timeline says what was sent, for staff only.
        assertThat(rows(ticket.code())).filteredOn(n -> n.audience == Audience.RESIDENT).hasSize(3).allSatisfy(n -> {
            assertThat(n.state).isEqualTo(NotificationState.SENT);
            assertThat(n.accessCode).isNull();
            assertThat(n.body).doesNotContain(ticket.accessCode());
        });
        List<Map<String, Object>> sent = given().when().get("/api/tickets/{code}/events", ticket.code()).then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.type == 'NOTIFICATION_SENT' && it.note.startsWith('短信') }");
        assertThat(sent).hasSize(3).allSatisfy(e -> {
            assertThat(e.get("visibility")).isEqualTo("INTERNAL");
            assertThat((String) e.get("note")).doesNotContain(phone).contains(phone.substring(phone.length() - 4));
        });
        lookup(ticket).then().statusCode(200).body("textMessages", equalTo(true))
                .body("events.findAll { it.type == 'NOTIFICATION_SENT' }.size()", equalTo(0));
    }

    @Test
    void residentWhoDidNotAgreeOrStoppedGetsNothing() {
        String phone = newPhone();
        Map<String, Object> body = intakeBody(phone);
        body.remove("notifyResident");
        String silent = create(body).then().statusCode(201).extract().path("code");
        walk(silent, "dispatch");
        assertThat(rows(silent)).noneMatch(n -> n.audience == Audience.RESIDENT);

        Issued stopping = intakeWithConsent(phone);
        jobs.deliver();
        assertThat(smsTo(phone)).hasSize(1);
        // The stop link on the status page: the resident types the access code again.
        String page = given().auth().none().header("X-Forwarded-For", client()).contentType(ContentType.URLENC)
                .formParam("code", stopping.code()).formParam("accessCode", stopping.accessCode())
                .when().post("/status/stop-messages").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("/status/stop-messages").doesNotContain(stopping.accessCode());
        walk(stopping.code(), "dispatch", "start", "resolve");
        jobs.deliver();
        assertThat(smsTo(phone)).hasSize(1);
        lookup(stopping).then().statusCode(200).body("textMessages", equalTo(false));

        // Agreeing needs a phone to send to.
        Map<String, Object> noPhone = intakeBody(null);
        noPhone.put("reporter", Map.of("name", "测试居民"));
        create(noPhone).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aChangeThatRollsBackLeavesNoMessage() {
        String code = createTicket();
        String url = receiver.url("/wecom-rollback-" + newPhone());
        registerTarget(Audience.ORGANIZATION, "tongda-dredging", ChannelKind.WECOM, url, null, false);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Ticket ticket = Ticket.<Ticket>find("code", code).firstResult();
                ticket.dispatch(List.of(new AssignmentOrder(Organization.findByCode("tongda-dredging").orElseThrow(),
                        AssignmentRole.LEAD)), new org.communitydesk.ticket.Actor("test", "STAFF"), Instant.now());
                assertThat(Notification.count("ticketCode = ?1 and recipient = ?2", code, url)).as("written inside the change")
                        .isEqualTo(1);
                throw new IllegalStateException("the change fails after the dispatch");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(rows(code)).isEmpty();
        walk(code, "dispatch");
        assertThat(rows(code)).filteredOn(n -> n.recipient.equals(url)).hasSize(1);
        jobs.deliver();
        assertThat(receiver.at(url.substring(url.indexOf("/wecom")))).hasSize(1);
    }

    @Test
    void organizationsHearOfTheirDispatchAndOnlyAnAllowedLeadSeesTheCaller() throws Exception {
        String phone = newPhone();
        String leadPath = "/wecom-lead-" + phone;
        String supportPath = "/dingtalk-support-" + phone;
        String secret = "SEC" + phone;
        registerTarget(Audience.ORGANIZATION, "tongda-dredging", ChannelKind.WECOM, receiver.url(leadPath), null, true);
        registerTarget(Audience.ORGANIZATION, "datong-sewage", ChannelKind.DINGTALK, receiver.url(supportPath), secret, true);
        String code = create(intakeBody(phone)).then().statusCode(201).extract().path("code");
        move(code, "dispatch", dispatchBody("tongda-dredging", "datong-sewage")).then().statusCode(200);
        jobs.deliver();

        Received lead = only(receiver.at(leadPath));
        JsonNode leadBody = json.readTree(lead.body());
        assertThat(leadBody.get("msgtype").asText()).isEqualTo("text");
        assertThat(leadBody.at("/text/content").asText()).contains(code, "派单", "/console/tickets/" + code, "测试居民", phone);

        Received support = only(receiver.at(supportPath));
        assertThat(json.readTree(support.body()).at("/text/content").asText()).contains(code)
                .doesNotContain("测试居民").doesNotContain(phone);
        // DingTalk's signed form: sign = Base64(HMAC-SHA256("timestamp\nsecret")), URL-encoded, beside the timestamp.
        Map<String, String> query = query(support.query());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((query.get("timestamp") + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(query.get("sign")).isEqualTo(expected);
        assertThat(Math.abs(Long.parseLong(query.get("timestamp")) - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    void aLeadWithoutTheSettingGetsNoPersonalData() throws Exception {
        String phone = newPhone();
        String path = "/wecom-plain-" + phone;
        registerTarget(Audience.ORGANIZATION, "zhongrui-property", ChannelKind.WECOM, receiver.url(path), null, false);
        String code = create(intakeBody(phone)).then().statusCode(201).extract().path("code");
        move(code, "dispatch", dispatchBody("zhongrui-property")).then().statusCode(200);
        jobs.deliver();
        assertThat(json.readTree(only(receiver.at(path)).body()).at("/text/content").asText()).contains(code)
                .doesNotContain("测试居民").doesNotContain(phone);
    }

    @Test
    void failuresBackOffOneFiveThirtyMinutesThenHourlyAndEndFailedAfterADay() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        receiver.answer("/sms", 503);
        String phone = newPhone();
        Issued ticket = intakeWithConsent(phone);
        Notification first = only(rows(ticket.code()));

        List<Duration> waits = new ArrayList<>();
        Instant now = start;
        for (int attempt = 1; attempt <= 40; attempt++) {
            clock.freezeAt(now);
            jobs.deliver();
            Notification row = reload(first.id);
            assertThat(row.attempts).isEqualTo(attempt);
            assertThat(row.lastError).contains("503");
            if (row.state == NotificationState.FAILED) {
                break;
            }
            waits.add(Duration.between(now, row.nextAttemptAt));
            // Not due a second early.
            clock.freezeAt(row.nextAttemptAt.minusSeconds(1));
            jobs.deliver();
            assertThat(reload(first.id).attempts).isEqualTo(attempt);
            now = row.nextAttemptAt;
        }
        Notification last = reload(first.id);
        assertThat(last.state).isEqualTo(NotificationState.FAILED);
        assertThat(last.accessCode).isNull();
        assertThat(waits.subList(0, 4)).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(1));
        assertThat(waits.subList(3, waits.size())).containsOnly(Duration.ofHours(1));
        // The last attempt lies within a day of the message's writing; the next hourly one would not.
        assertThat(Duration.between(start, now)).isLessThanOrEqualTo(Duration.ofHours(24))
                .isGreaterThan(Duration.ofHours(23));
        assertThat(receiver.at("/sms").stream().filter(r -> r.body().contains(phone))).hasSize(last.attempts);
        given().when().get("/api/tickets/{code}/events", ticket.code()).then().statusCode(200)
                .body("findAll { it.type == 'NOTIFICATION_FAILED' }.size()", equalTo(1))
                .body("find { it.type == 'NOTIFICATION_FAILED' }.visibility", equalTo("INTERNAL"));
    }

    @Test
    void aMessageWhoseSenderDiedIsSentAfterTheClaimRunsOut() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);
        String phone = newPhone();
        Issued ticket = intakeWithConsent(phone);
        long id = only(rows(ticket.code())).id;
        // What a sender killed between its claim and its record leaves behind.
        QuarkusTransaction.requiringNew().run(() -> Notification.<Notification>findById(id)
                .claim("dead-instance#1", start, Duration.ofMinutes(2)));
        jobs.deliver();
        assertThat(smsTo(phone)).isEmpty();
        clock.freezeAt(start.plus(Duration.ofMinutes(2)));
        jobs.deliver();
        assertThat(smsTo(phone)).hasSize(1);
        assertThat(reload(id).state).isEqualTo(NotificationState.SENT);
    }

    @Test
    void concurrentDeliverersSendEachMessageOnce() throws Exception {
        String path = "/wecom-many-" + newPhone();
        registerTarget(Audience.ORGANIZATION, "tongda-dredging", ChannelKind.WECOM, receiver.url(path), null, false);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String code = createTicket();
            walk(code, "dispatch");
            codes.add(code);
        }
        CyclicBarrier together = new CyclicBarrier(4);
        List<CompletableFuture<Long>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return delivery.deliverDue();
            }));
        }
        long sent = 0;
        for (CompletableFuture<Long> run : runs) {
            sent += run.get(60, TimeUnit.SECONDS);
        }
        List<Received> got = receiver.at(path);
        assertThat(got).hasSize(24);
        assertThat(got).extracting(r -> r.header("X-Idempotency-Key")).doesNotHaveDuplicates();
        assertThat(sent).isGreaterThanOrEqualTo(24);
        for (String code : codes) {
            assertThat(got).filteredOn(r -> r.body().contains(code)).hasSize(1);
        }
    }

    @Test
    void aResidentsDailyCapSkipsTheRest() {
        String phone = newPhone();
        Issued one = intakeWithConsent(phone);
        Issued two = intakeWithConsent(phone);
        walk(one.code(), "dispatch", "start", "resolve");
        walk(two.code(), "dispatch");
        jobs.deliver();
        // The test profile's cap is 4 a day: two "logged", then the first two later messages.
        assertThat(smsTo(phone)).hasSize(4);
        List<Notification> all = new ArrayList<>(rows(one.code()));
        all.addAll(rows(two.code()));
        assertThat(all).filteredOn(n -> n.state == NotificationState.SKIPPED).hasSize(1)
                .allSatisfy(n -> assertThat(n.lastError).contains("daily-cap"));
    }

    @Test
    void overdueTicketsAndResidentsNotResolvedReachTheSupervisorsOnce() throws Exception {
        String phone = newPhone();
        String supervisors = "/wecom-supervisors-" + phone;
        String crew = "/wecom-crew-" + phone;
        registerTarget(Audience.SUPERVISOR, "yingbin", ChannelKind.WECOM, receiver.url(supervisors), null, false);
        registerTarget(Audience.ORGANIZATION, "tongda-dredging", ChannelKind.WECOM, receiver.url(crew), null, false);
        Issued ticket = intakeWithConsent(phone);
        walk(ticket.code(), "dispatch");
        jobs.deliver();
        int crewBefore = receiver.at(crew).size();
        String dueAt = given().when().get("/api/tickets/{code}", ticket.code()).then().extract().path("dueAt");

        long expected = QuarkusTransaction.requiringNew().call(() -> NotificationTarget.count(
                "(audience = ?1 and ownerCode = 'tongda-dredging') or (audience = ?2 and ownerCode = 'yingbin')",
                Audience.ORGANIZATION, Audience.SUPERVISOR));
        clock.freezeAt(Instant.parse(dueAt).minusSeconds(60));
        assertThat(jobs.overdue()).isPresent();
        assertThat(rows(ticket.code())).noneMatch(n -> n.kind.endsWith("overdue"));
        clock.freezeAt(Instant.parse(dueAt).plusSeconds(60));
        assertThat(jobs.overdue()).isPresent();
        assertThat(rows(ticket.code())).filteredOn(n -> n.kind.endsWith("overdue")).hasSize((int) expected);
        clock.freezeAt(Instant.parse(dueAt).plusSeconds(3600));
        assertThat(jobs.overdue()).isPresent();
        assertThat(rows(ticket.code())).filteredOn(n -> n.kind.endsWith("overdue")).hasSize((int) expected);
        deliverAllDue();
        assertThat(receiver.at(supervisors)).filteredOn(r -> r.body().contains(ticket.code())).hasSize(1)
                .allSatisfy(r -> assertThat(r.body()).contains("超期").doesNotContain(phone));
        assertThat(receiver.at(crew).subList(crewBefore, receiver.at(crew).size()))
                .filteredOn(r -> r.body().contains(ticket.code())).hasSize(1);

        clock.reset();
        walk(ticket.code(), "start", "resolve");
        given().auth().none().header("X-Forwarded-For", client()).header("X-Access-Code", ticket.accessCode())
                .contentType(ContentType.JSON).body(Map.of("rating", 1, "resolved", false))
                .when().post("/api/public/tickets/{code}/feedback", ticket.code()).then().statusCode(200);
        jobs.deliver();
        assertThat(receiver.at(supervisors)).filteredOn(r -> r.body().contains(ticket.code())).hasSize(2)
                .last().satisfies(r -> assertThat(r.body()).contains("未解决"));
        assertThat(smsTo(phone)).extracting(t -> t.get("text").asText())
                .anySatisfy(text -> assertThat(text).contains("重新交办"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Issued intakeWithConsent(String phone) {
        Response created = create(intakeBody(phone));
        created.then().statusCode(201);
        return new Issued(created.path("code"), created.path("accessCode"));
    }

    private static Map<String, Object> intakeBody(String phone) {
        Map<String, Object> body = new HashMap<>(intake("sewer-blockage", "beixinyuan", "hongan"));
        if (phone != null) {
            body.put("reporter", Map.of("name", "测试居民", "phone", phone));
            body.put("notifyResident", true);
        } else {
            body.put("notifyResident", true);
        }
        return body;
    }

    private static String createTicket() {
        return create(intake("sewer-blockage", "beixinyuan", "hongan")).then().statusCode(201).extract().path("code");
    }

    private List<JsonNode> smsTo(String phone) {
        List<JsonNode> texts = new ArrayList<>();
        for (Received r : receiver.at("/sms")) {
            try {
                JsonNode node = json.readTree(r.body());
                if (phone.equals(node.get("to").asText())) {
                    texts.add(node);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        // Each message once, even if it went out twice (at least once): a receiver honours the idempotency key.
        Map<String, JsonNode> byKey = new java.util.LinkedHashMap<>();
        texts.forEach(t -> byKey.putIfAbsent(t.get("idempotencyKey").asText(), t));
        return new ArrayList<>(byKey.values());
    }

    private static List<Notification> rows(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list("ticketCode = ?1 order by id", code));
    }

    private static Notification reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id));
    }

    private static void registerTarget(Audience audience, String owner, ChannelKind channel, String url, String secret,
            boolean personalData) {
        QuarkusTransaction.requiringNew().run(() -> new NotificationTarget(audience, owner, channel, url, secret,
                personalData).persist());
    }

    private Response lookup(Issued ticket) {
        return given().auth().none().header("X-Forwarded-For", client()).header("X-Access-Code", ticket.accessCode())
                .when().get("/api/public/tickets/{code}", ticket.code());
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String client() {
        return "10.14." + ThreadLocalRandom.current().nextInt(250) + "." + ThreadLocalRandom.current().nextInt(250);
    }

    /**
     * Every due message: with the clock moved past a deadline, what other test classes left pending in the shared
     * database (H2) is due too, and one run of the job sends one batch of them; failed ones wait for their retry.
     */
    private void deliverAllDue() {
        for (int run = 0; run < 20; run++) {
            jobs.deliver();
        }
    }
}
