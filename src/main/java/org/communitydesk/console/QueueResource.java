package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.communitydesk.common.PageResponse;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.ProblemException;
import org.communitydesk.ticket.Caller;
import org.communitydesk.common.Roles;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.ticket.TicketQuery;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.ticket.TicketSearch;
import org.communitydesk.ticket.TicketStatus;
import org.communitydesk.ticket.TicketViews.Ref;
import org.communitydesk.ticket.TicketViews.TicketSummary;
import org.communitydesk.web.PageTexts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** The ticket queue: the list API's filters as a form, counts per status along the top, overdue tickets marked. */
@Path("/console/tickets")
@Produces(MediaType.TEXT_HTML)
public class QueueResource {

    static final int PAGE_SIZE = 25;

    /** The queue as the page shows it; links keep the other filters. */
    public record Queue(QueueFilter filter, PageResponse<TicketSummary> page, Map<TicketStatus, Long> counts,
            long totalAllStatuses, List<ConsoleChoices.CategoryChoice> categories, List<Ref> communities,
            List<Ref> organizations, String previousPage, String nextPage, int pageNumber, int pageCount,
            boolean capped, Map<String, String> excerpts, boolean mayFindCallers) {

        public String excerpt(String code) {
            return excerpts.getOrDefault(code, "");
        }

        /** More matches than a text search counts: the totals show as "over 1000", the tabs without numbers. */
        public int cap() {
            return TicketSearch.TEXT_COUNT_CAP;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Queue queue, Flash.Message flash, String problem, boolean callerRefused);
    }

    @Inject
    PageTexts texts;

    @Inject
    TicketSearch search;

    @Inject
    ConsoleChoices choices;

    @Inject
    CurrentActor actor;

    @Inject
    Flash flash;

    /** Callers' names and phones are for the offices; contractors never search by them (nor see them). */
    static boolean mayFindCallers(Caller caller) {
        return caller.hasRole(Roles.STAFF) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN);
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> queue(@BeanParam TicketQuery query, UriInfo uri,
            @CookieParam(Flash.COOKIE) String flashId) {
        var caller = actor.get();
        TicketScope scope = caller.scope();
        QueueFilter filter = QueueFilter.of(query, uri);
        query.size = Integer.toString(PAGE_SIZE);
        if (query.sort == null || query.sort.isBlank()) {
            // Open work first by what is due soonest; any other view newest first.
            query.sort = filter.onlyOpen() || filter.needsMeOn() ? "dueAt" : "-reportedAt";
        }
        Flash.Message message = flash.take(caller.actor().name(), flashId, null).orElse(null);
        PageResponse<TicketSummary> page;
        Map<TicketStatus, Long> counts;
        Map<String, String> excerpts = Map.of();
        boolean capped = false;
        boolean callerRefused = false;
        String problem = null;
        int status = 200;
        try {
            if (!filter.caller().isEmpty() && !mayFindCallers(caller)) {
                callerRefused = true;
                throw new ForbiddenProblem("Searching by caller is for the offices.");
            }
            TicketSearch.Queue found = search.queue(query, caller, search.callerMatch(filter.caller()));
            page = found.page();
            counts = found.counts();
            capped = found.capped();
            excerpts = found.excerpts();
        } catch (ProblemException bad) {
            // A hand-edited URL with a bad filter: show the empty queue and say why, not an error page.
            problem = texts.problem(bad);
            status = bad.status();
            page = new PageResponse<>(List.of(), 0, PAGE_SIZE, 0);
            counts = Map.of();
        }
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        int pageCount = (int) Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Queue queue = new Queue(filter, page, counts, all, choices.categories(), choices.communities(scope),
                choices.organizations(), page.page() > 0 ? filter.withPage(page.page() - 1) : null,
                page.page() + 1 < pageCount ? filter.withPage(page.page() + 1) : null, page.page() + 1, pageCount,
                capped, excerpts, mayFindCallers(caller));
        var response = RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(status),
                Templates.queue(queue, message, callerRefused ? null : problem, callerRefused));
        if (message != null) {
            response.cookie(Flash.spent());
        }
        return response.build();
    }
}
