package org.communitydesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;
import org.communitydesk.support.PackagedService;
import org.communitydesk.support.PostgresTestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, point 10, PostgreSQL only: the documented least-privilege setup (src/main/postgresql/least-privilege.sql)
 * works. Flyway migrates as the owner role, the service runs as a plain role, and that role can read and
 * write the tables but not change the schema.
 */
class LeastPrivilegeIT {

    @TempDir
    Path workDir;

    @Test
    void theServiceRunsAsAPlainRoleWhileFlywayMigratesAsTheOwner() throws Exception {
        Assumptions.assumeTrue(PackagedService.builtForPostgres(), "PostgreSQL only");
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String owner = "cd_owner_" + suffix;
        String app = "cd_app_" + suffix;
        String name = "communitydesk_lp_" + suffix;
        String url = "jdbc:postgresql://" + PostgresTestDatabase.SERVER + "/" + name;
        PostgresTestDatabase.execute("CREATE ROLE " + owner + " LOGIN");
        PostgresTestDatabase.execute("CREATE ROLE " + app + " LOGIN");
        PostgresTestDatabase.execute("CREATE DATABASE " + name + " OWNER " + owner + " ENCODING 'UTF8'");
        try {
            String script = Files.readString(Path.of("src/main/postgresql/least-privilege.sql"))
                    .replace("communitydesk_owner", owner).replace("communitydesk_app", app);
            try (Connection superuser = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                    Statement statement = superuser.createStatement()) {
                statement.execute(script);
            }

            try (PackagedService service = PackagedService.on(PackagedService.Database.existing(url), "least-privilege", workDir)
                    .property("%postgresql.quarkus.datasource.username", app)
                    .property("%postgresql.quarkus.flyway.username", owner)
                    // Quarkus takes Flyway's own credentials only as a pair; trust authentication ignores the password.
                    .property("%postgresql.quarkus.flyway.password", "unused-with-trust-auth")
                    .env("COMMUNITYDESK_ADMIN_PASSWORD", "least-privilege-admin").start()) {
                PackagedService.awaitReady(PackagedService.STARTUP_TIMEOUT, service);
                HttpClient client = HttpClient.newHttpClient();
                String basic = "Basic " + Base64.getEncoder()
                        .encodeToString("admin:least-privilege-admin".getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> created = client.send(HttpRequest.newBuilder(service.uri("/api/tickets"))
                        .header("Authorization", basic).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"categoryCode":"sewer-blockage","description":"最小权限测试","channel":"PHONE",
                                 "reporter":{"name":"居民","phone":"13900000000"},
                                 "location":{"communityCode":"beixinyuan","siteCode":"hongan"}}""")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String code = io.restassured.path.json.JsonPath.from(created.body()).getString("code");
                // A wrong access code writes the guard rows and the per-address count: writes of every kind work.
                HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(service.uri("/api/public/tickets/" + code))
                        .header("X-Access-Code", "ACDEFGHJ").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(wrong.statusCode()).isEqualTo(404);
                HttpResponse<String> read = client.send(HttpRequest.newBuilder(service.uri("/api/tickets/" + code))
                        .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(service.log()).doesNotContain("least-privilege-admin");
            }

            try (Connection connection = DriverManager.getConnection(url, app, "");
                    Statement statement = connection.createStatement()) {
                try (ResultSet tickets = statement.executeQuery("select count(*) from ticket")) {
                    tickets.next();
                    assertThat(tickets.getInt(1)).isEqualTo(1);
                }
                assertThatThrownBy(() -> statement.execute("drop table ticket_event")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("must be owner");
                assertThatThrownBy(() -> statement.execute("create table intruder (id int)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
            try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                    ResultSet tables = connection.createStatement().executeQuery(
                            "select distinct tableowner from pg_tables where schemaname in ('public', 'cd_keys')")) {
                tables.next();
                assertThat(tables.getString(1)).as("every table belongs to the owner role").isEqualTo(owner);
                assertThat(tables.next()).isFalse();
            }
        } finally {
            PostgresTestDatabase.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            PostgresTestDatabase.execute("DROP ROLE IF EXISTS " + app);
            PostgresTestDatabase.execute("DROP ROLE IF EXISTS " + owner);
        }
    }
}
