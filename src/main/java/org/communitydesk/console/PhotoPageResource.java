package org.communitydesk.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.communitydesk.common.Roles;
import org.communitydesk.photo.PhotoService;
import org.communitydesk.ticket.CurrentActor;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A ticket's photos for the signed-in pages: the API's reads take HTTP Basic only, so a browser signed in to the
 * console opens the images (INTERNAL ones too, in the user's scope) here, with the same answers otherwise.
 */
@Path("/console/photos/{id}")
@RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
public class PhotoPageResource {

    @Inject
    PhotoService photos;

    @Inject
    CurrentActor actor;

    @GET
    @Produces("image/jpeg")
    @Operation(hidden = true)
    public Response image(@PathParam("id") String id) {
        return download(photos.open(id, false, Optional.of(actor.get())));
    }

    @GET
    @Path("thumbnail")
    @Produces("image/jpeg")
    @Operation(hidden = true)
    public Response thumbnail(@PathParam("id") String id) {
        return download(photos.open(id, true, Optional.of(actor.get())));
    }

    private static Response download(PhotoService.Download photo) {
        // As the API answers: an INTERNAL photo is kept by no cache, a PUBLIC one only by the browser here.
        return Response.ok(photo.bytes(), photo.contentType())
                .header(HttpHeaders.CACHE_CONTROL, photo.isPublic() ? "private, max-age=86400" : "private, no-store")
                .header("Content-Disposition", "inline; filename=\"" + photo.fileName() + "\"")
                .build();
    }
}
