package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The spec committed under openapi/ must be exactly what the code generates. The test profile
 * writes the generated spec to target/openapi-generated (see application.properties), so the
 * committed file is compared rather than overwritten. When this fails, run
 * {@code ./mvnw package -DskipTests}, which rewrites openapi/openapi.yaml; review and commit it.
 */
@QuarkusTest
class OpenApiSpecTest {

    static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    static final Path GENERATED = Path.of("target", "openapi-generated", "openapi.yaml");

    @Test
    void committedSpecMatchesTheCode() throws IOException {
        given().when().get("/q/openapi").then().statusCode(200);
        assertThat(GENERATED).exists();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        assertThat(Files.getLastModifiedTime(GENERATED).toMillis())
                .as("the generated spec must come from this test run")
                .isGreaterThanOrEqualTo(jvmStart - 1000);
        assertThat(normalise(Files.readString(COMMITTED)))
                .as("openapi/openapi.yaml is stale: run ./mvnw package -DskipTests and commit the file")
                .isEqualTo(normalise(Files.readString(GENERATED)));
    }

    @Test
    void operationsHaveReadableIdsAndNoPageInternals() throws IOException {
        String committed = Files.readString(COMMITTED);
        assertThat(committed).contains("operationId: createTicket", "operationId: getTicket",
                "operationId: dispatchTicket", "operationId: searchTickets", "operationId: listAreas");
        assertThat(committed).doesNotContain("TemplateInstance");
    }

    private static String normalise(String yaml) {
        return yaml.replace("\r\n", "\n").strip();
    }
}
