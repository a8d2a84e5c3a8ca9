package org.communitydesk.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.Roles;
import org.communitydesk.dashboard.DashboardResource;
import org.communitydesk.dashboard.TicketExport;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.ticket.TicketQuery;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.ticket.TicketSearch;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The queue's current filter as CSV. Its own class on the full path: under {@code /console/tickets} the ticket
 * page's {@code {code}} would take "export.csv" for a tracking code.
 */
@Path("/console/tickets/export.csv")
public class QueueExportResource {

    @Inject
    TicketSearch search;

    @Inject
    CurrentActor actor;

    @Inject
    TicketExport export;

    /**
     * The current filter's tickets as CSV (the dashboard's columns, no personal data), in the caller's scope;
     * a caller search only for those who may make it. A bad filter is refused before anything is streamed.
     */
    @GET
    @Produces(DashboardResource.CSV)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response exportCsv(@BeanParam TicketQuery query, UriInfo uri, io.vertx.ext.web.RoutingContext routing) {
        var caller = actor.get();
        TicketScope scope = caller.scope();
        QueueFilter filter = QueueFilter.of(query, uri);
        if (!filter.caller().isEmpty() && !QueueResource.mayFindCallers(caller)) {
            throw new ForbiddenProblem("Searching by caller is for the offices.");
        }
        TicketSearch.CallerMatch callers = search.callerMatch(filter.caller());
        search.idsAfter(query, scope, caller.roles(), callers, 0, 1); // checks the filter: a bad one is a 400 page, not a cut-off file
        var language = org.communitydesk.web.PageLanguage.of(routing);
        StreamingOutput body = out -> export.writeIds(
                afterId -> search.idsAfter(query, scope, caller.roles(), callers, afterId, TicketExport.CHUNK), language, out);
        return Response.ok(body, DashboardResource.CSV)
                .header("Content-Disposition", "attachment; filename=\"communitydesk-queue.csv\"").build();
    }
}
