package org.communitydesk.backup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.communitydesk.common.Problem;
import org.communitydesk.common.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operating the installation (ADMIN): online backups. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Backups of the installation")
public class BackupResource {

    @Inject
    BackupService backups;

    @POST
    @Path("/backup")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createBackup", summary = "Back up the embedded H2 database while the service runs",
            description = "Writes a ZIP of the H2 database file into communitydesk.backup.directory, named "
                    + "communitydesk-<UTC time>.zip. Restore: unzip it into a new directory and start the service "
                    + "with its JDBC URL pointing there. On PostgreSQL use pg_dump instead (409).")
    @APIResponse(responseCode = "201", description = "The backup was written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackupView.class)))
    @APIResponse(responseCode = "409", description = "No online backup here: PostgreSQL (use pg_dump), an in-memory "
            + "database, or a backup already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "500", description = "The backup could not be written (see the server log)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createBackup() {
        return Response.status(Response.Status.CREATED).entity(backups.backUp()).build();
    }
}
