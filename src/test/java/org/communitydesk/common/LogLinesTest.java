package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.communitydesk.support.SignInAsAdmin;
import org.junit.jupiter.api.Test;

/** Issue 16, point 5: the access log (on in tests) writes the path without its query, and no credential. */
@QuarkusTest
class LogLinesTest {

    @Test
    void theAccessLogWritesThePathButNotTheQueryNorTheCredentials() throws IOException {
        long before = Files.size(HttpPrecisionTest.logFile());
        String marker = "q" + System.nanoTime();

        given().header("X-Access-Code", "ACDE3479").cookie("quarkus-credential", "cookie-" + marker)
                .when().get("/api/sites?community=beixinyuan&accessCode=" + marker).then().statusCode(200);
        // A second request, so that the first one's access-log line is written by the time we read.
        given().when().get("/api/areas").then().statusCode(200);

        byte[] all = Files.readAllBytes(HttpPrecisionTest.logFile());
        String since = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder().encodeToString(
                (SignInAsAdmin.ADMIN + ":" + SignInAsAdmin.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(since).contains("\"GET /api/sites HTTP/1.1\" 200");
        assertThat(since).doesNotContain(marker).doesNotContain("beixinyuan&").doesNotContain(credentials)
                .doesNotContain(SignInAsAdmin.ADMIN_PASSWORD).doesNotContain("ACDE3479");
    }
}
