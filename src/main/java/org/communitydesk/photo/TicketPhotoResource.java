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
import org.communitydesk.photo.PhotoViews.PhotoList;
import org.communitydesk.photo.PhotoViews.PhotoView;
import org.communitydesk.ticket.ETags;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.ticket.Visibility;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A ticket's photos: uploads by staff and contractors, the list for staff in scope. A class of its own under the
 * ticket's path, since JAX-RS picks the root class with the longest matching path and never falls back to another.
 */
@Path("/api/tickets/{code}/photos")
@Tag(name = "Photos", description = "Photos of tickets: uploaded, re-encoded without metadata, served by an unguessable id")
public class TicketPhotoResource {

    @Inject
    PhotoService photos;

    @Inject
    PhotoConfig config;

    @Inject
    CurrentActor actor;

    private volatile PhotoImages images;

    /** The multipart body of an upload, for the OpenAPI description. */
    @Schema(name = "PhotoUpload", requiredProperties = "file")
    public static class UploadForm {
        @Schema(description = "One or more images (JPEG, PNG or WebP; 10 MB each and 5 files by default); the part may repeat.")
        public List<FileUpload> file;
        /** NOTE if absent (described in the operation: a description here makes generated clients stumble). */
        public PhotoStep step;
        /** By default PUBLIC for RESOLVE photos and INTERNAL otherwise. */
        public Visibility visibility;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(operationId = "addTicketPhotos", summary = "Attach photos to a ticket",
            description = "multipart/form-data with one or more 'file' parts, 'step' (NOTE if absent) and 'visibility' (by default PUBLIC for RESOLVE photos, INTERNAL otherwise). The request "
                    + "must also carry the header X-Requested-With (any value), which a page elsewhere cannot send "
                    + "without a CORS preflight. Each image is decoded, turned upright, scaled to at most 2048 px and "
                    + "stored as a new JPEG without any metadata; a 320 px thumbnail is made. Lead organization (or "
                    + "ADMIN) for START and RESOLVE; staff for INTAKE and REPORT; whoever may add notes for NOTE.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "The photos added, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PhotoView.class)))
    @APIResponse(responseCode = "403", description = "Not for this role at this step",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A file, the number of files, the request or an image's declared "
            + "pixels over the limit; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or WebP image, or one that does not decode; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Other photos held the memory for processing images for a minute; "
            + "nothing stored, send again after Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addTicketPhotos(@PathParam("code") String code,
            @RestForm("file") @Schema(hidden = true) List<FileUpload> files,
            @RestForm("step") @Schema(hidden = true) String step,
            @RestForm("visibility") @Schema(hidden = true) String visibility,
            @Parameter(description = "The ticket's ETag from an earlier read; a stale value answers 412.")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        var caller = actor.get();
        PhotoStep photoStep = Optional.ofNullable(QueryParams.enumValue("step", step, PhotoStep.class)).orElse(PhotoStep.NOTE);
        Visibility chosen = QueryParams.enumValue("visibility", visibility, Visibility.class);
        List<FileUpload> sent = files == null ? List.of() : files;
        if (sent.isEmpty()) {
            throw new InvalidRequestProblem("file", "Send at least one image in a 'file' part.");
        }
        if (sent.size() > config.maxFiles()) {
            throw new PhotoTooLarge(sent.size() + " files sent; at most " + config.maxFiles() + " are taken at once.");
        }
        long maxFile = config.maxFileSize().asLongValue();
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).size() > maxFile) {
                throw new PhotoTooLarge("File " + (i + 1) + " has " + sent.get(i).size() + " bytes; at most "
                        + (maxFile / (1024 * 1024)) + " MB are taken per file.");
            }
        }
        photos.checkMayAdd(code, photoStep, caller);
        List<PhotoImages.Processed> processed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            processed.add(images().process(sent.get(i).uploadedFile(), "File " + (i + 1)));
        }
        photos.storeAll(processed);
        List<PhotoView> added = photos.add(code, new PhotoService.Upload(photoStep, chosen, ETags.expectedVersion(ifMatch)), processed, caller);
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(operationId = "listTicketPhotos", summary = "The ticket's photos, oldest first, with a position "
            + "suggested by the first intake photo's GPS tags when the ticket has none")
    @APIResponse(responseCode = "200", description = "The photos",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PhotoList.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PhotoList listTicketPhotos(@PathParam("code") String code) {
        return photos.list(code, actor.get());
    }

    private PhotoImages images() {
        if (images == null) {
            images = new PhotoImages(config);
        }
        return images;
    }
}
