package org.communitydesk.photo;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.Problem;
import org.communitydesk.common.QueryParams;
import org.communitydesk.common.Roles;
import org.communitydesk.photo.PhotoProblems.PhotoTooLarge;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.communitydesk.photo.PhotoViews.PhotoList;
import org.communitydesk.photo.PhotoViews.PhotoRemoval;
import org.communitydesk.photo.PhotoViews.PhotoView;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.ticket.Visibility;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The images of photos, by their random id: PUBLIC ones for anyone, INTERNAL ones for staff in scope. */
@Path("/api/photos")
// Either way: without credentials (PUBLIC photos), or with them (INTERNAL photos in the caller's scope).
@SecurityRequirementsSet({})
@SecurityRequirementsSet(@SecurityRequirement(name = "basicAuth"))
@Tag(name = "Photos")
public class PhotoResource {

    static final String PUBLIC_CACHE = "public, max-age=86400, immutable";
    static final String PRIVATE_CACHE = "private, no-store";

    @Inject
    PhotoService photos;

    @Inject
    CurrentActor actor;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{id}")
    @Produces("image/jpeg")
    @PermitAll
    @Operation(operationId = "getPhoto", summary = "A photo's image",
            description = "A PUBLIC photo opens without a login (its id is random and cannot be guessed); an INTERNAL "
                    + "one only for staff whose scope covers its ticket, and answers 404 to anyone else.")
    @APIResponse(responseCode = "200", description = "The JPEG",
            headers = { @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such photo, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getPhoto(@PathParam("id") String id) {
        return download(photos.open(id, false, caller()));
    }

    @GET
    @Path("/{id}/thumbnail")
    @Produces("image/jpeg")
    @PermitAll
    @Operation(operationId = "getPhotoThumbnail", summary = "A photo's thumbnail (at most 320 px)",
            description = "Reachable as the photo itself is.")
    @APIResponse(responseCode = "200", description = "The JPEG",
            headers = { @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such photo, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getPhotoThumbnail(@PathParam("id") String id) {
        return download(photos.open(id, true, caller()));
    }

    @POST
    @Path("/{id}/removal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    // Only with credentials, unlike the reads above.
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "removePhoto", summary = "Remove a photo, with a reason (ADMIN)",
            description = "The photo's row is removed and an INTERNAL line with the reason is added to its ticket's "
                    + "timeline. The image and thumbnail files are deleted from the store unless another photo "
                    + "(the same image sent twice) still names them.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "No reason given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an ADMIN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such photo",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response removePhoto(@PathParam("id") String id, @NotNull @Valid PhotoRemoval removal) {
        PhotoService.Removed removed = photos.remove(id, removal.reason(), actor.get());
        photos.releaseBytes(removed);
        return Response.noContent().build();
    }

    private Optional<org.communitydesk.ticket.Caller> caller() {
        return identity.isAnonymous() ? Optional.empty() : Optional.of(actor.get());
    }

    private static Response download(PhotoService.Download photo) {
        return Response.ok(photo.bytes(), photo.contentType())
                .header(HttpHeaders.CACHE_CONTROL, photo.isPublic() ? PUBLIC_CACHE : PRIVATE_CACHE)
                .header("X-Content-Type-Options", "nosniff")
                // The name is ours (ticket code and number), never the uploader's.
                .header("Content-Disposition", "inline; filename=\"" + photo.fileName() + "\"")
                .build();
    }
}
