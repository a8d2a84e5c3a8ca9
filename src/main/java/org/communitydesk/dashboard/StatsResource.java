package org.communitydesk.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.communitydesk.common.Problem;
import org.communitydesk.common.Roles;
import org.communitydesk.dashboard.StatsViews.Ranking;
import org.communitydesk.dashboard.StatsViews.Summary;
import org.communitydesk.ticket.CurrentActor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard's figures as JSON, for the caller's scope. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Backlog, times to dispatch and resolve, the 12345 rates, trouble spots")
public class StatsResource {

    @Inject
    StatsService stats;

    @Inject
    RankingService ranking;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "getStatsSummary", summary = "The dashboard's figures for a period and area",
            description = "Cohort figures cover the tickets reported in the period; the backlog and the overdue "
                    + "list are about now. Always limited to the caller's scope.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "400", description = "A bad date, a period over 366 days or an unknown area",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Summary getStatsSummary(
            @Parameter(description = "First report date, e.g. 2026-11-01 (default: 29 days before to)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last report date, included (default: today in the installation's zone)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "A street office code, within the caller's scope") @QueryParam("streetOffice") String streetOffice,
            @Parameter(description = "A community code, within the caller's scope") @QueryParam("community") String community) {
        return stats.summary(StatsFilter.of(from, to, streetOffice, community, stats.today()), actor.get().scope());
    }
    @GET
    @Path("/ranking")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "getStatsRanking", summary = "The unit ranking (考核) for a period and area",
            description = "Organizations (by the ticket's lead organization) and communities ranked by the weighted "
                    + "score of the response, resolution and satisfaction rates (weights from "
                    + "communitydesk.ranking.weights.*, default 30/35/35), beside acceptance within target, returns, "
                    + "extension requests and approvals, urgings, reopenings, and resolved on time against the "
                    + "original and the approved due time. Over the tickets reported in the period, in the caller's "
                    + "scope; /dashboard/ranking.csv carries the same figures.")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ranking.class)))
    @APIResponse(responseCode = "400", description = "A bad date, a period over 366 days or an unknown area",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "An area outside the caller's scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Ranking getStatsRanking(
            @Parameter(description = "First report date, e.g. 2026-11-01 (default: 29 days before to)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last report date, included (default: today in the installation's zone)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "A street office code, within the caller's scope") @QueryParam("streetOffice") String streetOffice,
            @Parameter(description = "A community code, within the caller's scope") @QueryParam("community") String community) {
        return ranking.ranking(StatsFilter.of(from, to, streetOffice, community, stats.today()), actor.get().scope());
    }
}
