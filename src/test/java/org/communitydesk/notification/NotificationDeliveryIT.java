package org.communitydesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.communitydesk.support.PackagedService;
import org.communitydesk.support.PackagedService.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox with the packaged jar, as an operator runs it, sending to a real local SMS gateway that counts what it
 * gets by idempotency key (as a receiver honouring the key would): a kill -9 in the middle of intake and delivery
 * loses no message of a committed change; two instances on one PostgreSQL deliver each message once.
 */
class NotificationDeliveryIT {

    static final String PASSWORD = "notification-it-admin-password";
    static final Duration STARTUP = PackagedService.STARTUP_TIMEOUT;
    static final Duration DELIVERED_WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
    private final Map<String, String> textByKey = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer gateway;
    private Database database;
    private final List<PackagedService> running = new ArrayList<>();

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        gateway.setExecutor(Executors.newFixedThreadPool(8));
        gateway.createContext("/sms", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode body = json.readTree(in.readAllBytes());
                // A little slow, like a real gateway, so that a kill finds messages in flight.
                Thread.sleep(20);
                String key = body.get("idempotencyKey").asText();
                byKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                textByKey.putIfAbsent(key, body.get("text").asText());
                requests.incrementAndGet();
                byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        gateway.start();
    }

    @AfterEach
    void stopAll() {
        running.forEach(PackagedService::close);
        if (gateway != null) {
            gateway.stop(0);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKillDuringIntakeAndDeliveryLosesNoMessageOfACommittedChange() throws Exception {
        database = Database.fresh(workDir);
        PackagedService.Builder builder = instance("kill");
        PackagedService first = started(builder);
        List<String> committed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            committed.add(intakeWithConsent(first, i));
        }
        // At once after the last 201, while the delivery job is working through them.
        first.kill();
        running.remove(first);
        int beforeRestart = byKey.size();

        PackagedService second = started(builder);
        awaitDelivered(committed);
        for (String code : committed) {
            assertThat(textByKey.values()).as("the 'logged' message of %s", code).anyMatch(t -> t.contains(code));
        }
        long repeats = byKey.values().stream().filter(c -> c.get() > 1).count();
        System.out.printf("kill -9 after %d committed intakes: %d messages had arrived before the kill, all %d after the "
                + "restart; %d requests in all, %d messages sent more than once (dropped by their key)%n",
                committed.size(), beforeRestart, byKey.size(), requests.get(), repeats);
        assertThat(byKey).hasSize(committed.size());
        second.close();
    }

    @Test
    void twoInstancesOnOnePostgresqlDeliverEachMessageOnce() throws Exception {
        Assumptions.assumeTrue(PackagedService.builtForPostgres(), "two instances share a PostgreSQL database only");
        database = Database.fresh(workDir);
        PackagedService a = started(instance("a"));
        PackagedService b = started(instance("b"));
        List<String> committed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            committed.add(intakeWithConsent(i % 2 == 0 ? a : b, i));
        }
        awaitDelivered(committed);
        Thread.sleep(3000);
        assertThat(byKey).hasSize(committed.size());
        assertThat(byKey.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(requests.get()).isEqualTo(committed.size());
        String logA = a.log();
        String logB = b.log();
        System.out.printf("two instances: %d messages, %d requests; delivery on A %s, on B %s%n", committed.size(),
                requests.get(), logA.contains("Delivery") ? "seen" : "-", logB.contains("Delivery") ? "seen" : "-");
    }

    private PackagedService.Builder instance(String name) {
        return PackagedService.on(database, name, workDir.resolve("logs"))
                .env("COMMUNITYDESK_ADMIN_PASSWORD", PASSWORD)
                .env("COMMUNITYDESK_NOTIFICATIONS_SMS_GATEWAY_URL",
                        "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms")
                .env("COMMUNITYDESK_NOTIFICATIONS_DELIVER_EVERY", "1s")
                // A claim of a killed instance runs out soon, so the test need not wait two minutes.
                .env("COMMUNITYDESK_NOTIFICATIONS_CLAIM_TIMEOUT", "10s")
                .env("COMMUNITYDESK_NOTIFICATIONS_BATCH", "5")
                .env("COMMUNITYDESK_NOTIFICATIONS_DAILY_CAP", "1000");
    }

    private PackagedService started(PackagedService.Builder builder) throws Exception {
        PackagedService service = builder.start();
        running.add(service);
        PackagedService.awaitReady(STARTUP, service);
        return service;
    }

    private String intakeWithConsent(PackagedService to, int i) throws Exception {
        String phone = String.format("139%08d", 10_000 + i);
        String body = """
                {"categoryCode":"sewer-blockage","description":"通知测试 %d","channel":"PHONE",
                 "reporter":{"name":"测试居民","phone":"%s"},"notifyResident":true,
                 "location":{"communityCode":"beixinyuan","siteCode":"hongan","addressDetail":"2号楼"}}"""
                .formatted(i, phone);
        String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(to.uri("/api/tickets"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as("intake %d: %s", i, created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("code").asText();
    }

    private void awaitDelivered(List<String> committed) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERED_WITHIN.toNanos();
        while (byKey.size() < committed.size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(byKey.size()).as("messages delivered within %s", DELIVERED_WITHIN).isEqualTo(committed.size());
    }
}
