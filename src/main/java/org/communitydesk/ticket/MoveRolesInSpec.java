package org.communitydesk.ticket;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The spec's security of each move, from {@link MovePermissions}: an operation marked {@value #MOVE} (its value the
 * move's path name) requires HTTP Basic with the roles of the table and documents 401 and 403, as the generator
 * does for {@code @RolesAllowed}, which the moves no longer carry ({@link TicketMoveDoor}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class MoveRolesInSpec implements OASFilter {

    /** The operation extension naming the move; removed from the published spec. */
    public static final String MOVE = "x-ticket-move";
    /** As {@code quarkus.smallrye-openapi.security-scheme-name}. */
    static final String SCHEME = "basicAuth";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "401", "Not signed in, or the user name or password is wrong (HTTP Basic)",
            "403", "Signed in, but the role or scope does not allow it");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getExtensions() == null || !operation.getExtensions().containsKey(MOVE)) {
            return operation;
        }
        String move = String.valueOf(operation.getExtensions().get(MOVE));
        operation.removeExtension(MOVE);
        TicketAction action = TicketAction.ofPathName(move).orElseThrow(() -> new IllegalStateException(
                "Operation " + operation.getOperationId() + " names no move of TicketAction: '" + move + "'"));
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement()
                .addScheme(SCHEME, new ArrayList<>(MovePermissions.rolesFor(action)))));
        APIResponses responses = operation.getResponses();
        DESCRIPTIONS.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType("application/problem+json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
            }
        });
        // In numeric order, 2xx first, as every other operation (common.OpenApiConventions).
        List<Map.Entry<String, APIResponse>> sorted = new ArrayList<>(responses.getAPIResponses().entrySet());
        sorted.sort(Comparator.comparing(e -> e.getKey().startsWith("2") ? "0" + e.getKey() : e.getKey()));
        sorted.forEach(e -> responses.removeAPIResponse(e.getKey()));
        sorted.forEach(e -> responses.addAPIResponse(e.getKey(), e.getValue()));
        return operation;
    }
}
