package org.communitydesk.demo;

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
 * Issue 20, point 5, with the packaged service as an operator starts it: demo users stop working once demo
 * data is switched off, and demo data is refused on a database that holds real tickets.
 */
class DemoSafetyIT {

    private static final String DEMO_PASSWORD = "communitydesk-demo";
    private static final String ADMIN_PASSWORD = "operator-chosen-password";

    @TempDir
    Path workDir;

    PackagedService.Database database;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void freshDatabase() {
        database = PackagedService.Database.fresh(workDir);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void demoUsersAreDisabledAtTheFirstStartWithDemoDataOff() throws Exception {
        try (PackagedService demo = PackagedService.on(database, "demo-on", workDir)
                .env("COMMUNITYDESK_DEMO_ENABLED", "true").start()) {
            PackagedService.awaitReady(PackagedService.STARTUP_TIMEOUT, demo);
            assertThat(me(demo, "beixinyuan.staff", DEMO_PASSWORD)).isEqualTo(200);
            assertThat(me(demo, "admin", DEMO_PASSWORD)).isEqualTo(200);
        }
        // Off again, as in production: before the fix the demo users still signed in with the published password.
        try (PackagedService real = PackagedService.on(database, "demo-off", workDir)
                .env("COMMUNITYDESK_ADMIN_PASSWORD", ADMIN_PASSWORD).start()) {
            PackagedService.awaitReady(PackagedService.STARTUP_TIMEOUT, real);
            assertThat(me(real, "beixinyuan.staff", DEMO_PASSWORD)).isEqualTo(401);
            assertThat(me(real, "tongda.crew", DEMO_PASSWORD)).isEqualTo(401);
            assertThat(me(real, "admin", DEMO_PASSWORD)).isEqualTo(401);
            assertThat(me(real, "admin", ADMIN_PASSWORD)).isEqualTo(200);
            assertThat(real.log()).contains("Demo data is off: disabled the demo users")
                    .doesNotContain(ADMIN_PASSWORD);
            String users = client.send(HttpRequest.newBuilder(real.uri("/api/users?size=100"))
                    .header("Authorization", basic("admin", ADMIN_PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var list = io.restassured.path.json.JsonPath.from(users);
            assertThat(list.getList("username", String.class)).contains("beixinyuan.staff", "tongda.crew");
            assertThat(list.getList("findAll { it.enabled }.username", String.class)).as("enabled users")
                    .containsExactly("admin");
        }
    }

    @Test
    void anAdministratorWithTheDemoPasswordAndNoSettingRefusesTheStart() throws Exception {
        try (PackagedService demo = PackagedService.on(database, "demo-admin", workDir)
                .env("COMMUNITYDESK_DEMO_ENABLED", "true").start()) {
            PackagedService.awaitReady(PackagedService.STARTUP_TIMEOUT, demo);
        }
        try (PackagedService real = PackagedService.on(database, "demo-admin-off", workDir).start()) {
            assertThat(real.awaitExit(PackagedService.STARTUP_TIMEOUT)).as("the service should stop by itself").isTrue();
            assertThat(real.exitValue()).isNotZero();
            assertThat(real.log()).contains("still has the published demo password", "Set COMMUNITYDESK_ADMIN_PASSWORD");
        }
    }

    @Test
    void demoDataIsRefusedOnADatabaseWithRealTickets() throws Exception {
        try (PackagedService real = PackagedService.on(database, "real-work", workDir)
                .env("COMMUNITYDESK_ADMIN_PASSWORD", ADMIN_PASSWORD).start()) {
            PackagedService.awaitReady(PackagedService.STARTUP_TIMEOUT, real);
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(real.uri("/api/tickets"))
                    .header("Authorization", basic("admin", ADMIN_PASSWORD)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"categoryCode":"sewer-blockage","description":"真实工单","channel":"PHONE",
                             "reporter":{"name":"居民","phone":"13900000000"},
                             "location":{"communityCode":"beixinyuan","siteCode":"hongan"}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        try (PackagedService demo = PackagedService.on(database, "demo-on-real", workDir)
                .env("COMMUNITYDESK_DEMO_ENABLED", "true").env("COMMUNITYDESK_ADMIN_PASSWORD", ADMIN_PASSWORD).start()) {
            assertThat(demo.awaitExit(PackagedService.STARTUP_TIMEOUT)).as("the service should stop by itself").isTrue();
            assertThat(demo.exitValue()).isNotZero();
            assertThat(demo.log()).contains("ERROR").contains("holds 1 tickets that are not demo tickets")
                    .contains("Switch demo data off");
        }
        try (PackagedService again = PackagedService.on(database, "after-refusal", workDir)
                .env("COMMUNITYDESK_ADMIN_PASSWORD", ADMIN_PASSWORD).start()) {
            PackagedService.awaitReady(PackagedService.STARTUP_TIMEOUT, again);
            String users = client.send(HttpRequest.newBuilder(again.uri("/api/users?size=100"))
                    .header("Authorization", basic("admin", ADMIN_PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(users).as("no demo user was created on the real database").doesNotContain("beixinyuan.staff");
        }
    }

    private int me(PackagedService service, String user, String password) throws Exception {
        return client.send(HttpRequest.newBuilder(service.uri("/api/me")).header("Authorization", basic(user, password))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
