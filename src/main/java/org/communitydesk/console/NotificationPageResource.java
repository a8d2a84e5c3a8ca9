package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.communitydesk.common.PageResponse;
import org.communitydesk.common.ProblemException;
import org.communitydesk.common.QueryParams;
import org.communitydesk.common.Roles;
import org.communitydesk.notification.Audience;
import org.communitydesk.notification.ChannelKind;
import org.communitydesk.notification.NotificationService;
import org.communitydesk.notification.NotificationState;
import org.communitydesk.notification.NotificationViews.NotificationView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/** ADMIN's page of the outbox: state, attempts and last error of each message, filters, and a retry of failed ones. */
@Path("/console/notifications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class NotificationPageResource {

    static final int PAGE_SIZE = 25;

    /** The filters as the form shows them (raw, so that a bad one is shown back), and links that keep them. */
    public record Filter(String state, String audience, String channel, String ticket) {

        public String withPage(int page) {
            return link(page);
        }

        String link(Integer page) {
            UriBuilder uri = UriBuilder.fromPath("/console/notifications");
            add(uri, "state", state);
            add(uri, "audience", audience);
            add(uri, "channel", channel);
            add(uri, "ticket", ticket);
            if (page != null && page > 0) {
                uri.queryParam("page", page);
            }
            return uri.build().toString();
        }

        private static void add(UriBuilder uri, String name, String value) {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value.strip());
            }
        }
    }

    public record Listing(Filter filter, PageResponse<NotificationView> page, List<NotificationState> states,
            List<Audience> audiences, List<ChannelKind> channels, String previousPage, String nextPage, int pageNumber,
            int pageCount) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(Listing listing, Flash.Message flash, String problem);
    }

    @Inject
    NotificationService notifications;

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfTokens csrf;

    @Inject
    Flash flash;

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> list(@QueryParam("state") String state, @QueryParam("audience") String audience,
            @QueryParam("channel") String channel, @QueryParam("ticket") String ticket, @QueryParam("page") String page,
            @CookieParam(Flash.COOKIE) String flashId) {
        Filter filter = new Filter(state, audience, channel, ticket);
        Flash.Message message = flash.take(identity.getPrincipal().getName(), flashId, null).orElse(null);
        PageResponse<NotificationView> found;
        String problem = null;
        int status = 200;
        try {
            found = notifications.list(QueryParams.enumValue("state", state, NotificationState.class), ticket,
                    QueryParams.enumValue("audience", audience, Audience.class),
                    QueryParams.enumValue("channel", channel, ChannelKind.class),
                    QueryParams.integer("page", page, 0, 0), PAGE_SIZE);
        } catch (ProblemException bad) {
            // A hand-edited URL: show the empty list and say why.
            problem = bad.detail();
            status = bad.status();
            found = new PageResponse<>(List.of(), 0, PAGE_SIZE, 0);
        }
        int pageCount = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Listing listing = new Listing(filter, found, List.of(NotificationState.values()), List.of(Audience.values()),
                List.of(ChannelKind.values()), found.page() > 0 ? filter.withPage(found.page() - 1) : null,
                found.page() + 1 < pageCount ? filter.withPage(found.page() + 1) : null, found.page() + 1, pageCount);
        var response = RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(status),
                Templates.notifications(listing, message, problem));
        if (message != null) {
            response.cookie(Flash.spent());
        }
        return response.build();
    }

    /** Post/Redirect/Get back to the list as it was filtered. */
    @POST
    @Path("/{id}/retry")
    @Operation(hidden = true)
    public Response retry(@PathParam("id") long id, @RestForm(CsrfTokens.FIELD) String token, @RestForm String state,
            @RestForm String audience, @RestForm String channel, @RestForm String ticket) {
        String user = identity.getPrincipal().getName();
        Flash.Message message;
        if (!csrf.accepts(user, token)) {
            message = Flash.Message.failed("noteFormExpired", null);
        } else {
            try {
                NotificationView retried = notifications.retry(id, user);
                message = Flash.Message.done("noteRetried", "#" + retried.id() + " " + retried.ticketCode());
            } catch (ProblemException refused) {
                message = new Flash.Message("noteNotRetried", true, null, "#" + id, null);
            }
        }
        String back = new Filter(state, audience, channel, ticket).link(null);
        return Response.seeOther(java.net.URI.create(back)).cookie(flash.keep(user, null, message)).build();
    }
}
