package org.communitydesk.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.communitydesk.ticket.TicketStatus;
import org.communitydesk.ticket.TicketViews.Ref;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of the supervisors' dashboard, as GET /api/stats/summary returns them. */
public final class StatsViews {

    private StatsViews() {
    }

    @Schema(name = "StatsSummary")
    public record Summary(
            @Schema(description = "The range of report dates the cohort figures cover, in the installation's zone.")
            Period period,
            @Schema(description = "The street office or community chosen, if any; the caller's scope always applies.")
            Ref streetOffice,
            Ref community,
            @Schema(description = "Tickets reported in the period.") long reported,
            @Schema(description = "Open tickets now, whenever they were reported.") Backlog backlog,
            Durations timeToDispatch,
            Durations timeToResolve,
            List<CategoryFigures> categories,
            @Schema(description = "Of the period's resolved tickets, those resolved by their due time.") Rate resolvedWithinSla,
            @Schema(description = "Share of the period's tickets dispatched within the category's dispatch target. "
                    + "Counted: dispatched tickets, and undispatched ones already past it (cancelled ones excepted).")
            Rate responseRate,
            @Schema(description = "Share of the period's tickets (cancelled ones excepted) that are resolved and "
                    + "confirmed resolved by the resident, or resolved more than 7 days ago without dispute.")
            Rate resolutionRate,
            @Schema(description = "Share of ratings of 4 or 5 among the feedback given on the period's tickets.")
            Rate satisfactionRate,
            @Schema(description = "Of the orders given to organizations on the period's tickets (签收), the share "
                    + "accepted within the category's acceptance target. Counted: accepted orders, and orders not "
                    + "accepted when their target passed while they stood (not released, not cancelled). Orders from "
                    + "before acceptance targets existed are not counted.")
            Rate acceptedWithinTarget,
            @Schema(description = "The same figures per community, best first.") List<CommunityFigures> communities,
            List<OrganizationFigures> organizations,
            Overdue overdue,
            @Schema(description = "Sites with 3 or more tickets of one category in the 90 days up to the period's end.")
            List<Hotspot> hotspots,
            @Schema(description = "Tickets reported and resolved per week (weeks start on Monday).") List<Week> weekly) {
    }

    public record Period(LocalDate from, LocalDate to, String zone) {
    }

    public record Backlog(long total, Map<TicketStatus, Long> byStatus, Aging aging) {
    }

    @Schema(description = "Open tickets by age: under 1 day, 1 to 3 days, 3 to 7 days, 7 days and more.")
    public record Aging(long underOneDay, long oneToThreeDays, long threeToSevenDays, long overSevenDays) {
    }

    @Schema(description = "Seconds from report, over the tickets that reached the milestone; null when none did.")
    public record Durations(long count, @Schema(nullable = true) Long medianSeconds,
            @Schema(nullable = true) Long p90Seconds) {
    }

    public record CategoryFigures(Ref category, long reported, Durations timeToDispatch, Durations timeToResolve) {
    }

    @Schema(description = "A share: part of whole; share is null when whole is 0.")
    public record Rate(long part, long whole, @Schema(nullable = true) Double share) {

        static Rate of(long part, long whole) {
            return new Rate(part, whole, whole == 0 ? null : (double) part / whole);
        }
    }

    public record CommunityFigures(int rank, Ref community, long reported, Rate responseRate, Rate resolutionRate,
            Rate satisfactionRate, Rate resolvedWithinSla, @Schema(nullable = true) Long medianSecondsToResolve) {
    }

    @Schema(description = "Per lead organization, over the period's tickets.")
    public record OrganizationFigures(Ref organization, long handled,
            @Schema(nullable = true) Long medianSecondsToResolve, long reopened,
            long overdue) {
    }

    public record Overdue(long total, List<OverdueTicket> tickets) {
    }

    public record OverdueTicket(String code, TicketStatus status, Ref category, Ref community,
            @Schema(nullable = true) Ref site,
            @Schema(nullable = true) Ref leadOrganization, Instant reportedAt, Instant dueAt) {
    }

    public record Hotspot(Ref site, Ref community, Ref category, long tickets, Instant lastReportedAt) {
    }

    public record Week(LocalDate weekStart, long reported, long resolved) {
    }

    @Schema(name = "StatsRanking", description = "Organizations (by the ticket's lead organization) and communities "
            + "ranked by a weighted score of the response, resolution and satisfaction rates, over the tickets "
            + "reported in the period, in the caller's scope. The same figures as /dashboard/ranking.csv.")
    public record Ranking(Period period, Ref streetOffice, Ref community, RankingWeights weights,
            @Schema(description = "All the period's tickets in scope, as one unit (rank 0, no unit).") UnitFigures overall,
            @Schema(description = "Per lead organization, best score first.") List<UnitFigures> organizations,
            @Schema(description = "Per community, best score first.") List<UnitFigures> communities) {
    }

    @Schema(description = "The weights of the score, as configured (communitydesk.ranking.weights.*). The score is "
            + "the weighted mean of the rates that have something counted, in percent (0–100): a rate with a whole "
            + "of 0 (no rated ticket, say) is left out and the other weights share its part; with none, the score is "
            + "null and the unit is ranked last.")
    public record RankingWeights(double response, double resolution, double satisfaction) {
    }

    @Schema(description = "One unit's figures. Rates as in StatsSummary; counts of steps (returns, extension requests, "
            + "urgings) are per organization named on the step's row, over the period's tickets; reopenings sum "
            + "ticket.reopen_count.")
    public record UnitFigures(
            @Schema(description = "1 for the best score; 0 for the overall line.") int rank,
            @Schema(nullable = true, description = "The organization or community; null for the overall line.") Ref unit,
            @Schema(description = "The period's tickets of the unit (lead organization or community).") long tickets,
            @Schema(nullable = true, description = "Weighted score, 0–100, rounded to 0.01; null when no rate had "
                    + "anything counted.") Double score,
            Rate responseRate, Rate resolutionRate, Rate satisfactionRate,
            @Schema(description = "Orders accepted within target of the orders due to be accepted (签收); for an "
                    + "organization, its own orders (ticket_assignment.organization_id).") Rate acceptedWithinTarget,
            @Schema(description = "Returns (退单) of the period's tickets.") long returns,
            @Schema(description = "Extension requests (延期申请) on the period's tickets.") long extensionsRequested,
            @Schema(description = "Of those, approved.") long extensionsApproved,
            @Schema(description = "Urgings (督办) on the period's tickets.") long urgings,
            @Schema(description = "Reopenings: the sum of the tickets' reopen counts.") long reopenings,
            @Schema(description = "Of the resolved tickets, those resolved by the original due time "
                    + "(COALESCE(original_due_at, due_at)): as if no extension had been approved.")
            Rate resolvedOnTimeOriginal,
            @Schema(description = "Of the resolved tickets, those resolved by the approved due time (due_at, moved by "
                    + "approved extensions); the same as resolvedWithinSla.") Rate resolvedOnTimeApproved) {
    }
}
