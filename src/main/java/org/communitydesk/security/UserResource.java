package org.communitydesk.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.communitydesk.common.PageResponse;
import org.communitydesk.common.Problem;
import org.communitydesk.common.Roles;
import io.vertx.core.http.HttpServerRequest;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.security.UserViews.ChangePasswordRequest;
import org.communitydesk.security.UserViews.CreateUserRequest;
import org.communitydesk.security.UserViews.CurrentUserView;
import org.communitydesk.security.UserViews.EmailRequest;
import org.communitydesk.security.UserViews.PasswordRequest;
import org.communitydesk.security.UserViews.SecurityEventView;
import org.communitydesk.security.UserViews.UserView;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.common.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts: who is signed in, user management and the security log (ADMIN). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Users, roles and the security log")
public class UserResource {

    @Inject
    Accounts accounts;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/me")
    @Authenticated
    @Operation(operationId = "getCurrentUser", summary = "The signed-in user, role and scope")
    public CurrentUserView getCurrentUser() {
        UserView user = accounts.get(identity.getPrincipal().getName());
        TicketScope scope = identity.getAttribute(CurrentActor.SCOPE_ATTRIBUTE);
        return new CurrentUserView(user.username(), user.displayName(), user.role(),
                scope == null ? null : scope.kind().name());
    }

    @POST
    @Path("/me/password")
    @Authenticated
    @Operation(operationId = "changeOwnPassword", summary = "Change your own password, giving the current one; "
            + "ends every session of yours")
    @APIResponse(responseCode = "204", description = "Changed; sign in with the new password")
    @APIResponse(responseCode = "400", description = "The current password is wrong, or the new one is refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failed attempts from your address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void changeOwnPassword(@NotNull @Valid ChangePasswordRequest request, HttpServerRequest http) {
        accounts.changeOwnPassword(identity.getPrincipal().getName(), request.currentPassword(), request.newPassword(),
                ClientFailure.addressOf(http));
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listUsers", summary = "All users, with their recent failed sign-ins")
    public List<UserView> listUsers() {
        return accounts.list();
    }

    @POST
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createUser", summary = "Create a user with a role and its scope")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Invalid user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The user name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createUser(@NotNull @Valid CreateUserRequest request, UriInfo uriInfo) {
        UserView user = accounts.create(request, identity.getPrincipal().getName());
        return Response.created(uriInfo.getBaseUriBuilder().path("api/users").path(user.username()).build())
                .entity(user).build();
    }

    @GET
    @Path("/users/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getUser", summary = "One user")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView getUser(@PathParam("username") String username) {
        return accounts.get(username);
    }

    @POST
    @Path("/users/{username}/enable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "enableUser", summary = "Enable a user; also lifts the delays of failed sign-ins on their name")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView enableUser(@PathParam("username") String username) {
        return accounts.enable(username, identity.getPrincipal().getName());
    }

    @POST
    @Path("/users/{username}/disable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "disableUser", summary = "Disable a user; their sign-ins and sessions stop at once")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView disableUser(@PathParam("username") String username) {
        return accounts.disable(username, identity.getPrincipal().getName());
    }

    @PUT
    @Path("/users/{username}/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setUserEmail", summary = "Set or remove the e-mail address where the user's notifications go")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "400", description = "Not an e-mail address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView setUserEmail(@PathParam("username") String username, @NotNull @Valid EmailRequest request) {
        return accounts.setEmail(username, request.email(), identity.getPrincipal().getName());
    }

    @POST
    @Path("/users/{username}/password")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "resetUserPassword", summary = "Set a new password; ends the user's sessions and lifts the delays on their name")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView resetUserPassword(@PathParam("username") String username, @NotNull @Valid PasswordRequest request) {
        return accounts.resetPassword(username, request.password(), identity.getPrincipal().getName());
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listSecurityEvents", summary = "Sign-ins, failures, delays, sign-outs and user changes, newest first")
    public PageResponse<SecurityEventView> listSecurityEvents(
            @Parameter(schema = @Schema(implementation = SecurityEventType.class)) @QueryParam("type") String type,
            @QueryParam("username") String username,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50")) @QueryParam("size") String size) {
        // Taken as text so that a bad value answers 400 naming the parameter (JAX-RS would answer 404).
        return accounts.audit(QueryParams.enumValue("type", type, SecurityEventType.class), username,
                QueryParams.integer("page", page, 0, 0), QueryParams.integer("size", size, 50, 1));
    }
}
