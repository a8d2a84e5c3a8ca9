package org.communitydesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed spec keeps what Redocly CLI's "recommended" rules ask of it (issue 16), checked offline in every
 * build: the rules it broke before and the ones generated clients depend on. The structure itself is validated by
 * openapi-generator when the build generates the test client from the same file (pom.xml). By hand,
 * {@code npx --yes @redocly/cli@2.77.0 lint openapi/openapi.yaml} gives the full set (README, API overview).
 * A plain test: it reads the file, no service runs.
 */
class OpenApiLintTest {

    /** Another file can be checked with -Dlint.spec=path (to see what an older spec broke). */
    static final Path SPEC = Path.of(System.getProperty("lint.spec", "openapi/openapi.yaml"));
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    static JsonNode spec;

    @BeforeAll
    static void read() throws IOException {
        spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
    }

    /** Each operation as "METHOD path" with its node. */
    static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    @Test
    void everyOperationListsA2xxFirstAndHasA4xx() {
        List<String> faults = new ArrayList<>();
        operations().forEach((name, op) -> {
            Iterator<String> codes = op.path("responses").fieldNames();
            if (!codes.hasNext() || !codes.next().startsWith("2")) {
                faults.add(name + ": the first response is not a 2xx");
            }
            List<String> all = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(all::add);
            if (all.stream().noneMatch(code -> code.startsWith("4"))) {
                faults.add(name + ": no 4xx response (operation-4xx-response)");
            }
        });
        assertThat(faults).isEmpty();
    }

    /** The reads that answer 304 (HttpPrecisionTest) say so, so that clients can cache them. */
    @Test
    void conditionalReadsDocumentIfNoneMatchAnd304() {
        Map<String, JsonNode> operations = operations();
        List<String> faults = new ArrayList<>();
        for (String read : List.of("GET /api/tickets/{code}", "GET /api/areas", "GET /api/sites", "GET /api/organizations",
                "GET /api/categories")) {
            JsonNode op = operations.get(read);
            assertThat(op).as(read).isNotNull();
            if (!op.path("responses").has("304")) {
                faults.add(read + ": no 304");
            }
            if (!op.path("responses").path("200").path("headers").has("ETag")) {
                faults.add(read + ": no ETag header on 200");
            }
            boolean ifNoneMatch = false;
            for (JsonNode parameter : op.path("parameters")) {
                ifNoneMatch |= parameter.path("name").asText().equals("If-None-Match") && parameter.path("in").asText().equals("header");
            }
            if (!ifNoneMatch) {
                faults.add(read + ": no If-None-Match parameter");
            }
        }
        operations.forEach((name, op) -> {
            if (op.toString().contains("x-conditional-read")) {
                faults.add(name + ": the build-time marker was published");
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void every4xxUnderApiIsAProblemJson() {
        List<String> faults = new ArrayList<>();
        operations().forEach((name, op) -> op.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("4") && name.contains(" /api/")
                    && response.getValue().path("content").path(Problem.MEDIA_TYPE).path("schema").isMissingNode()) {
                faults.add(name + " " + response.getKey() + ": no application/problem+json schema");
            }
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void everyOperationSaysItsSecurity() {
        boolean global = spec.has("security");
        List<String> faults = new ArrayList<>();
        operations().forEach((name, op) -> {
            if (!global && !op.has("security")) {
                faults.add(name + ": no security, not even [] (security-defined)");
            }
        });
        assertThat(faults).isEmpty();
        assertThat(spec.path("components").path("securitySchemes").has("basicAuth")).isTrue();
    }

    @Test
    void operationIdsAreUniqueUrlSafeAndSummarised() {
        Set<String> seen = new HashSet<>();
        List<String> faults = new ArrayList<>();
        operations().forEach((name, op) -> {
            String id = op.path("operationId").asText("");
            if (id.isEmpty() || !seen.add(id) || !id.matches("[A-Za-z0-9_.~-]+")) {
                faults.add(name + ": operationId '" + id + "' missing, repeated or not URL-safe");
            }
            if (op.path("summary").asText("").isBlank()) {
                faults.add(name + ": no summary (operation-summary)");
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void pathParametersAreDeclared() {
        Pattern placeholder = Pattern.compile("\\{([^}]+)}");
        List<String> faults = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            Set<String> declared = new HashSet<>();
            for (JsonNode parameter : op.getValue().path("parameters")) {
                if ("path".equals(parameter.path("in").asText())) {
                    declared.add(parameter.path("name").asText());
                }
            }
            for (JsonNode parameter : path.getValue().path("parameters")) {
                if ("path".equals(parameter.path("in").asText())) {
                    declared.add(parameter.path("name").asText());
                }
            }
            Matcher matcher = placeholder.matcher(path.getKey());
            while (matcher.find()) {
                if (!declared.contains(matcher.group(1))) {
                    faults.add(op.getKey() + " " + path.getKey() + ": {" + matcher.group(1) + "} is not declared");
                }
            }
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void serversPointAtNoPlaceholderHost() {
        for (JsonNode server : spec.path("servers")) {
            String url = server.path("url").asText();
            assertThat(url).as("no-server-example.com").doesNotContainPattern("(^|[/.])(example\\.com|localhost)([/:?]|$)");
            assertThat(url.equals("/") || !url.endsWith("/")).as("no-server-trailing-slash: " + url).isTrue();
        }
        assertThat(spec.path("info").path("license").path("url").asText()).as("info-license-url").isNotBlank();
    }

    @Test
    void everyReferenceResolvesAndEverySchemaIsUsed() {
        Set<String> refs = new TreeSet<>();
        collectRefs(spec, refs);
        Set<String> defined = new TreeSet<>();
        spec.path("components").path("schemas").fieldNames().forEachRemaining(name -> defined.add("#/components/schemas/" + name));
        assertThat(defined).as("no-unresolved-refs").containsAll(refs.stream()
                .filter(ref -> ref.startsWith("#/components/schemas/")).toList());
        assertThat(refs).as("no-unused-components").containsAll(defined);
    }

    @Test
    void examplesMatchTheirSchemasType() {
        List<String> faults = new ArrayList<>();
        checkExamples(spec, "#", faults);
        assertThat(faults).as("no-invalid-schema-examples").isEmpty();
    }

    @Test
    void operationTagsAreDefined() {
        Set<String> tags = new HashSet<>();
        spec.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        operations().forEach((name, op) -> op.path("tags").forEach(tag ->
                assertThat(tags).as(name + " tag (operation-tag-defined)").contains(tag.asText())));
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    /** A schema with a plain type and examples: each example must be of that type. */
    private static void checkExamples(JsonNode node, String where, List<String> faults) {
        if (node.isObject()) {
            JsonNode type = node.path("type");
            JsonNode examples = node.path("examples");
            if (type.isTextual() && examples.isArray()) {
                for (JsonNode example : examples) {
                    if (!fits(type.asText(), example)) {
                        faults.add(where + ": example " + example + " is not of type " + type.asText());
                    }
                }
            }
            node.fields().forEachRemaining(field -> checkExamples(field.getValue(), where + "/" + field.getKey(), faults));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkExamples(node.get(i), where + "/" + i, faults);
            }
        }
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }
}
