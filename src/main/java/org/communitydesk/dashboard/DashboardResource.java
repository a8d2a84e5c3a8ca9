package org.communitydesk.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.communitydesk.common.Roles;
import org.communitydesk.dashboard.StatsService.Selection;
import org.communitydesk.ticket.CurrentActor;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The supervisors' dashboard: its download (the page comes with the staff console). */
@Path("/dashboard")
public class DashboardResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    TicketExport export;

    @Inject
    StatsService stats;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/export.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response exportCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("streetOffice") String streetOffice, @QueryParam("community") String community) {
        StatsFilter filter = StatsFilter.of(from, to, streetOffice, community, stats.today());
        Selection selection = export.select(filter, actor.get().scope());
        StreamingOutput body = out -> export.write(selection, out);
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"communitydesk-tickets-" + filter.from() + "-"
                        + filter.to() + ".csv\"")
                .build();
    }
}
