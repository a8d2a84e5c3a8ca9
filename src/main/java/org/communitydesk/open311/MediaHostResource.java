package org.communitydesk.open311;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.communitydesk.common.Problem;
import org.communitydesk.common.Roles;
import org.communitydesk.open311.MediaHostViews.AllowHostRequest;
import org.communitydesk.open311.MediaHostViews.MediaHostView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The hosts whose Open311 media_url the service fetches: ADMIN lists, allows and removes them. */
@Path("/api/open311/media-hosts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Open311")
public class MediaHostResource {

    @Inject
    MediaHosts hosts;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(operationId = "listOpen311MediaHosts", summary = "The hosts whose media_url is fetched into a photo",
            description = "Those of the setting communitydesk.open311.media-hosts (source SETTING) and those an ADMIN "
                    + "allowed (source ADMIN). A media_url on any other host is kept as text in the description.")
    @APIResponse(responseCode = "200", description = "The allowed hosts")
    public List<MediaHostView> listOpen311MediaHosts() {
        return hosts.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "allowOpen311MediaHost", summary = "Allow media_url to be fetched from a host",
            description = "An exact host name (or IPv4 address), matched on any port, over http or https; never a "
                    + "loopback or private-range address whatever is allowed. Holds at once on every instance.")
    @APIResponse(responseCode = "201", description = "Allowed; Location names the host",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaHostView.class)))
    @APIResponse(responseCode = "400", description = "Not a bare host name: a URL, a port, a path or a wildcard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The host is allowed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response allowOpen311MediaHost(@NotNull @Valid AllowHostRequest request, UriInfo uriInfo) {
        MediaHostView allowed = hosts.allow(request.host(), identity.getPrincipal().getName());
        return Response.created(uriInfo.getBaseUriBuilder().path("api/open311/media-hosts").path(allowed.host()).build())
                .entity(allowed).build();
    }

    @DELETE
    @Path("/{host}")
    @Operation(operationId = "removeOpen311MediaHost", summary = "Stop fetching media_url from a host an ADMIN allowed")
    @APIResponse(responseCode = "204", description = "Removed; its media_url is kept as text from now on")
    @APIResponse(responseCode = "400", description = "Not a bare host name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No ADMIN allowed this host",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The host comes from the setting, and is removed there",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void removeOpen311MediaHost(@PathParam("host") String host) {
        hosts.remove(host, identity.getPrincipal().getName());
    }
}
