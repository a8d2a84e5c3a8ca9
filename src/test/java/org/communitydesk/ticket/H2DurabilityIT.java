package org.communitydesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.support.PackagedService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ticket acknowledged with 201 survives the process being killed (kill -9, no shutdown hook): the packaged
 * service runs on the H2 file database of application.properties, whose WRITE_DELAY=0 writes each commit to
 * the file before the commit returns. Without it, H2 keeps commits in memory for up to half a second, and the
 * last calls taken before the kill are lost. Self-contained: starts the jar itself (failsafe, after package).
 */
class H2DurabilityIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final String PASSWORD = "durability-admin-password";
    static final Pattern CODE = Pattern.compile("\"code\":\"(CD-\\d{4}-\\d{6})\"");

    @TempDir
    Path workDir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedTicketIsThereAfterAKill() throws Exception {
        // The default URL is an H2 file; a PostgreSQL build's durability is PostgreSQL's.
        Assumptions.assumeFalse(PackagedService.builtForPostgres(), "the default H2 URL applies to H2 builds only");
        start("first.log");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/tickets"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(intake(i), StandardCharsets.UTF_8)));
            assertThat(created.statusCode()).as("intake %d: %s", i, created.body()).isEqualTo(201);
            Matcher code = CODE.matcher(created.body());
            assertThat(code.find()).as("a code in %s", created.body()).isTrue();
            acknowledged.add(code.group(1));
        }

        // At once after the last 201: what is acknowledged must already be on disk.
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
        start("second.log");

        List<String> missing = new ArrayList<>();
        for (String code : acknowledged) {
            if (send(HttpRequest.newBuilder(uri("/api/tickets/" + code))).statusCode() != 200) {
                missing.add(code);
            }
        }
        assertThat(missing).as("tickets acknowledged with 201 before the kill, missing after the restart "
                + "(of %s)", acknowledged).isEmpty();
    }

    /** Starts the jar in the temporary directory with the default database URL (./data/communitydesk). */
    private void start(String logName) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                // A busy machine can take more than the default 5 s to open the database; that is not what is tested.
                "-Dquarkus.datasource.jdbc.acquisition-timeout=120S",
                "-jar", JAR.toAbsolutePath().toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(logName).toFile());
        builder.environment().remove("COMMUNITYDESK_DEMO_ENABLED");
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("COMMUNITYDESK_ADMIN_PASSWORD", PASSWORD);
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the service should be running: %s", log(logName)).isTrue();
            try {
                if (client.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within 180 s: " + log(logName));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return client.send(request.header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String intake(int i) {
        return """
                {"categoryCode":"sewer-blockage","description":"耐久测试 %d","channel":"PHONE",
                 "reporter":{"name":"测试居民","phone":"13900000000"},
                 "location":{"communityCode":"beixinyuan","siteCode":"hongan","addressDetail":"2号楼"}}
                """.formatted(i);
    }

    private String log(String name) throws IOException {
        Path file = workDir.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "(no log)";
    }
}
