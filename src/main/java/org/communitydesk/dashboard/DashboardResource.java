package org.communitydesk.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.communitydesk.common.ProblemException;
import org.communitydesk.common.Roles;
import org.communitydesk.web.Language;
import org.communitydesk.web.PageLanguage;
import org.communitydesk.console.ConsoleChoices;
import org.communitydesk.dashboard.StatsViews.Summary;
import org.communitydesk.notification.NotificationService;
import org.communitydesk.notification.NotificationService.DeliveryHealth;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.dashboard.StatsService.Selection;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.web.PageTexts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** The supervisors' dashboard: the page, and the tickets behind it as CSV. */
@Path("/dashboard")
public class DashboardResource {

    public static final String CSV = "text/csv; charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view, String problem, DeliveryHealth delivery,
                StatsViews.Ranking ranking);
    }

    @Inject
    ConsoleChoices choices;

    @Inject
    TicketExport export;

    @Inject
    StatsService stats;

    @Inject
    RankingService ranking;

    @Inject
    CurrentActor actor;

    @Inject
    PageTexts texts;

    @Inject
    NotificationService notifications;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> page(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("streetOffice") String streetOffice, @QueryParam("community") String community) {
        TicketScope scope = actor.get().scope();
        StatsFilter filter;
        Summary summary;
        String problem = null;
        int status = 200;
        // The page's four reads (summary, trouble spots, ranking, map) read a day not stored from its tickets once.
        SharedScans shared = new SharedScans();
        try {
            filter = StatsFilter.of(from, to, streetOffice, community, stats.today());
            summary = stats.summary(filter, scope, shared);
        } catch (ProblemException bad) {
            // A hand-edited URL (a bad date, an area outside the user's): say why, and show the default view.
            problem = pageText(bad);
            status = bad.status();
            filter = StatsFilter.of(null, null, null, null, stats.today());
            summary = stats.summary(filter, scope, shared);
        }
        StatsViews.Ranking units = ranking.ranking(filter, scope, shared);
        DashboardView view = new DashboardView(filter, summary, choices.streetOffices(scope),
                choices.communities(scope), stats.placeMap(filter, scope, summary.hotspots(), shared));
        return RestResponse.ResponseBuilder
                .create(RestResponse.Status.fromStatusCode(status), Templates.dashboard(view, problem, notifications.health(), units)).build();
    }

    /** Why the filters were refused, in the page's language and naming the fields as the form labels them. */
    private String pageText(ProblemException refused) {
        var msg = texts.forms();
        if (refused instanceof StatsFilter.PeriodProblem period) {
            return switch (period.kind) {
                case REVERSED -> msg.dashReversed(period.from, period.to);
                case TOO_LONG -> msg.dashTooLong(StatsFilter.MAX_DAYS);
                case NOT_A_DATE -> msg.dashNotADate(period.field);
            };
        }
        return refused.status() == 403 ? msg.dashOutsideArea() : texts.problem(refused);
    }

    @GET
    @Path("/export.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response exportCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("streetOffice") String streetOffice, @QueryParam("community") String community,
            io.vertx.ext.web.RoutingContext routing) {
        StatsFilter filter = StatsFilter.of(from, to, streetOffice, community, stats.today());
        Selection selection = export.select(filter, actor.get().scope());
        Language language = PageLanguage.of(routing);
        StreamingOutput body = out -> export.write(selection, language, out);
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"communitydesk-tickets-" + filter.from() + "-"
                        + filter.to() + ".csv\"")
                .build();
    }
    @GET
    @Path("/ranking.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response rankingCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("streetOffice") String streetOffice, @QueryParam("community") String community) {
        StatsFilter filter = StatsFilter.of(from, to, streetOffice, community, stats.today());
        StatsViews.Ranking units = ranking.ranking(filter, actor.get().scope());
        StreamingOutput body = out -> RankingExport.write(units, out);
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"communitydesk-ranking-" + filter.from() + "-"
                        + filter.to() + ".csv\"")
                .build();
    }
}
