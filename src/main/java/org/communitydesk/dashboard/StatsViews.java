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
}
