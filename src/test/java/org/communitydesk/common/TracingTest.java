package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 5: with tracing switched on (it is off by default), a request that comes with a W3C
 * traceparent continues that trace, and the log lines it writes carry its trace id.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    /** The settings an operator gives to switch tracing on; spans go nowhere (no exporter endpoint is asked). */
    public static class TracingOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:communitydesk-tracing;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void aTraceparentSentInComesBackAsTheTraceIdOfTheLogLines() throws IOException {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String traceId = HexFormat.of().formatHex(id);
        long before = Files.size(HttpPrecisionTest.logFile());

        // Flags 00: the caller did not sample this trace, so no span is exported (and no collector is needed).
        String code = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-00")
                .body(TicketApi.intake("sewer-blockage", "beixinyuan", "hongan"))
                .when().post("/api/tickets").then().statusCode(201).extract().path("code");

        byte[] all = Files.readAllBytes(HttpPrecisionTest.logFile());
        String since = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        assertThat(since.lines().filter(line -> line.contains("Ticket " + code + " reported")))
                .singleElement().asString().contains(" " + traceId + " ");
    }
}
