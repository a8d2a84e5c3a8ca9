package org.communitydesk.notification;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.communitydesk.common.PageResponse;
import org.communitydesk.common.Problem;
import org.communitydesk.common.QueryParams;
import org.communitydesk.common.Roles;
import org.communitydesk.notification.NotificationViews.NotificationView;
import org.communitydesk.notification.NotificationViews.TargetRequest;
import org.communitydesk.notification.NotificationViews.TargetView;
import org.communitydesk.notification.NotificationViews.WebhookRequest;
import org.communitydesk.notification.NotificationViews.WebhookView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ADMIN's view of the outbox (state, attempts, last error; retry of failed messages) and the robots' registry. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Notifications", description = "The outbox of text messages and robot messages, and where organizations are reached")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/notifications")
    @Operation(operationId = "listNotifications", summary = "Notifications, newest first, filtered by state, ticket, audience, channel")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    @APIResponse(responseCode = "400", description = "An unknown state, audience or channel, or a bad page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<NotificationView> listNotifications(@QueryParam("state") String state,
            @QueryParam("ticket") String ticket, @QueryParam("audience") String audience,
            @QueryParam("channel") String channel, @QueryParam("page") String page, @QueryParam("size") String size) {
        return notifications.list(QueryParams.enumValue("state", state, NotificationState.class), ticket,
                QueryParams.enumValue("audience", audience, Audience.class),
                QueryParams.enumValue("channel", channel, ChannelKind.class),
                QueryParams.integer("page", page, 0, 0), QueryParams.integer("size", size, 20, 1));
    }

    @POST
    @Path("/notifications/{id}/retry")
    @Operation(operationId = "retryNotification", summary = "Send a FAILED notification again, with a fresh day of retries")
    @APIResponse(responseCode = "200", description = "The notification, PENDING again")
    @APIResponse(responseCode = "404", description = "No such notification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The notification is not FAILED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView retryNotification(@PathParam("id") long id) {
        return notifications.retry(id, identity.getPrincipal().getName());
    }

    @GET
    @Path("/notification-targets")
    @Operation(operationId = "listNotificationTargets", summary = "Where organizations and street offices are reached")
    @APIResponse(responseCode = "200", description = "The targets; robot URLs cut to their host")
    public List<TargetView> listNotificationTargets() {
        return notifications.targets();
    }

    @POST
    @Path("/notification-targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addNotificationTarget", summary = "Register a group robot for an organization or a street office",
            description = "The URL must be http(s) and, unless communitydesk.notifications.allow-private-addresses is set, "
                    + "must not resolve to a loopback or private-range address.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "An unknown owner, a channel that is not a robot, or a refused URL",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addNotificationTarget(@NotNull @Valid TargetRequest request, UriInfo uriInfo) {
        TargetView added = notifications.addTarget(request, identity.getPrincipal().getName());
        return Response.created(uriInfo.getBaseUriBuilder().path("api/admin/notification-targets")
                .path(String.valueOf(added.id())).build()).entity(added).build();
    }

    @DELETE
    @Path("/notification-targets/{id}")
    @Operation(operationId = "removeNotificationTarget", summary = "Stop sending to a target; its messages already written still go")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void removeNotificationTarget(@PathParam("id") long id) {
        notifications.removeTarget(id, identity.getPrincipal().getName());
    }

    @GET
    @Path("/webhooks")
    @Operation(operationId = "listWebhooks", summary = "The integrations' signed webhooks")
    @APIResponse(responseCode = "200", description = "The webhooks; URLs cut to their host, secrets never shown")
    public List<WebhookView> listWebhooks() {
        return notifications.webhooks();
    }

    @POST
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addWebhook", summary = "Register a signed webhook for the event types an integration wants",
            description = "Each delivery is the event as JSON with X-CommunityDesk-Event, X-CommunityDesk-Delivery, "
                    + "X-CommunityDesk-Timestamp and X-CommunityDesk-Signature-256 (sha256=hex HMAC-SHA-256 of "
                    + "timestamp + '.' + body under the secret). The URL must be http(s) and, unless "
                    + "communitydesk.notifications.allow-private-addresses is set, must not resolve to a loopback or "
                    + "private-range address.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it; the secret is shown this once if made up here",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "An unknown event type or organization, or a refused URL",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addWebhook(@NotNull @Valid WebhookRequest request, UriInfo uriInfo) {
        WebhookView added = notifications.addWebhook(request, identity.getPrincipal().getName());
        return Response.created(uriInfo.getBaseUriBuilder().path("api/admin/webhooks").path(String.valueOf(added.id()))
                .build()).entity(added).build();
    }

    @DELETE
    @Path("/webhooks/{id}")
    @Operation(operationId = "removeWebhook", summary = "Stop calling a webhook; deliveries already written still go")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void removeWebhook(@PathParam("id") long id) {
        notifications.removeWebhook(id, identity.getPrincipal().getName());
    }
}
