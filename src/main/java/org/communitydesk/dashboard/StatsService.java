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
import java.util.Collection;
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
 * The dashboard's figures. Cohort figures cover the tickets reported in the period and are sums of the groups per
 * day that {@link FigureRollups} gives (stored by the figures job, or read from the tickets for days it does not
 * hold); the backlog and the overdue list are about now and read the open tickets.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsService {

    static final Duration UNDISPUTED_AFTER = Duration.ofDays(7);
    static final int HOTSPOT_DAYS = 90;
    static final int HOTSPOT_MIN_TICKETS = 3;
    static final int OVERDUE_LISTED = 20;
    private static final String OPEN = "t.status in ('REPORTED', 'DISPATCHED', 'IN_PROGRESS')";
    @Inject
    AppMetrics metrics;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    @Inject
    FigureRollups rollups;

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
        return summary(filter, scope, null);
    }

    /** The summary, its days read from the tickets kept in {@code shared} (when not null) for a page's other reads. */
    public Summary summary(StatsFilter filter, TicketScope scope, SharedScans shared) {
        return metrics.time(AppMetrics.DASHBOARD_QUERY, () -> computeSummary(filter, scope, shared), AppMetrics.QUERY,
                "summary");
    }

    private Summary computeSummary(StatsFilter filter, TicketScope scope, SharedScans shared) {
        Instant now = clock.instant();
        ZoneId zone = zone();
        Selection selection = select(filter, scope);
        Where area = selection.area();
        boolean rowsServe = scope.kind() != TicketScope.Kind.ORGANIZATION;

        // Trouble spots look at 90 days, the rest at the period's weeks: the two reads run side by side, the first
        // in its own read-only transaction (entities belong to the session of the thread that loaded them).
        CompletableFuture<List<Hotspot>> beside = CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> hotspots(area, rowsServe, filter, now, new Names(), shared)),
                figureQueries);

        Names names = new Names();
        LocalDate firstMonday = filter.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate weeksEnd = filter.to().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Map<FigureGroup.Key, FigureGroup> groups = rollups.groups(area, rowsServe, firstMonday, weeksEnd, now, shared);
        List<FigureGroup> cohort = groups.values().stream().filter(g -> !g.key.day().isBefore(filter.from())
                && !g.key.day().isAfter(filter.to())).toList();
        // Each sum merges durations; the overall one adds up the categories' rather than every group again.
        Map<Long, FigureGroup> byCategory = sum(cohort, g -> g.key.categoryId());
        FigureGroup all = sum(byCategory.values(), g -> 0L).getOrDefault(0L, new FigureGroup(null));
        Map<Long, FigureGroup> byCommunity = sum(cohort, g -> g.key.communityId());
        OpenTickets open = openTickets(area, now);
        Overdue overdue = new Overdue(open.overdue(), overdueTickets(area, now, names));

        return new Summary(new Period(filter.from(), filter.to(), zone.getId()), Ref.of(selection.streetOffice()),
                Ref.of(selection.community()), all.reported, open.backlog(), durations(all.secondsToDispatch),
                durations(all.secondsToResolve), categories(byCategory, names), Rate.of(all.withinSla, all.resolved),
                Rate.of(all.respondedInTime, all.responseCounted), Rate.of(all.confirmedResolved, all.notCancelled),
                Rate.of(all.satisfied, all.rated), Rate.of(all.acceptedInTime, all.acceptanceCounted),
                communities(byCommunity, names), organizations(cohort, names), overdue, join(beside),
                weekly(groups.values(), firstMonday, weeksEnd));
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

    /** The groups added up by a key; groups whose key is null are left out. */
    private static Map<Long, FigureGroup> sum(Collection<FigureGroup> groups, Function<FigureGroup, Long> by) {
        Map<Long, FigureGroup> sums = new HashMap<>();
        for (FigureGroup g : groups) {
            Long key = by.apply(g);
            if (key != null) {
                sums.computeIfAbsent(key, k -> new FigureGroup(null)).add(g);
            }
        }
        return sums;
    }

    private static Durations durations(DurationSketch seconds) {
        return new Durations(seconds.count(), rounded(seconds.percentile(0.5)), rounded(seconds.percentile(0.9)));
    }

    private static Long rounded(Double seconds) {
        return seconds == null ? null : Math.round(seconds);
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

    /** The period's categories, most reported first; groups with resolutions only (none reported) add nothing. */
    private static List<CategoryFigures> categories(Map<Long, FigureGroup> byCategory, Names names) {
        return byCategory.entrySet().stream().filter(e -> e.getValue().reported > 0)
                .map(e -> new CategoryFigures(names.category(e.getKey()), e.getValue().reported,
                        durations(e.getValue().secondsToDispatch), durations(e.getValue().secondsToResolve)))
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

    private List<CommunityFigures> communities(Map<Long, FigureGroup> byCommunity, Names names) {
        List<CommunityFigures> unranked = byCommunity.entrySet().stream().filter(e -> e.getValue().reported > 0)
                .map(e -> {
                    FigureGroup r = e.getValue();
                    return new CommunityFigures(0, names.area(e.getKey()), r.reported,
                            Rate.of(r.respondedInTime, r.responseCounted), Rate.of(r.confirmedResolved, r.notCancelled),
                            Rate.of(r.satisfied, r.rated), Rate.of(r.withinSla, r.resolved),
                            rounded(r.secondsToResolve.percentile(0.5)));
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

    private static List<OrganizationFigures> organizations(List<FigureGroup> cohort, Names names) {
        List<OrganizationFigures> result = new ArrayList<>();
        sum(cohort, g -> g.key.leadOrganizationId()).forEach((id, o) -> {
            if (o.reported > 0) {
                result.add(new OrganizationFigures(names.organization(id), o.reported,
                        rounded(o.secondsToResolve.percentile(0.5)), o.reopens, o.openOverdue));
            }
        });
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
            // Each branch stops at its own first 20: without that, PostgreSQL sorted all 15,500 overdue tickets of
            // 10,000,000 (80 ms) to keep 20.
            sql.append(i == 0 ? "" : " union all ")
                    .append("select * from (select t.code, t.status, t.category_id, t.community_id, t.site_id,")
                    .append(" t.lead_organization_id, t.reported_at, t.due_at, t.id from ticket t where ")
                    .append(where.sql()).append(" and t.status = '").append(open.get(i).name())
                    .append("' and t.due_at < :now and t.paused_at is null order by t.due_at, t.id fetch first ")
                    .append(OVERDUE_LISTED).append(" rows only) b").append(i);
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

    /**
     * Compounds with at least {@link #HOTSPOT_MIN_TICKETS} tickets of one category reported in the
     * {@link #HOTSPOT_DAYS} days up to the period's end, duplicates left out.
     */
    private List<Hotspot> hotspots(Where area, boolean rowsServe, StatsFilter filter, Instant now, Names names,
            SharedScans shared) {
        LocalDate end = filter.to().plusDays(1);
        List<Hotspot> result = new ArrayList<>();
        for (FigureRollups.SiteCount c : rollups.siteCounts(area, rowsServe, end.minusDays(HOTSPOT_DAYS), end, now, shared)) {
            if (c.tickets() >= HOTSPOT_MIN_TICKETS) {
                Site site = names.siteEntity(c.siteId());
                result.add(new Hotspot(Ref.of(site), Ref.of(site.community), names.category(c.categoryId()),
                        c.tickets(), c.lastReportedAt()));
            }
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
    PlaceMap placeMap(StatsFilter filter, TicketScope scope, List<Hotspot> hotspots, SharedScans shared) {
        Selection selection = select(filter, scope);
        Names names = new Names();
        List<PlaceMap.Place> places = new ArrayList<>();
        Map<Long, long[]> bySite = new HashMap<>();
        for (FigureRollups.SiteCount c : rollups.siteCounts(selection.area(),
                scope.kind() != TicketScope.Kind.ORGANIZATION, filter.from(), filter.to().plusDays(1), clock.instant(),
                shared)) {
            long[] sums = bySite.computeIfAbsent(c.siteId(), k -> new long[2]);
            sums[0] += c.tickets();
            sums[1] += c.late();
        }
        bySite.forEach((siteId, sums) -> {
            Site site = names.siteEntity(siteId);
            places.add(new PlaceMap.Place(site, sums[0], sums[1], troublesAt(site.code, hotspots)));
        });
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

    /** Reported and resolved per week; a week is counted from Monday 00:00 in the installation's zone. */
    private static List<Week> weekly(Collection<FigureGroup> groups, LocalDate firstMonday, LocalDate weeksEnd) {
        int weekCount = (int) java.time.temporal.ChronoUnit.WEEKS.between(firstMonday, weeksEnd);
        long[][] counts = new long[2][weekCount];
        for (FigureGroup g : groups) {
            int week = (int) java.time.temporal.ChronoUnit.WEEKS.between(firstMonday, g.key.day());
            counts[0][week] += g.reported;
            counts[1][week] += g.resolvedThatDay;
        }
        List<Week> weeks = new ArrayList<>();
        for (int week = 0; week < weekCount; week++) {
            weeks.add(new Week(firstMonday.plusWeeks(week), counts[0][week], counts[1][week]));
        }
        return weeks;
    }

    // --- SQL plumbing ------------------------------------------------------------------------------------------

    List<Object[]> rows(Where where, String sql) {
        return results(where.bind(em.createNativeQuery(sql)));
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
