package org.communitydesk.open311;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.communitydesk.common.Problem;
import org.communitydesk.common.Roles;
import org.communitydesk.open311.ApiKeyViews.ApiKeyView;
import org.communitydesk.open311.ApiKeyViews.IssueKeyRequest;
import org.communitydesk.open311.ApiKeyViews.IssuedKeyView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys for Open311 POST requests: ADMIN issues, lists and revokes them. */
@Path("/api/open311/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Open311", description = "Open311 GeoReport v2 in JSON and XML, and the API keys for it")
public class ApiKeyResource {

    @Inject
    ApiKeys keys;

    @Inject
    SecurityIdentity identity;

    @POST
    @Operation(operationId = "issueOpen311Key", summary = "Issue an API key to an organization or application",
            description = "The answer holds the key itself, this once; only its hash is stored.")
    @APIResponse(responseCode = "201", description = "Issued; Location names the key",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedKeyView.class)))
    @APIResponse(responseCode = "400", description = "No holder named, or an unknown organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issueOpen311Key(@NotNull @Valid IssueKeyRequest request, UriInfo uriInfo) {
        IssuedKeyView issued = keys.issue(request, identity.getPrincipal().getName());
        return Response.created(uriInfo.getBaseUriBuilder().path("api/open311/keys").path(issued.key().prefix()).build())
                // The body holds the key in clear: no cache may keep it.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(issued).build();
    }

    @GET
    @Operation(operationId = "listOpen311Keys", summary = "Every API key, newest first, without secrets")
    @APIResponse(responseCode = "200", description = "The keys")
    public List<ApiKeyView> listOpen311Keys() {
        return keys.list();
    }

    @GET
    @Path("/{keyPrefix}")
    @Operation(operationId = "getOpen311Key", summary = "One API key, by its prefix")
    @APIResponse(responseCode = "200", description = "The key, without its secret")
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiKeyView getOpen311Key(@PathParam("keyPrefix") String keyPrefix) {
        return keys.get(keyPrefix);
    }

    @POST
    @Path("/{keyPrefix}/revoke")
    @Operation(operationId = "revokeOpen311Key", summary = "Revoke an API key; POSTs with it fail at once",
            description = "Revoking a revoked key changes nothing. The key stays listed, for the record.")
    @APIResponse(responseCode = "200", description = "The key, revoked")
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiKeyView revokeOpen311Key(@PathParam("keyPrefix") String keyPrefix) {
        return keys.revoke(keyPrefix, identity.getPrincipal().getName());
    }
}
