package org.communitydesk.dashboard;

import static org.communitydesk.dashboard.StatsService.count;
import static org.communitydesk.dashboard.StatsService.id;
import static org.communitydesk.dashboard.StatsService.instant;
import static org.communitydesk.dashboard.StatsService.nullableId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communitydesk.ticket.TicketStatus;

/**
 * The dashboard's figures computed from the tickets themselves, grouped as ticket_figures keeps them: what the
 * rollup job stores for a day, and what the summary reads for days the rollup does not hold (yet). This is where
 * each figure's definition lives; {@link StatsService} only adds groups up.
 */
@ApplicationScoped
class FigureScan {

    /** How long after its resolution a ticket without feedback counts as resolved undisputed. */
    static final java.time.Duration UNDISPUTED_AFTER = StatsService.UNDISPUTED_AFTER;

    @Inject
    EntityManager em;

    /**
     * The groups of the tickets reported (or resolved) in [from, to), their compounds' groups, and the changes of
     * their figures that the clock will make after {@code now}.
     */
    record Result(Map<FigureGroup.Key, FigureGroup> groups, Map<SiteGroup.Key, SiteGroup> sites,
            Map<UnitGroup.Key, UnitGroup> units, List<Pending> pending) {
    }

    /**
     * A ticket's change still ahead: a row of ticket_figures_pending. {@code organizationId} is the order's for
     * {@link ClockChange#ACCEPT_DUE}; {@code siteId} the compound that counts it late for {@link ClockChange#OVERDUE}.
     */
    record Pending(FigureGroup.Key key, ClockChange change, Instant at, Long organizationId, Long siteId) {
    }

    /** The figures of the tickets reported in [from, to); the ranking's {@code units} only when asked for. */
    Result scan(Where area, Instant from, Instant to, Instant now, ZoneId zone, boolean withUnits) {
        Where where = area.and("t.reported_at >= :scanFrom and t.reported_at < :scanTo").with("scanFrom", from)
                .with("scanTo", to);
        // The day's tickets first, then their feedback and orders: with inner joins H2 started from the feedback
        // given since the day (all of it, for a day a year ago) and took minutes a day at 1,000,000 tickets. An
        // outer join keeps the order on both databases; the tickets without any come back with nulls, left out.
        // Feedback comes after the report, so given_at >= the day's start keeps PostgreSQL to that index range.
        Map<Long, List<Object[]>> feedback = byTicket(where, "select f.ticket_id, f.resolved_at, f.rating, f.resolved"
                + " from ticket t left join ticket_feedback f on f.ticket_id = t.id and f.given_at >= :scanFrom"
                + " where " + where.sql());
        Map<Long, List<Object[]>> orders = byTicket(where, "select a.ticket_id, a.accept_due_at, a.accepted_at,"
                + " a.released_at, a.organization_id from ticket t left join ticket_assignment a on a.ticket_id = t.id"
                + " and a.accept_due_at is not null where " + where.sql());
        // The work-order steps, each counted for the organization it names: R(eturn), E(xtension request), U(rging).
        Map<Long, List<Object[]>> steps = !withUnits ? Map.of() : byTicket(where, "select r.ticket_id, r.organization_id,"
                + " 'R', 0 from ticket t left join ticket_return r on r.ticket_id = t.id where " + where.sql()
                + " union all select e.ticket_id, e.organization_id, 'E', case when e.decision = 'APPROVED' then 1"
                + " else 0 end from ticket t left join ticket_extension e on e.ticket_id = t.id where " + where.sql()
                + " union all select u.ticket_id, u.organization_id, 'U', 0 from ticket t"
                + " left join ticket_urging u on u.ticket_id = t.id where " + where.sql());
        Map<UnitGroup.Key, UnitGroup> units = new HashMap<>();
        Map<FigureGroup.Key, FigureGroup> groups = new HashMap<>();
        Map<SiteGroup.Key, SiteGroup> sites = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (Object[] row : rows(where, "select t.id, t.reported_at, t.street_office_id, t.community_id,"
                + " t.category_id, t.lead_organization_id, t.site_id, t.status, t.dispatched_at, t.dispatch_due_at,"
                + " t.resolved_at, t.due_at, t.paused_at, t.seconds_to_dispatch, t.seconds_to_resolve, t.reopen_count,"
                + " t.cancel_reason, t.cancelled_at, t.original_due_at from ticket t where " + where.sql())) {
            long ticketId = id(row[0]);
            Instant reportedAt = instant(row[1]);
            LocalDate day = LocalDate.ofInstant(reportedAt, zone);
            FigureGroup g = groups.computeIfAbsent(key(day, row), FigureGroup::new);
            TicketStatus status = TicketStatus.valueOf((String) row[7]);
            Instant dispatchedAt = nullableInstant(row[8]);
            Instant dispatchDueAt = instant(row[9]);
            Instant resolvedAt = nullableInstant(row[10]);
            Instant dueAt = instant(row[11]);
            boolean paused = row[12] != null;
            boolean cancelled = status == TicketStatus.CANCELLED;
            boolean overdueWhenOpen = status.isOpen() && !paused;
            Instant cancelledAt = nullableInstant(row[17]);
            boolean countsAtSite = row[6] != null && !"DUPLICATE".equals(row[16]);

            g.reported++;
            if (resolvedAt != null) {
                g.resolved++;
                if (!resolvedAt.isAfter(dueAt)) {
                    g.withinSla++;
                }
            }
            if (dispatchedAt != null) {
                g.responseCounted++;
                if (!dispatchedAt.isAfter(dispatchDueAt)) {
                    g.respondedInTime++;
                }
            } else if (!cancelled) {
                clock(ClockChange.DISPATCH_DUE, dispatchDueAt, now, g, null, pending);
            }
            if (!cancelled) {
                g.notCancelled++;
            }
            Boolean confirmedByFeedback = null;
            for (Object[] f : feedback.getOrDefault(ticketId, List.of())) {
                g.rated++;
                if (((Number) f[2]).intValue() >= 4) {
                    g.satisfied++;
                }
                if (resolvedAt != null && instant(f[1]).equals(resolvedAt)) {
                    confirmedByFeedback = Boolean.TRUE.equals(f[3]);
                }
            }
            if (resolvedAt != null) {
                if (confirmedByFeedback != null) {
                    g.confirmedResolved += confirmedByFeedback ? 1 : 0;
                } else {
                    clock(ClockChange.UNDISPUTED, resolvedAt.plus(UNDISPUTED_AFTER), now, g, null, pending);
                }
            }
            for (Object[] order : orders.getOrDefault(ticketId, List.of())) {
                Instant acceptDueAt = instant(order[1]);
                Instant acceptedAt = nullableInstant(order[2]);
                Instant releasedAt = nullableInstant(order[3]);
                Long organization = nullableId(order[4]);
                if (acceptedAt == null && releasedAt == null && cancelledAt == null) {
                    // Still standing unaccepted: counted once the target passes.
                    if (clock(ClockChange.ACCEPT_DUE, acceptDueAt, now, g, organization, pending) && withUnits) {
                        ClockChange.ACCEPT_DUE.addTo(unit(units, day, row, organization), 1);
                    }
                } else if (acceptedAt != null
                        || acceptDueAt.isBefore(releasedAt != null ? releasedAt : cancelledAt)) {
                    boolean inTime = acceptedAt != null && !acceptedAt.isAfter(acceptDueAt);
                    g.acceptanceCounted++;
                    g.acceptedInTime += inTime ? 1 : 0;
                    if (withUnits) {
                        UnitGroup u = unit(units, day, row, organization);
                        u.acceptanceCounted++;
                        u.acceptedInTime += inTime ? 1 : 0;
                    }
                }
            }
            if (withUnits) {
                for (Object[] step : steps.getOrDefault(ticketId, List.of())) {
                    UnitGroup u = unit(units, day, row, nullableId(step[1]));
                    switch (step[2].toString().strip()) {
                        case "R" -> u.returns++;
                        case "E" -> {
                            u.extensionsRequested++;
                            u.extensionsApproved += count(step[3]);
                        }
                        default -> u.urgings++;
                    }
                }
                // Only an approved extension sets original_due_at (Ticket.approveExtension).
                Instant originalDueAt = nullableInstant(row[18]);
                if (originalDueAt != null && resolvedAt != null && resolvedAt.isAfter(originalDueAt)
                        && !resolvedAt.isAfter(dueAt)) {
                    unit(units, day, row, nullableId(row[5])).lateOnlyByOriginal++;
                }
            }
            g.reopens += count(row[15]);
            boolean overdueNow = overdueWhenOpen
                    && clock(ClockChange.OVERDUE, dueAt, now, g, countsAtSite ? id(row[6]) : null, pending);
            if (countsAtSite) {
                sites.computeIfAbsent(new SiteGroup.Key(day, id(row[2]), id(row[3]), id(row[6]), id(row[4])),
                        SiteGroup::new).add(1, resolvedAt != null && resolvedAt.isAfter(dueAt) || overdueNow ? 1 : 0,
                        reportedAt);
            }
            if (row[13] != null) {
                g.secondsToDispatch.add(count(row[13]));
            }
            if (row[14] != null) {
                g.secondsToResolve.add(count(row[14]));
            }
        }
        Where resolvedIn = area.and("t.resolved_at >= :scanFrom and t.resolved_at < :scanTo").with("scanFrom", from)
                .with("scanTo", to);
        for (Object[] row : rows(resolvedIn, "select t.resolved_at, t.street_office_id, t.community_id,"
                + " t.category_id, t.lead_organization_id from ticket t where " + resolvedIn.sql())) {
            LocalDate day = LocalDate.ofInstant(instant(row[0]), zone);
            Object[] keyColumns = { null, null, row[1], row[2], row[3], row[4] };
            groups.computeIfAbsent(key(day, keyColumns), FigureGroup::new).resolvedThatDay++;
        }
        return new Result(groups, sites, units, pending);
    }

    /**
     * A figure that the clock changes at {@code at}: added to the group when that has passed (and true returned),
     * otherwise kept as pending. {@code detail} is the order's organization or the late compound ({@link Pending}).
     */
    private static boolean clock(ClockChange change, Instant at, Instant now, FigureGroup g, Long detail,
            List<Pending> pending) {
        if (at.isBefore(now)) {
            change.addTo(g, 1);
            return true;
        }
        pending.add(new Pending(g.key, change, at, change == ClockChange.ACCEPT_DUE ? detail : null,
                change == ClockChange.OVERDUE ? detail : null));
        return false;
    }

    /** The unit of a ticket row (columns 2 and 3: street office, community) and an organization. */
    private static UnitGroup unit(Map<UnitGroup.Key, UnitGroup> units, LocalDate day, Object[] row, Long organization) {
        return units.computeIfAbsent(new UnitGroup.Key(day, id(row[2]), id(row[3]), organization), UnitGroup::new);
    }

    /** The key from a row whose columns 2–5 are street office, community, category and lead organization. */
    private static FigureGroup.Key key(LocalDate day, Object[] row) {
        return new FigureGroup.Key(day, id(row[2]), id(row[3]), id(row[4]), nullableId(row[5]));
    }

    private Map<Long, List<Object[]>> byTicket(Where where, String sql) {
        Map<Long, List<Object[]>> result = new HashMap<>();
        for (Object[] row : rows(where, sql)) {
            if (row[0] != null) {
                result.computeIfAbsent(id(row[0]), k -> new ArrayList<>(2)).add(row);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(Where where, String sql) {
        return (List<Object[]>) where.bind(em.createNativeQuery(sql)).getResultList();
    }

    private static Instant nullableInstant(Object value) {
        return value == null ? null : instant(value);
    }
}
