package org.communitydesk.dashboard;

import static org.communitydesk.dashboard.StatsService.count;
import static org.communitydesk.dashboard.StatsService.id;
import static org.communitydesk.dashboard.StatsService.instant;
import static org.communitydesk.dashboard.StatsService.nullableId;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.NativeWrites;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The dashboard's figures per report day (ticket_figures and the compounds' ticket_figures_site, V34; the unit
 * ranking's ticket_figures_unit, V35; the changes the clock will make, ticket_figures_pending, V36): the "figures"
 * job writes them, the summary and the ranking read them. A day is read from the stored rows while it is fresh
 * (computed in this zone and no write marked since), with the pending changes whose moment has passed added; any
 * other day of a period is read from the tickets by the same code that computes the rows ({@link FigureScan}), so a
 * summary is exact whatever the job has done so far.
 */
@ApplicationScoped
public class FigureRollups {

    private static final Logger LOG = Logger.getLogger(FigureRollups.class);
    /** How long one run of the job keeps computing; a backlog (say after loading years of tickets) takes several. */
    static final Duration RUN_BUDGET = Duration.ofSeconds(20);
    /**
     * How long after a day's first pending change has passed the job computes the day again, folding the passed
     * changes into its rows: readers add them meanwhile, and the number they add stays small.
     */
    static final Duration FOLD_AFTER = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    FigureScan scan;

    @Inject
    AppConfig config;

    ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    // --- Reading ------------------------------------------------------------------------------------------------

    /** The groups of a period, and when asked for, the unit ranking's rows. */
    record Figures(Map<FigureGroup.Key, FigureGroup> groups, Map<UnitGroup.Key, UnitGroup> units) {
    }

    /**
     * The groups of the tickets in {@code area} reported (or, for {@link FigureGroup#resolvedThatDay}, resolved) on
     * the days [first, end). {@code rowsServe} is false when the area is not a matter of street office and community
     * (an organization's scope), and then every day is read from the tickets.
     */
    Map<FigureGroup.Key, FigureGroup> groups(Where area, boolean rowsServe, LocalDate first, LocalDate end, Instant now,
            SharedScans shared) {
        return read(area, rowsServe, first, end, now, false, shared).groups();
    }

    /** {@link #groups} and the unit ranking's rows of the same days, read together. */
    Figures groupsAndUnits(Where area, boolean rowsServe, LocalDate first, LocalDate end, Instant now,
            SharedScans shared) {
        return read(area, rowsServe, first, end, now, true, shared);
    }

    private Figures read(Where area, boolean rowsServe, LocalDate first, LocalDate end, Instant now, boolean withUnits,
            SharedScans shared) {
        StoredDays stored = rowsServe ? storedDays(first, end, now) : StoredDays.NONE;
        Set<LocalDate> fresh = stored.fresh();
        Map<FigureGroup.Key, FigureGroup> groups = new HashMap<>();
        Map<UnitGroup.Key, UnitGroup> units = new HashMap<>();
        if (!fresh.isEmpty()) {
            Where where = area.and("t.report_day >= :first and t.report_day < :end").with("first", first).with("end", end);
            for (Object[] row : rows(where, "select t.report_day, t.street_office_id, t.community_id, t.category_id,"
                    + " t.lead_organization_id, t.reported, t.resolved, t.within_sla, t.response_counted,"
                    + " t.responded_in_time, t.not_cancelled, t.confirmed_resolved, t.satisfied, t.rated,"
                    + " t.acceptance_counted, t.accepted_in_time, t.reopens, t.open_overdue, t.resolved_that_day,"
                    + " t.seconds_to_dispatch, t.seconds_to_resolve from ticket_figures t where " + where.sql())) {
                LocalDate day = localDate(row[0]);
                if (fresh.contains(day)) {
                    FigureGroup g = group(day, row);
                    groups.merge(g.key, g, (a, b) -> {
                        a.add(b);
                        return a;
                    });
                }
            }
            if (withUnits) {
                for (Object[] row : rows(where, "select t.report_day, t.street_office_id, t.community_id,"
                        + " t.organization_id, t.acceptance_counted, t.accepted_in_time, t.returns,"
                        + " t.extensions_requested, t.extensions_approved, t.urgings, t.late_only_by_original"
                        + " from ticket_figures_unit t where " + where.sql())) {
                    LocalDate day = localDate(row[0]);
                    if (fresh.contains(day)) {
                        UnitGroup u = unit(day, row);
                        units.merge(u.key, u, (a, b) -> {
                            a.add(b);
                            return a;
                        });
                    }
                }
            }
            for (PassedChanges passed : passedChanges(area, stored, now)) {
                passed.change().addTo(groups.computeIfAbsent(passed.key(), FigureGroup::new), passed.tickets());
                if (withUnits && passed.change() == ClockChange.ACCEPT_DUE) {
                    FigureGroup.Key k = passed.key();
                    passed.change().addTo(units.computeIfAbsent(new UnitGroup.Key(k.day(), k.streetOfficeId(),
                            k.communityId(), passed.organizationId()), UnitGroup::new), passed.tickets());
                }
            }
        }
        for (LocalDate[] run : runsWithout(fresh, first, end, now, shared)) {
            FigureScan.Result scanned = scan(area, run, now, withUnits, shared);
            groups.putAll(scanned.groups());
            if (withUnits) {
                units.putAll(scanned.units());
            }
        }
        return new Figures(groups, units);
    }

    /** A compound's tickets of one category, duplicates left out: how many, how many late, and the last report. */
    record SiteCount(long siteId, long categoryId, long tickets, long late, Instant lastReportedAt) {
    }

    /**
     * Per compound and category, the tickets reported on the days [first, end), duplicates left out; the fresh days
     * are added up by the database (trouble spots look at 90 days).
     */
    List<SiteCount> siteCounts(Where area, boolean rowsServe, LocalDate first, LocalDate end, Instant now,
            SharedScans shared) {
        StoredDays stored = rowsServe ? storedDays(first, end, now) : StoredDays.NONE;
        Set<LocalDate> fresh = stored.fresh();
        Map<List<Long>, SiteCount> counts = new HashMap<>();
        if (!fresh.isEmpty()) {
            Where where = area.and("t.report_day >= :first and t.report_day < :end").with("first", first)
                    .with("end", end);
            List<LocalDate> notFresh = new ArrayList<>();
            for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
                if (!fresh.contains(day)) {
                    notFresh.add(day);
                }
            }
            if (!notFresh.isEmpty()) {
                where = where.and("t.report_day not in (:notFresh)").with("notFresh", notFresh);
            }
            for (Object[] row : rows(where, "select t.site_id, t.category_id, sum(t.tickets), sum(t.late),"
                    + " max(t.last_reported_at) from ticket_figures_site t where " + where.sql()
                    + " group by t.site_id, t.category_id")) {
                add(counts, new SiteCount(id(row[0]), id(row[1]), count(row[2]), count(row[3]), instant(row[4])));
            }
            for (PassedChanges passed : passedChanges(area, stored, now)) {
                long late = passed.change().lateAtSite(passed.tickets());
                SiteCount before = late == 0 || passed.siteId() == null ? null
                        : counts.get(List.of(passed.siteId(), passed.key().categoryId()));
                if (before != null) {
                    add(counts, new SiteCount(before.siteId(), before.categoryId(), 0, late, before.lastReportedAt()));
                }
            }
        }
        for (LocalDate[] run : runsWithout(fresh, first, end, now, shared)) {
            for (SiteGroup g : scan(area, run, now, false, shared).sites().values()) {
                add(counts, new SiteCount(g.key.siteId(), g.key.categoryId(), g.tickets, g.late, g.lastReportedAt));
            }
        }
        return new ArrayList<>(counts.values());
    }

    private static void add(Map<List<Long>, SiteCount> counts, SiteCount c) {
        counts.merge(List.of(c.siteId(), c.categoryId()), c, (a, b) -> new SiteCount(a.siteId(), a.categoryId(),
                a.tickets() + b.tickets(), a.late() + b.late(),
                a.lastReportedAt().isAfter(b.lastReportedAt()) ? a.lastReportedAt() : b.lastReportedAt()));
    }

    /**
     * The days of [first, end) whose stored rows hold the tickets as they are now ({@code fresh}), and of those, the
     * ones with a pending change whose moment has passed.
     */
    private record StoredDays(Set<LocalDate> fresh, List<LocalDate> withPassedChanges) {
        static final StoredDays NONE = new StoredDays(Set.of(), List.of());
    }

    private StoredDays storedDays(LocalDate first, LocalDate end, Instant now) {
        ZoneId zone = zone();
        Map<LocalDate, Instant> firstChange = new HashMap<>();
        Where days = new Where("report_day >= :first and report_day < :end and zone_id = :zone and computed_at <= :now",
                Map.of("first", first, "end", end, "zone", zone.getId(), "now", now));
        for (Object[] day : rows(days, "select report_day, valid_until from ticket_figures_day where " + days.sql())) {
            firstChange.put(localDate(day[0]), day[1] == null ? Instant.MAX : instant(day[1]));
        }
        if (firstChange.isEmpty()) {
            return StoredDays.NONE;
        }
        firstChange.keySet().removeAll(markedDays(first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()));
        List<LocalDate> withPassedChanges = firstChange.entrySet().stream().filter(e -> e.getValue().isBefore(now))
                .map(Map.Entry::getKey).sorted().toList();
        return new StoredDays(Set.copyOf(firstChange.keySet()), withPassedChanges);
    }

    /** Passed changes of one group and kind, with the order's organization or the late compound. */
    private record PassedChanges(FigureGroup.Key key, ClockChange change, Long organizationId, Long siteId,
            long tickets) {
    }

    /** The pending changes of the stored days whose moment is before {@code now}, counted per group and kind. */
    private List<PassedChanges> passedChanges(Where area, StoredDays stored, Instant now) {
        if (stored.withPassedChanges().isEmpty()) {
            return List.of();
        }
        Where where = area.and("t.report_day in (:passedDays) and t.moment < :passedBefore")
                .with("passedDays", stored.withPassedChanges()).with("passedBefore", now);
        List<PassedChanges> passed = new ArrayList<>();
        for (Object[] row : rows(where, "select t.report_day, t.street_office_id, t.community_id, t.category_id,"
                + " t.lead_organization_id, t.kind, t.organization_id, t.site_id, count(*) from ticket_figures_pending t"
                + " where " + where.sql() + " group by t.report_day, t.street_office_id, t.community_id,"
                + " t.category_id, t.lead_organization_id, t.kind, t.organization_id, t.site_id")) {
            passed.add(new PassedChanges(new FigureGroup.Key(localDate(row[0]), id(row[1]), id(row[2]), id(row[3]),
                    nullableId(row[4])), ClockChange.valueOf((String) row[5]), nullableId(row[6]), nullableId(row[7]),
                    count(row[8])));
        }
        return passed;
    }

    /** The days with a write marked in [from, to), one index probe per such day. */
    private Set<LocalDate> markedDays(Instant from, Instant to) {
        ZoneId zone = zone();
        Set<LocalDate> days = new TreeSet<>();
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            // Ordered and limited rather than min(): H2 reads every mark of the range for a min() with a range, and
            // after a bulk load (a mark per ticket) that took minutes.
            List<?> firstMark = em.createNativeQuery("select moment from ticket_figures_stale"
                    + " where moment >= :cursor and moment < :to order by moment").setParameter("cursor", cursor)
                    .setParameter("to", to).setMaxResults(1).getResultList();
            if (firstMark.isEmpty()) {
                break;
            }
            Object first = firstMark.get(0);
            LocalDate day = LocalDate.ofInstant(instant(first), zone);
            days.add(day);
            cursor = day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return days;
    }

    /** The days [run[0], run[1]) from the tickets, or from what {@code shared} holds of them. */
    private FigureScan.Result scan(Where area, LocalDate[] run, Instant now, boolean withUnits, SharedScans shared) {
        ZoneId zone = zone();
        Instant from = run[0].atStartOfDay(zone).toInstant();
        Instant to = run[1].atStartOfDay(zone).toInstant();
        return shared == null ? scan.scan(area, from, to, now, zone, withUnits)
                : shared.scan(area, from, to, () -> scan.scan(area, from, to, now, zone, true));
    }

    /**
     * The runs of consecutive days of [first, end) that are not in {@code skip}, as [from, to) pairs. For a page's
     * shared scans they end by tomorrow (no ticket is reported later), so that its reads ask for the same runs.
     */
    private List<LocalDate[]> runsWithout(Set<LocalDate> skip, LocalDate first, LocalDate end, Instant now,
            SharedScans shared) {
        LocalDate tomorrow = LocalDate.ofInstant(now, zone()).plusDays(1);
        if (shared != null && end.isAfter(tomorrow)) {
            end = tomorrow.isAfter(first) ? tomorrow : first;
        }
        List<LocalDate[]> runs = new ArrayList<>();
        LocalDate start = null;
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            if (skip.contains(day)) {
                if (start != null) {
                    runs.add(new LocalDate[] { start, day });
                    start = null;
                }
            } else if (start == null) {
                start = day;
            }
        }
        if (start != null) {
            runs.add(new LocalDate[] { start, end });
        }
        return runs;
    }

    private static FigureGroup group(LocalDate day, Object[] row) {
        FigureGroup g = new FigureGroup(new FigureGroup.Key(day, id(row[1]), id(row[2]), id(row[3]),
                nullableId(row[4])), DurationSketch.decode((String) row[19]), DurationSketch.decode((String) row[20]));
        g.reported = count(row[5]);
        g.resolved = count(row[6]);
        g.withinSla = count(row[7]);
        g.responseCounted = count(row[8]);
        g.respondedInTime = count(row[9]);
        g.notCancelled = count(row[10]);
        g.confirmedResolved = count(row[11]);
        g.satisfied = count(row[12]);
        g.rated = count(row[13]);
        g.acceptanceCounted = count(row[14]);
        g.acceptedInTime = count(row[15]);
        g.reopens = count(row[16]);
        g.openOverdue = count(row[17]);
        g.resolvedThatDay = count(row[18]);
        return g;
    }

    private static UnitGroup unit(LocalDate day, Object[] row) {
        UnitGroup u = new UnitGroup(new UnitGroup.Key(day, id(row[1]), id(row[2]), nullableId(row[3])));
        u.acceptanceCounted = count(row[4]);
        u.acceptedInTime = count(row[5]);
        u.returns = count(row[6]);
        u.extensionsRequested = count(row[7]);
        u.extensionsApproved = count(row[8]);
        u.urgings = count(row[9]);
        u.lateOnlyByOriginal = count(row[10]);
        return u;
    }

    // --- The job ------------------------------------------------------------------------------------------------

    /**
     * One run of the "figures" job: computes again the days with writes marked, then those whose figures the clock
     * has changed, then days not computed yet (newest first), until {@link #RUN_BUDGET} is spent. Returns the days
     * computed. Each day is its own transaction.
     */
    public long refresh(Instant now) {
        ZoneId zone = zone();
        long started = System.nanoTime();
        List<LocalDate> days = QuarkusTransaction.requiringNew().call(() -> {
            List<LocalDate> due = new ArrayList<>(markedDays(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z")));
            due.addAll(expiredDays(now, zone));
            due.addAll(missingDays(now, zone));
            return due.stream().distinct().toList();
        });
        long done = 0;
        for (LocalDate day : days) {
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(RUN_BUDGET) > 0) {
                LOG.debugf("Figures job: %d of %d days computed, the rest at the next run.", done, days.size());
                break;
            }
            QuarkusTransaction.requiringNew().run(() -> compute(day, now, zone));
            done++;
        }
        return done;
    }

    private List<LocalDate> expiredDays(Instant now, ZoneId zone) {
        List<LocalDate> days = new ArrayList<>();
        for (Object day : em.createNativeQuery("select report_day from ticket_figures_day where valid_until <= :foldBefore"
                + " or zone_id <> :zone order by report_day desc").setParameter("foldBefore", now.minus(FOLD_AFTER))
                .setParameter("zone", zone.getId()).getResultList()) {
            days.add(localDate(day));
        }
        return days;
    }

    /** The days from the first report to today that have no row in ticket_figures_day, newest first. */
    private List<LocalDate> missingDays(Instant now, ZoneId zone) {
        Object firstReport = em.createNativeQuery("select min(reported_at) from ticket").getSingleResult();
        if (firstReport == null) {
            return List.of();
        }
        Set<LocalDate> computed = new HashSet<>();
        for (Object day : em.createNativeQuery("select report_day from ticket_figures_day").getResultList()) {
            computed.add(localDate(day));
        }
        List<LocalDate> missing = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(instant(firstReport), zone);
        for (LocalDate day = LocalDate.ofInstant(now, zone); !day.isBefore(first); day = day.minusDays(1)) {
            if (!computed.contains(day)) {
                missing.add(day);
            }
        }
        return missing;
    }

    /**
     * Computes one day's rows. The day's marks are removed first: a write that commits after that leaves its own
     * mark, which this transaction does not see and so does not remove, and the day is computed again later.
     */
    void compute(LocalDate day, Instant now, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        NativeWrites.to(em, "ticket_figures_stale", "delete from ticket_figures_stale where moment >= :from and moment < :to")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
        FigureScan.Result result = scan.scan(new Where("1 = 1", Map.of()), from, to, now, zone, true);
        NativeWrites.to(em, "ticket_figures", "delete from ticket_figures where report_day = :day").setParameter("day", day).executeUpdate();
        NativeWrites.to(em, "ticket_figures_site", "delete from ticket_figures_site where report_day = :day").setParameter("day", day)
                .executeUpdate();
        NativeWrites.to(em, "ticket_figures_unit", "delete from ticket_figures_unit where report_day = :day").setParameter("day", day)
                .executeUpdate();
        NativeWrites.to(em, "ticket_figures_pending", "delete from ticket_figures_pending where report_day = :day").setParameter("day", day)
                .executeUpdate();
        NativeWrites.to(em, "ticket_figures_day", "delete from ticket_figures_day where report_day = :day").setParameter("day", day).executeUpdate();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket_figures (report_day,"
                    + " street_office_id, community_id, category_id, lead_organization_id, reported, resolved,"
                    + " within_sla, response_counted, responded_in_time, not_cancelled, confirmed_resolved, satisfied,"
                    + " rated, acceptance_counted, accepted_in_time, reopens, open_overdue, resolved_that_day,"
                    + " seconds_to_dispatch, seconds_to_resolve)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (FigureGroup g : result.groups().values()) {
                    FigureGroup.Key k = g.key;
                    insert.setObject(1, k.day());
                    insert.setLong(2, k.streetOfficeId());
                    insert.setLong(3, k.communityId());
                    insert.setLong(4, k.categoryId());
                    if (k.leadOrganizationId() == null) {
                        insert.setNull(5, Types.BIGINT);
                    } else {
                        insert.setLong(5, k.leadOrganizationId());
                    }
                    long[] counts = { g.reported, g.resolved, g.withinSla, g.responseCounted, g.respondedInTime,
                            g.notCancelled, g.confirmedResolved, g.satisfied, g.rated, g.acceptanceCounted,
                            g.acceptedInTime, g.reopens, g.openOverdue, g.resolvedThatDay };
                    for (int i = 0; i < counts.length; i++) {
                        insert.setLong(6 + i, counts[i]);
                    }
                    insert.setString(20, g.secondsToDispatch.encode());
                    insert.setString(21, g.secondsToResolve.encode());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket_figures_site (report_day,"
                    + " street_office_id, community_id, site_id, category_id, tickets, late, last_reported_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SiteGroup g : result.sites().values()) {
                    insert.setObject(1, g.key.day());
                    insert.setLong(2, g.key.streetOfficeId());
                    insert.setLong(3, g.key.communityId());
                    insert.setLong(4, g.key.siteId());
                    insert.setLong(5, g.key.categoryId());
                    insert.setLong(6, g.tickets);
                    insert.setLong(7, g.late);
                    insert.setObject(8, g.lastReportedAt.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket_figures_unit (report_day,"
                    + " street_office_id, community_id, organization_id, acceptance_counted, accepted_in_time, returns,"
                    + " extensions_requested, extensions_approved, urgings, late_only_by_original)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (UnitGroup u : result.units().values()) {
                    insert.setObject(1, u.key.day());
                    insert.setLong(2, u.key.streetOfficeId());
                    insert.setLong(3, u.key.communityId());
                    if (u.key.organizationId() == null) {
                        insert.setNull(4, Types.BIGINT);
                    } else {
                        insert.setLong(4, u.key.organizationId());
                    }
                    long[] counts = { u.acceptanceCounted, u.acceptedInTime, u.returns, u.extensionsRequested,
                            u.extensionsApproved, u.urgings, u.lateOnlyByOriginal };
                    for (int i = 0; i < counts.length; i++) {
                        insert.setLong(5 + i, counts[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Instant validUntil = null;
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket_figures_pending (report_day,"
                    + " street_office_id, community_id, category_id, lead_organization_id, kind, moment,"
                    + " organization_id, site_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (FigureScan.Pending p : result.pending()) {
                    FigureGroup.Key k = p.key();
                    insert.setObject(1, k.day());
                    insert.setLong(2, k.streetOfficeId());
                    insert.setLong(3, k.communityId());
                    insert.setLong(4, k.categoryId());
                    setNullableId(insert, 5, k.leadOrganizationId());
                    insert.setString(6, p.change().name());
                    insert.setObject(7, p.at().atOffset(ZoneOffset.UTC));
                    setNullableId(insert, 8, p.organizationId());
                    setNullableId(insert, 9, p.siteId());
                    insert.addBatch();
                    validUntil = validUntil == null || p.at().isBefore(validUntil) ? p.at() : validUntil;
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket_figures_day (report_day, zone_id,"
                    + " computed_at, valid_until) values (?, ?, ?, ?)")) {
                insert.setObject(1, day);
                insert.setString(2, zone.getId());
                insert.setObject(3, now.atOffset(ZoneOffset.UTC));
                if (validUntil == null) {
                    insert.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setObject(4, validUntil.atOffset(ZoneOffset.UTC));
                }
                insert.executeUpdate();
            }
        });
    }

    /**
     * Removes every stored day and every mark: for when the job is off, so that the marks do not pile up and no
     * stored day outlives the writes that would have made it stale. Returns the rows removed.
     */
    public long forgetAll() {
        return NativeWrites.to(em, "ticket_figures_day", "delete from ticket_figures_day").executeUpdate()
                + NativeWrites.to(em, "ticket_figures", "delete from ticket_figures").executeUpdate()
                + NativeWrites.to(em, "ticket_figures_site", "delete from ticket_figures_site").executeUpdate()
                + NativeWrites.to(em, "ticket_figures_unit", "delete from ticket_figures_unit").executeUpdate()
                + NativeWrites.to(em, "ticket_figures_pending", "delete from ticket_figures_pending").executeUpdate()
                + NativeWrites.to(em, "ticket_figures_stale", "delete from ticket_figures_stale").executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(Where where, String sql) {
        return (List<Object[]>) where.bind(em.createNativeQuery(sql)).getResultList();
    }

    private static void setNullableId(PreparedStatement insert, int index, Long id) throws java.sql.SQLException {
        if (id == null) {
            insert.setNull(index, Types.BIGINT);
        } else {
            insert.setLong(index, id);
        }
    }

    static LocalDate localDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date type " + value.getClass().getName());
    }
}
