package org.communitydesk.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The backup endpoint on the suite's own databases, neither of which H2's BACKUP can copy: the
 * in-memory H2 and PostgreSQL. Both answer 409 with a problem that says why and what to use instead.
 * A real backup and its restore are in {@link BackupRestoreIT}; who may call it, in RoleMatrixTest.
 */
@QuarkusTest
class BackupResourceTest {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "communitydesk.backup.directory")
    String directory;

    @Test
    void refusesWithAProblemThatSaysWhatToDoInstead() {
        Response answer = given().contentType("application/json").body("{}").when().post("/api/admin/backup");

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.<String>path("type")).isEqualTo("urn:communitydesk:problem:backup-unavailable");
        if (dbKind.equals("postgresql")) {
            assertThat(answer.<String>path("reason")).isEqualTo("not-h2");
            assertThat(answer.<String>path("detail")).contains("PostgreSQL", "pg_dump -Fc", "pg_restore");
        } else {
            assertThat(answer.<String>path("reason")).isEqualTo("in-memory");
            assertThat(answer.<String>path("detail")).contains("in-memory", "jdbc:h2:file:");
        }
        // Refused before anything is written: not even the directory is made (target/test-backups in tests).
        assertThat(Path.of(directory)).doesNotExist();
    }
}
