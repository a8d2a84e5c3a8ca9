package org.communitydesk.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.communitydesk.common.AppMetrics;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.AreaLevel;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.directory.Site;
import org.communitydesk.dashboard.StatsViews.Aging;
import org.communitydesk.dashboard.StatsViews.Backlog;
import org.communitydesk.dashboard.StatsViews.CategoryFigures;
import org.communitydesk.dashboard.StatsViews.CommunityFigures;
import org.communitydesk.dashboard.StatsViews.Durations;
import org.communitydesk.dashboard.StatsViews.Hotspot;
import org.communitydesk.dashboard.StatsViews.OrganizationFigures;
import org.communitydesk.dashboard.StatsViews.Overdue;
import org.communitydesk.dashboard.StatsViews.OverdueTicket;
import org.communitydesk.dashboard.StatsViews.Period;
import org.communitydesk.dashboard.StatsViews.Rate;
import org.communitydesk.dashboard.StatsViews.Summary;
import org.communitydesk.dashboard.StatsViews.Week;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.ticket.TicketStatus;
import org.communitydesk.ticket.TicketViews.Ref;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * The dashboard's figures. Each is one SQL aggregate over indexed columns, written in SQL that H2
 * and PostgreSQL both run (percentile_cont … within group, extract(epoch …)); no ticket is loaded
 * into memory. Cohort figures cover the tickets reported in the period; the backlog and the overdue
 * list are about now.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsService {

    static final Duration UNDISPUTED_AFTER = Duration.ofDays(7);
    static final Duration HOTSPOT_WINDOW = Duration.ofDays(90);
    static final int HOTSPOT_MIN_TICKETS = 3;
    static final int OVERDUE_LISTED = 20;
    private static final String OPEN = "t.status in ('REPORTED', 'DISPATCHED', 'IN_PROGRESS')";
    /**
     * Feedback comes after the resolution, which comes after the report, so the feedback on the period's tickets
     * was given in or after the period: said in the join, PostgreSQL reads that range of ix_feedback_given_at
     * instead of hashing all feedback ever given (345,000 rows, 150 ms at 1,000,000 tickets).
     */
    private static final String FEEDBACK_IN_PERIOD = " and f.given_at >= :periodFrom";

    @Inject
    AppMetrics metrics;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    /** Where half of a summary's queries run; as many at once as the machine has cores. */
    private final ManagedExecutor figureQueries = ManagedExecutor.builder()
            .maxAsync(Runtime.getRuntime().availableProcessors())
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();

    @PreDestroy
    void stopFigureQueries() {
        figureQueries.shutdown();
    }

    Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    /**
     * The tickets a dashboard view is about: those in the caller's scope and the chosen area ({@code area}),
     * and of those, the ones reported in the period ({@code cohort}).
     */
    record Selection(Area streetOffice, Area community, Where area, Where cohort, Instant from, Instant to) {
    }

    Selection select(StatsFilter filter, TicketScope scope) {
        ZoneId zone = zone();
        Area streetOffice = area("streetOffice", filter.streetOffice(), AreaLevel.STREET_OFFICE);
        Area community = area("community", filter.community(), AreaLevel.COMMUNITY);
        if (streetOffice != null && !scope.coversStreetOffice(streetOffice)) {
            throw new ForbiddenProblem("The dashboard of " + streetOffice.nameZh + " is outside your area.");
        }
        if (community != null && !scope.coversCommunity(community)) {
            throw new ForbiddenProblem("The dashboard of " + community.nameZh + " is outside your area.");
        }
        Where area = Where.of(scope, streetOffice, community);
        Instant from = filter.from().atStartOfDay(zone).toInstant();
        Instant to = filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        Where cohort = area.and("t.reported_at >= :periodFrom and t.reported_at < :periodTo")
                .with("periodFrom", from).with("periodTo", to);
        return new Selection(streetOffice, community, area, cohort, from, to);
    }

    /** The dashboard's figures; their time is recorded under {@link AppMetrics#DASHBOARD_QUERY} (query=summary). */
    public Summary summary(StatsFilter filter, TicketScope scope) {
        return metrics.time(AppMetrics.DASHBOARD_QUERY, () -> computeSummary(filter, scope), AppMetrics.QUERY, "summary");
    }

    private Summary computeSummary(StatsFilter filter, TicketScope scope) {
        Instant now = clock.instant();
        ZoneId zone = zone();
        Selection selection = select(filter, scope);
        Where area = selection.area();
        Where cohort = selection.cohort();
        Instant to = selection.to();

        // Half of the figures run beside this thread, in their own read-only transaction: each figure reads the
        // period's tickets once, and one after the other they took twice as long (README, Figures). Every figure
        // is its own statement either way, so they never shared one snapshot.
        CompletableFuture<CohortFigures> beside = CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> cohortFigures(selection, now)), figureQueries);

        Names names = new Names();
        // Rates are counts, so the overall ones are the sums of the communities' (one query each, not two).
        Map<Long, RateRow> ratesByCommunity = rates(cohort, now);
        RateRow all = ratesByCommunity.values().stream().reduce(RateRow.EMPTY, RateRow::plus);
        OpenTickets open = openTickets(area, now);
        Overdue overdue = new Overdue(open.overdue(), overdueTickets(area, now, names));
        List<Week> weeks = weekly(area, filter, zone);
        CohortFigures more = join(beside);
        Map<Long, long[]> satisfactionByCommunity = more.satisfaction();
        long[] satisfied = satisfactionByCommunity.values().stream()
                .reduce(new long[2], (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });

        return new Summary(new Period(filter.from(), filter.to(), zone.getId()), Ref.of(selection.streetOffice()),
                Ref.of(selection.community()),
                all.reported, open.backlog(), more.overall()[0], more.overall()[1], more.categories(),
                Rate.of(all.withinSla, all.resolved), Rate.of(all.respondedInTime, all.responseCounted),
                Rate.of(all.confirmedResolved, all.notCancelled), Rate.of(satisfied[0], satisfied[1]),
                acceptedWithinTarget(cohort, now),
                communities(ratesByCommunity, satisfactionByCommunity, names), more.organizations(), overdue,
                more.hotspots(), weeks);
    }

    /**
     * The figures computed beside the request's thread: durations overall and per category, organizations,
     * hotspots, and the ratings per community ([satisfied, given]).
     */
    private record CohortFigures(Durations[] overall, List<CategoryFigures> categories,
            List<OrganizationFigures> organizations, List<Hotspot> hotspots, Map<Long, long[]> satisfaction) {
    }

    private CohortFigures cohortFigures(Selection selection, Instant now) {
        // Its own Names: entities belong to the session of the thread that loaded them.
        Names names = new Names();
        Durations[] overall = durations(selection.cohort(), null).getOrDefault(0L, new Durations[] { none(), none() });
        return new CohortFigures(overall, categories(selection.cohort(), names),
                organizations(selection.cohort(), now, names), hotspots(selection.area(), selection.to(), names),
                satisfaction(selection.cohort()));
    }

    private static <T> T join(CompletableFuture<T> figures) {
        try {
            return figures.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    // --- The figures ----------------------------------------------------------------------------------------

    /** The open tickets by status and age, and how many of them are past due. */
    private record OpenTickets(Backlog backlog, long overdue) {
    }

    private OpenTickets openTickets(Where area, Instant now) {
        Where open = area.and(OPEN).with("now", now).with("day1", now.minus(Duration.ofDays(1)))
                .with("day3", now.minus(Duration.ofDays(3))).with("day7", now.minus(Duration.ofDays(7)));
        Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
        TicketStatus.openStates().stream().sorted().forEach(s -> byStatus.put(s, 0L));
        long[] aging = new long[4];
        long overdue = 0;
        for (Object[] row : rows(open, "select t.status, count(*),"
                + " sum(case when t.reported_at > :day1 then 1 else 0 end),"
                + " sum(case when t.reported_at <= :day1 and t.reported_at > :day3 then 1 else 0 end),"
                + " sum(case when t.reported_at <= :day3 and t.reported_at > :day7 then 1 else 0 end),"
                + " sum(case when t.reported_at <= :day7 then 1 else 0 end),"
                // A paused ticket's clock stands (挂起): it is not overdue while it waits.
                + " sum(case when t.due_at < :now and t.paused_at is null then 1 else 0 end)"
                + " from ticket t where " + open.sql() + " group by t.status")) {
            byStatus.put(TicketStatus.valueOf((String) row[0]), count(row[1]));
            for (int i = 0; i < 4; i++) {
                aging[i] += count(row[i + 2]);
            }
            overdue += count(row[6]);
        }
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new OpenTickets(new Backlog(total, byStatus, new Aging(aging[0], aging[1], aging[2], aging[3])), overdue);
    }

    /** Median and 90th percentile of the stored durations, per group ({@code groupBy}) or overall (key 0). */
    private Map<Long, Durations[]> durations(Where cohort, String groupBy) {
        Map<Long, Durations[]> result = new HashMap<>();
        for (Object[] row : rows(cohort, "select " + (groupBy == null ? "0" : groupBy) + ","
                + " count(t.seconds_to_dispatch),"
                + " percentile_cont(0.5) within group (order by t.seconds_to_dispatch),"
                + " percentile_cont(0.9) within group (order by t.seconds_to_dispatch),"
                + " count(t.seconds_to_resolve),"
                + " percentile_cont(0.5) within group (order by t.seconds_to_resolve),"
                + " percentile_cont(0.9) within group (order by t.seconds_to_resolve),"
                + " count(*)"
                + " from ticket t where " + cohort.sql() + (groupBy == null ? "" : " group by " + groupBy))) {
            result.put(id(row[0]), new Durations[] {
                    new Durations(count(row[1]), seconds(row[2]), seconds(row[3])),
                    new Durations(count(row[4]), seconds(row[5]), seconds(row[6])),
                    new Durations(count(row[7]), null, null) });
        }
        return result;
    }

    private List<CategoryFigures> categories(Where cohort, Names names) {
        return durations(cohort, "t.category_id").entrySet().stream()
                .map(e -> new CategoryFigures(names.category(e.getKey()), e.getValue()[2].count(), e.getValue()[0],
                        e.getValue()[1]))
                .sorted(Comparator.comparingLong(CategoryFigures::reported).reversed()
                        .thenComparing(c -> c.category().code()))
                .toList();
    }

    /**
     * A community's counts behind the SLA share and the response and resolution rates, and its median time to
     * resolve (null in sums: a median does not add up).
     */
    record RateRow(long reported, long resolved, long withinSla, long responseCounted, long respondedInTime,
            long notCancelled, long confirmedResolved, Long medianSecondsToResolve) {
        static final RateRow EMPTY = new RateRow(0, 0, 0, 0, 0, 0, 0, null);

        /** The seven columns of {@link StatsService#RATE_COUNTS}, from {@code row[offset]} on. */
        static RateRow of(Object[] row, int offset, Long medianSecondsToResolve) {
            return new RateRow(count(row[offset]), count(row[offset + 1]), count(row[offset + 2]),
                    count(row[offset + 3]), count(row[offset + 4]), count(row[offset + 5]), count(row[offset + 6]),
                    medianSecondsToResolve);
        }

        Rate responseRate() {
            return Rate.of(respondedInTime, responseCounted);
        }

        Rate resolutionRate() {
            return Rate.of(confirmedResolved, notCancelled);
        }

        RateRow plus(RateRow o) {
            return new RateRow(reported + o.reported, resolved + o.resolved, withinSla + o.withinSla,
                    responseCounted + o.responseCounted, respondedInTime + o.respondedInTime,
                    notCancelled + o.notCancelled, confirmedResolved + o.confirmedResolved, null);
        }
    }

    private Map<Long, RateRow> rates(Where cohort, Instant now) {
        Where where = cohort.with("now", now).with("undisputedBefore", now.minus(UNDISPUTED_AFTER));
        Map<Long, RateRow> result = new HashMap<>();
        // At most one feedback per resolution (unique key), so the join never multiplies tickets.
        for (Object[] row : rows(where, "select t.community_id," + RATE_COUNTS + ","
                + " percentile_cont(0.5) within group (order by t.seconds_to_resolve)"
                + RATE_FROM + " where " + where.sql() + " group by t.community_id")) {
            result.put(id(row[0]), RateRow.of(row, 1, seconds(row[8])));
        }
        return result;
    }

    /**
     * The counts behind the SLA share and the response and resolution rates, seven columns in {@link RateRow}'s
     * order, over {@link #RATE_FROM}; they need the parameters {@code now} and {@code undisputedBefore}. The unit
     * ranking (RankingService) groups the same columns by organization and community.
     */
    static final String RATE_COUNTS = " count(*),"
            + " sum(case when t.resolved_at is not null then 1 else 0 end),"
            + " sum(case when t.resolved_at is not null and t.resolved_at <= t.due_at then 1 else 0 end),"
            + " sum(case when t.dispatched_at is not null"
            + "   or (t.status <> 'CANCELLED' and t.dispatch_due_at < :now) then 1 else 0 end),"
            + " sum(case when t.dispatched_at is not null and t.dispatched_at <= t.dispatch_due_at then 1 else 0 end),"
            + " sum(case when t.status <> 'CANCELLED' then 1 else 0 end),"
            + " sum(case when t.resolved_at is not null and (f.resolved = true"
            + "   or (f.id is null and t.resolved_at < :undisputedBefore)) then 1 else 0 end)";
    /** At most one feedback per resolution (unique key), so the join never multiplies tickets. */
    static final String RATE_FROM = " from ticket t left join ticket_feedback f on f.ticket_id = t.id"
            + " and f.resolved_at = t.resolved_at" + FEEDBACK_IN_PERIOD;
    /** Ratings of 4–5 and all ratings given, over {@link #SATISFACTION_FROM}. */
    static final String SATISFACTION_COUNTS = " sum(case when f.rating >= 4 then 1 else 0 end), count(f.id)";
    // The period's tickets first, then their feedback: H2 joined the other way round and read all
    // feedback ever given (3 s at 1,000,000 tickets). An outer join keeps that order on both.
    static final String SATISFACTION_FROM = " from ticket t left join ticket_feedback f on f.ticket_id = t.id"
            + FEEDBACK_IN_PERIOD;
    /**
     * The orders (ticket_assignment a) that the acceptance figure counts: accepted, or still not accepted when the
     * target passed while the order stood (parameter {@code now}).
     */
    static final String ACCEPTANCE_COUNTED = " a.accept_due_at is not null and (a.accepted_at is not null"
            + " or a.accept_due_at < coalesce(a.released_at, t.cancelled_at, :now))";
    static final String ACCEPTED_WITHIN_TARGET = " sum(case when a.accepted_at <= a.accept_due_at then 1 else 0 end)";

    /**
     * Orders accepted within their target (签收), of the orders counted: accepted, or still not accepted when the
     * target passed while the order stood. The target was fixed at the dispatch (ticket_assignment.accept_due_at),
     * so this compares plain columns; orders from before V24 have none and are not counted.
     */
    private Rate acceptedWithinTarget(Where cohort, Instant now) {
        Where where = cohort.with("now", now);
        Object result = single(where, "select count(*)," + ACCEPTED_WITHIN_TARGET
                + " from ticket t join ticket_assignment a on a.ticket_id = t.id where " + where.sql()
                + " and" + ACCEPTANCE_COUNTED);
        Object[] row = (Object[]) result;
        return Rate.of(count(row[1]), count(row[0]));
    }

    /** Ratings of 4–5 and all ratings given on the cohort's tickets: [satisfied, given]. */
    private Map<Long, long[]> satisfaction(Where cohort) {
        Map<Long, long[]> result = new HashMap<>();
        for (Object[] row : rows(cohort, "select t.community_id," + SATISFACTION_COUNTS + SATISFACTION_FROM
                + " where " + cohort.sql() + " group by t.community_id")) {
            result.put(id(row[0]), new long[] { count(row[1]), count(row[2]) });
        }
        return result;
    }

    private List<CommunityFigures> communities(Map<Long, RateRow> rates, Map<Long, long[]> satisfaction, Names names) {
        List<CommunityFigures> unranked = rates.entrySet().stream().map(e -> {
            RateRow r = e.getValue();
            long[] s = satisfaction.getOrDefault(e.getKey(), new long[2]);
            return new CommunityFigures(0, names.area(e.getKey()), r.reported,
                    Rate.of(r.respondedInTime, r.responseCounted), Rate.of(r.confirmedResolved, r.notCancelled),
                    Rate.of(s[0], s[1]), Rate.of(r.withinSla, r.resolved), r.medianSecondsToResolve());
        }).sorted(Comparator.comparing((CommunityFigures c) -> share(c.resolutionRate())).reversed()
                .thenComparing(Comparator.comparing((CommunityFigures c) -> share(c.responseRate())).reversed())
                .thenComparing(Comparator.comparing((CommunityFigures c) -> share(c.satisfactionRate())).reversed())
                .thenComparing(c -> c.community().code())).toList();
        List<CommunityFigures> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            CommunityFigures c = unranked.get(i);
            ranked.add(new CommunityFigures(i + 1, c.community(), c.reported(), c.responseRate(), c.resolutionRate(),
                    c.satisfactionRate(), c.resolvedWithinSla(), c.medianSecondsToResolve()));
        }
        return ranked;
    }

    private List<OrganizationFigures> organizations(Where cohort, Instant now, Names names) {
        Where where = cohort.and("t.lead_organization_id is not null").with("now", now);
        List<OrganizationFigures> result = new ArrayList<>();
        for (Object[] row : rows(where, "select t.lead_organization_id, count(*),"
                + " percentile_cont(0.5) within group (order by t.seconds_to_resolve),"
                + " sum(t.reopen_count),"
                + " sum(case when " + OPEN + " and t.due_at < :now and t.paused_at is null then 1 else 0 end)"
                + " from ticket t where " + where.sql() + " group by t.lead_organization_id")) {
            result.add(new OrganizationFigures(names.organization(id(row[0])), count(row[1]), seconds(row[2]),
                    count(row[3]), count(row[4])));
        }
        result.sort(Comparator.comparingLong(OrganizationFigures::handled).reversed()
                .thenComparing(o -> o.organization().code()));
        return result;
    }

    /**
     * The most overdue open tickets. One branch per open status, each a range of the (status, area, due time)
     * index: with {@code status in (…)} H2 read the index from end to end.
     */
    private List<OverdueTicket> overdueTickets(Where area, Instant now, Names names) {
        Where where = area.with("now", now);
        StringBuilder sql = new StringBuilder("select * from (");
        List<TicketStatus> open = TicketStatus.openStates().stream().sorted().toList();
        for (int i = 0; i < open.size(); i++) {
            sql.append(i == 0 ? "" : " union all ")
                    .append("select t.code, t.status, t.category_id, t.community_id, t.site_id,")
                    .append(" t.lead_organization_id, t.reported_at, t.due_at, t.id from ticket t where ")
                    .append(where.sql()).append(" and t.status = '").append(open.get(i).name())
                    .append("' and t.due_at < :now and t.paused_at is null");
        }
        sql.append(") overdue order by due_at, id");
        Query query = where.bind(em.createNativeQuery(sql.toString()));
        query.setMaxResults(OVERDUE_LISTED);
        List<OverdueTicket> tickets = new ArrayList<>();
        for (Object[] row : results(query)) {
            tickets.add(new OverdueTicket((String) row[0], TicketStatus.valueOf((String) row[1]),
                    names.category(id(row[2])), names.area(id(row[3])), names.site(nullableId(row[4])),
                    names.organization(nullableId(row[5])), instant(row[6]), instant(row[7])));
        }
        return tickets;
    }

    private List<Hotspot> hotspots(Where area, Instant periodEnd, Names names) {
        Where where = area.and("t.site_id is not null and t.reported_at >= :hotFrom and t.reported_at < :hotTo"
                + " and (t.cancel_reason is null or t.cancel_reason <> 'DUPLICATE')")
                .with("hotFrom", periodEnd.minus(HOTSPOT_WINDOW)).with("hotTo", periodEnd)
                .with("minTickets", HOTSPOT_MIN_TICKETS);
        List<Hotspot> result = new ArrayList<>();
        for (Object[] row : rows(where, "select t.site_id, t.category_id, count(*), max(t.reported_at)"
                + " from ticket t where " + where.sql() + " group by t.site_id, t.category_id"
                + " having count(*) >= :minTickets")) {
            Site site = names.siteEntity(id(row[0]));
            result.add(new Hotspot(Ref.of(site), Ref.of(site.community), names.category(id(row[1])), count(row[2]),
                    instant(row[3])));
        }
        result.sort(Comparator.comparingLong(Hotspot::tickets).reversed()
                .thenComparing(Hotspot::lastReportedAt, Comparator.reverseOrder()));
        return result;
    }

    /**
     * The dashboard's map: per compound, the period's tickets (duplicates left out, as for trouble spots) and how
     * many of them were resolved after, or are still open past, their due time; the categories in which it is one of
     * the summary's trouble spots (a trouble spot without tickets in the period is placed too); and the communities
     * to outline.
     */
    PlaceMap placeMap(StatsFilter filter, TicketScope scope, List<Hotspot> hotspots) {
        Selection selection = select(filter, scope);
        Where where = selection.cohort().and("t.site_id is not null and (t.cancel_reason is null or t.cancel_reason <> 'DUPLICATE')")
                .with("now", clock.instant());
        Names names = new Names();
        List<PlaceMap.Place> places = new ArrayList<>();
        for (Object[] row : rows(where, "select t.site_id, count(*), sum(case when (t.resolved_at is not null"
                + " and t.resolved_at > t.due_at) or (" + OPEN + " and t.due_at < :now and t.paused_at is null) then 1 else 0 end)"
                + " from ticket t where " + where.sql() + " group by t.site_id")) {
            Site site = names.siteEntity(id(row[0]));
            places.add(new PlaceMap.Place(site, count(row[1]), count(row[2]), troublesAt(site.code, hotspots)));
        }
        hotspots.stream().map(h -> h.site().code()).distinct()
                .filter(code -> places.stream().noneMatch(p -> p.site().code.equals(code)))
                .forEach(code -> Site.findByCode(code).ifPresent(
                        site -> places.add(new PlaceMap.Place(site, 0, 0, troublesAt(code, hotspots)))));
        List<Area> communities = Area.<Area>list("level", AreaLevel.COMMUNITY).stream()
                .filter(scope::coversCommunity)
                .filter(c -> selection.community() == null || c.id.equals(selection.community().id))
                .filter(c -> selection.streetOffice() == null || c.parent != null && c.parent.id.equals(selection.streetOffice().id))
                .toList();
        return PlaceMap.of(places, communities, filter);
    }

    private static List<Ref> troublesAt(String siteCode, List<Hotspot> hotspots) {
        return hotspots.stream().filter(h -> h.site().code().equals(siteCode)).map(Hotspot::category).toList();
    }

    /**
     * Reported and resolved per week; a week is counted from Monday 00:00 in the installation's zone. One range
     * scan per milestone counts the rows before each week's end (plain comparisons, which both databases run
     * fast: a bucket computed per row with extract(epoch) took over a minute on H2 at a million tickets); the
     * weeks are the differences.
     */
    private List<Week> weekly(Where area, StatsFilter filter, ZoneId zone) {
        LocalDate firstMonday = filter.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weekCount = 0;
        while (!firstMonday.plusWeeks(weekCount).isAfter(filter.to())) {
            weekCount++;
        }
        long[][] counts = new long[2][weekCount];
        for (int column = 0; column < 2; column++) {
            String milestone = column == 0 ? "t.reported_at" : "t.resolved_at";
            Where where = area.and(milestone + " >= :weekStart0 and " + milestone + " < :weekEnd" + (weekCount - 1))
                    .with("weekStart0", firstMonday.atStartOfDay(zone).toInstant());
            StringBuilder select = new StringBuilder("select count(*)");
            for (int week = 0; week < weekCount; week++) {
                where = where.with("weekEnd" + week, firstMonday.plusWeeks(week + 1L).atStartOfDay(zone).toInstant());
                if (week < weekCount - 1) {
                    select.append(", sum(case when ").append(milestone).append(" < :weekEnd").append(week)
                            .append(" then 1 else 0 end)");
                }
            }
            Object result = single(where, select + " from ticket t where " + where.sql());
            Object[] before = result instanceof Object[] row ? row : new Object[] { result };
            long previous = 0;
            for (int week = 0; week < weekCount; week++) {
                // Column 0 is the total; column w + 1 counts the rows before the end of week w.
                long upToEnd = week < weekCount - 1 ? count(before[week + 1]) : count(before[0]);
                counts[column][week] = upToEnd - previous;
                previous = upToEnd;
            }
        }
        List<Week> weeks = new java.util.ArrayList<>();
        for (int week = 0; week < weekCount; week++) {
            weeks.add(new Week(firstMonday.plusWeeks(week), counts[0][week], counts[1][week]));
        }
        return weeks;
    }

    // --- SQL plumbing ------------------------------------------------------------------------------------------

    List<Object[]> rows(Where where, String sql) {
        return results(where.bind(em.createNativeQuery(sql)));
    }

    private Object single(Where where, String sql) {
        return where.bind(em.createNativeQuery(sql)).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> results(Query query) {
        return (List<Object[]>) query.getResultList();
    }

    ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    private static Area area(String field, String code, AreaLevel level) {
        if (code == null) {
            return null;
        }
        return Area.findByCode(code).filter(a -> a.level == level)
                .orElseThrow(() -> new InvalidRequestProblem(field, "No " + field + " with code '" + code + "'."));
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static long id(Object value) {
        return ((Number) value).longValue();
    }

    static Long nullableId(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Long seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private static Durations none() {
        return new Durations(0, null, null);
    }

    private static double share(Rate rate) {
        return rate.share() == null ? -1 : rate.share();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }

    /** The small reference tables, read once per summary, to name what the aggregates return as ids. */
    static final class Names {
        private Map<Long, Area> areas;
        private Map<Long, Site> sites;
        private Map<Long, Organization> organizations;
        private Map<Long, ServiceCategory> categories;

        Ref area(Long id) {
            if (areas == null) {
                areas = byId(Area.<Area>listAll(), a -> a.id);
            }
            return id == null ? null : Ref.of(areas.get(id));
        }

        Site siteEntity(Long id) {
            if (sites == null) {
                sites = byId(Site.<Site>listAll(), s -> s.id);
            }
            return sites.get(id);
        }

        Ref site(Long id) {
            return id == null ? null : Ref.of(siteEntity(id));
        }

        Ref organization(Long id) {
            if (organizations == null) {
                organizations = byId(Organization.<Organization>listAll(), o -> o.id);
            }
            return id == null ? null : Ref.of(organizations.get(id));
        }

        Ref category(Long id) {
            if (categories == null) {
                categories = byId(ServiceCategory.<ServiceCategory>listAll(), c -> c.id);
            }
            return Ref.of(categories.get(id));
        }

        private static <T> Map<Long, T> byId(List<T> all, Function<T, Long> id) {
            return all.stream().collect(Collectors.toMap(id, t -> t));
        }
    }
}
