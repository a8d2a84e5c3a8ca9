package org.communitydesk.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Conventions every /api operation of the spec keeps, applied once at build time instead of repeated on each
 * method (issue 16): the answers are listed 2xx first, because generated clients take the first media type
 * they see for the Accept header; every 4xx says its body is a {@link Problem} (the 401 and 403 that Quarkus
 * adds for secured operations say nothing otherwise). Open311's errors have their own format and are left alone.
 * An operation marked {@value #CONDITIONAL_READ} (beside {@link ConditionalRead}) gets its ETag header and, for a
 * GET, the If-None-Match parameter and the 304 answer, so that nine methods do not repeat them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    /** The operation extension that marks a {@link ConditionalRead}; removed from the published spec. */
    public static final String CONDITIONAL_READ = "x-conditional-read";

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> STANDARD_DESCRIPTIONS = Map.of(
            "401", "Not signed in, or the user name or password is wrong (HTTP Basic)",
            "403", "Signed in, but the role or scope does not allow it",
            "400", "Malformed JSON, a wrong type or an invalid field");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> {
                    conditional(method, operation);
                    shape(operation);
                });
            }
        });
    }

    private static void conditional(PathItem.HttpMethod method, Operation operation) {
        if (operation.getExtensions() == null || !operation.getExtensions().containsKey(CONDITIONAL_READ)) {
            return;
        }
        operation.removeExtension(CONDITIONAL_READ);
        APIResponses responses = operation.getResponses();
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && (response.getHeaders() == null || !response.getHeaders().containsKey("ETag"))) {
                response.addHeader("ETag", OASFactory.createHeader()
                        .description("A strong tag of this content; send it back in If-None-Match (reads) or If-Match (moves)")
                        .schema(stringSchema()));
            }
        });
        if (method != PathItem.HttpMethod.GET) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("The ETag of a copy the client holds; when it still matches, the answer is 304 without a body")
                .schema(stringSchema()));
        responses.addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: the copy named in If-None-Match is current")
                .addHeader("ETag", OASFactory.createHeader()
                        .schema(stringSchema())));
    }

    private static void shape(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getAPIResponses() == null) {
            return;
        }
        List<Map.Entry<String, APIResponse>> sorted = new ArrayList<>(responses.getAPIResponses().entrySet());
        sorted.sort(Comparator.comparing(Map.Entry::getKey, OpenApiConventions::byStatus));
        sorted.forEach(entry -> responses.removeAPIResponse(entry.getKey()));
        for (Map.Entry<String, APIResponse> entry : sorted) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if (status.startsWith("4") && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
                if (STANDARD_DESCRIPTIONS.containsKey(status)) {
                    response.setDescription(STANDARD_DESCRIPTIONS.get(status));
                }
            }
            responses.addAPIResponse(status, response);
        }
    }

    private static Schema stringSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    /** 2xx first, then 3xx, 4xx, 5xx in numeric order; "default" last. */
    private static int byStatus(String a, String b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(String status) {
        if (status.matches("[1-5][0-9][0-9]")) {
            int code = Integer.parseInt(status);
            return code / 100 == 2 ? code - 1000 : code;
        }
        if (status.matches("[1-5]XX")) {
            int code = (status.charAt(0) - '0') * 100 + 99;
            return code / 100 == 2 ? code - 1000 : code;
        }
        return Integer.MAX_VALUE;
    }
}
