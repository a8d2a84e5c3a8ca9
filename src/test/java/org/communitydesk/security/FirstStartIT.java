package org.communitydesk.security;

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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged service the way an operator would, on a new H2 database: without users and
 * without COMMUNITYDESK_ADMIN_PASSWORD it must refuse to start and say why; with it, the first
 * administrator can sign in. Runs after {@code package} (failsafe), so the jar exists.
 */
class FirstStartIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path workDir;

    @Test
    void refusesToStartWithoutUsersOrAnAdminPassword() throws Exception {
        Process process = start(null, 0);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the service should stop by itself").isTrue();
        String output = Files.readString(workDir.resolve("out.log"));
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("COMMUNITYDESK_ADMIN_PASSWORD is not set");
    }

    @Test
    void createsTheFirstAdministratorFromTheSetting() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = start("first-admin-password", port);
        try {
            HttpClient client = HttpClient.newHttpClient();
            String basic = Base64.getEncoder().encodeToString("admin:first-admin-password".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> me = null;
            for (int attempt = 0; attempt < 90 && (me == null || me.statusCode() != 200); attempt++) {
                Thread.sleep(1000);
                assertThat(process.isAlive()).as("the service should be running: %s", log()).isTrue();
                try {
                    me = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                            .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYetListening) {
                    // keep waiting
                }
            }
            assertThat(me).isNotNull();
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"role\":\"ADMIN\"");
            // Without demo data there are no demo users: the administrator is the only account.
            HttpResponse<String> users = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"username\":\"admin\"").doesNotContain("communitydesk-demo")
                    .doesNotContain(".staff").doesNotContain(".crew").doesNotContain(".supervisor");
            assertThat(log()).doesNotContain("first-admin-password")
                    // Quarkus' warning that prints a per-start sign-in key: the key comes from the database now.
                    .doesNotContain("Encryption key was not specified").doesNotContain("temporary key");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(String adminPassword, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + workDir.resolve("db") + ";WRITE_DELAY=0",
                "-jar", JAR.toAbsolutePath().toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("out.log").toFile());
        builder.environment().remove("COMMUNITYDESK_ADMIN_PASSWORD");
        builder.environment().remove("COMMUNITYDESK_DEMO_ENABLED");
        if (adminPassword != null) {
            builder.environment().put("COMMUNITYDESK_ADMIN_PASSWORD", adminPassword);
        }
        return builder.start();
    }

    private String log() throws IOException {
        return Files.readString(workDir.resolve("out.log"));
    }

}
