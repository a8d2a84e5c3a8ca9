package org.communitydesk.common;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.assertj.core.api.SoftAssertions;
import org.communitydesk.support.PackagedService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, points 8 and 10, as the packaged service runs in production (the prod profile, which no
 * {@code @QuarkusTest} has): no Swagger UI unless opted in, metrics only for the monitoring address or an
 * ADMIN, and a forged Host refused. Issue 16, point 3: a malformed request target gets a problem from the jar
 * (its main class switches off Quarkus' own check, which answers an empty 400).
 */
class ProductionExposureIT {

    @TempDir
    Path workDir;

    @Test
    void swaggerUiIsOffMetricsAreGuardedAndForeignHostsAreRefused() throws Exception {
        try (PackagedService.Database database = PackagedService.Database.fresh(workDir);
                PackagedService service = PackagedService.on(database, "production", workDir)
                        .env("COMMUNITYDESK_ADMIN_PASSWORD", "production-admin")
                        // As behind a proxy, so that the test can act from an outside address.
                        .property("quarkus.http.proxy.proxy-address-forwarding", "true")
                        .property("quarkus.http.proxy.allow-x-forwarded", "true").start()) {
            PackagedService.awaitReady(PackagedService.STARTUP_TIMEOUT, service);
            HttpClient client = HttpClient.newHttpClient();
            String admin = "Basic " + Base64.getEncoder().encodeToString("admin:production-admin".getBytes(StandardCharsets.UTF_8));

            // Soft: each guard is reported on its own, so a run without one of them names exactly which.
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(status(client, HttpRequest.newBuilder(service.uri("/q/swagger-ui/")))).as("Swagger UI").isEqualTo(404);
            soft.assertThat(status(client, HttpRequest.newBuilder(service.uri("/q/openapi")))).isEqualTo(200);

            soft.assertThat(status(client, HttpRequest.newBuilder(service.uri("/q/metrics")).header("X-Forwarded-For", "10.20.30.40")))
                    .as("metrics from an outside address without a login").isEqualTo(401);
            soft.assertThat(status(client, HttpRequest.newBuilder(service.uri("/q/metrics")).header("X-Forwarded-For", "10.20.30.40")
                    .header("Authorization", admin))).isEqualTo(200);
            soft.assertThat(status(client, HttpRequest.newBuilder(service.uri("/q/metrics")))).isEqualTo(200);

            // java.net.http does not let a caller set Host: a plain socket sends the forged one.
            String foreign = rawGet(service.port(), "/open311/v2/discovery.json", "evil.example");
            soft.assertThat(foreign).as("a forged Host").startsWith("HTTP/1.1 400").contains("unknown-host").doesNotContain("evil.example/open311");

            String local = "127.0.0.1:" + service.port();
            soft.assertThat(rawGet(service.port(), "/api/tickets/CD-%ZZ", local)).as("a malformed escape")
                    .startsWith("HTTP/1.1 400").contains("application/problem+json").contains("malformed-uri");
            soft.assertThat(rawGet(service.port(), "/open311/v2/requests.json?status=%ZZ", local)).as("a malformed escape under /open311/")
                    .startsWith("HTTP/1.1 400").contains("[{\"code\":400,\"description\":\"The request target is not a valid URI");
            soft.assertAll();
        }
    }

    private static String rawGet(int port, String path, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
