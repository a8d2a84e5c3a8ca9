package org.communitydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.communitydesk.support.PackagedService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged service the way an operator would, on a new database (an H2 file, or a fresh
 * PostgreSQL database when the jar was built with -Ppostgresql): without users and without
 * COMMUNITYDESK_ADMIN_PASSWORD it must refuse to start and say why; with it, the first
 * administrator can sign in. Runs after {@code package} (failsafe), so the jar exists.
 */
class FirstStartIT {

    @TempDir
    Path workDir;

    PackagedService.Database database;

    @BeforeEach
    void freshDatabase() {
        database = PackagedService.Database.fresh(workDir);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void refusesToStartWithoutUsersOrAnAdminPassword() throws Exception {
        try (PackagedService service = PackagedService.on(database, "first-start", workDir).port(0).start()) {
            assertThat(service.awaitExit(PackagedService.STARTUP_TIMEOUT)).as("the service should stop by itself").isTrue();
            assertThat(service.exitValue()).isNotZero();
            assertThat(service.log()).contains("COMMUNITYDESK_ADMIN_PASSWORD is not set");
        }
    }

    @Test
    void createsTheFirstAdministratorFromTheSetting() throws Exception {
        try (PackagedService service = PackagedService.on(database, "first-admin", workDir)
                .env("COMMUNITYDESK_ADMIN_PASSWORD", "first-admin-password").start()) {
            PackagedService.awaitReady(PackagedService.STARTUP_TIMEOUT, service);
            HttpClient client = HttpClient.newHttpClient();
            String basic = Base64.getEncoder().encodeToString("admin:first-admin-password".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> me = client.send(HttpRequest.newBuilder(service.uri("/api/me"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"role\":\"ADMIN\"");
            // Without demo data there are no demo users: the administrator is the only account.
            HttpResponse<String> users = client.send(HttpRequest.newBuilder(service.uri("/api/users"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"username\":\"admin\"").doesNotContain("communitydesk-demo")
                    .doesNotContain(".staff").doesNotContain(".crew").doesNotContain(".supervisor");
            assertThat(service.log()).doesNotContain("first-admin-password")
                    // Quarkus' warning that prints a per-start sign-in key: the key comes from the database now.
                    .doesNotContain("Encryption key was not specified").doesNotContain("temporary key")
                    .as("the database the jar was built for").contains(database.postgres() ? "jdbc:postgresql:" : "jdbc:h2:");
        }
    }
}
