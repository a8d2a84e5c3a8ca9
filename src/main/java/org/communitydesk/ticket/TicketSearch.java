package org.communitydesk.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.NativeRows;
import org.communitydesk.common.PageResponse;
import org.communitydesk.common.QueryParams;
import org.communitydesk.common.RecentAnswers;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.AreaLevel;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.directory.Site;
import org.communitydesk.ticket.TicketViews.Ref;
import org.communitydesk.ticket.TicketViews.TicketSummary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ticket list: filters become one JPQL query whose every predicate has an index behind it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TicketSearch {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    /**
     * A text search counts its matches up to this many and then stops: for a common term H2 reads the rows
     * (ticket_text_gram narrows only rare ones), so an exact count would read every row (about 4 s at 1,000,000
     * tickets), where the page itself stops after its rows. A total of {@code TEXT_COUNT_CAP + 1} means "more".
     */
    public static final int TEXT_COUNT_CAP = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    /** Whether the database is H2, whose text search reads ticket_text_gram. */
    private final boolean h2;

    /**
     * The gram that narrows a text search on H2, for a few seconds: the queue asks twice a page (counts and rows),
     * and a crew pages through. The choice decides only how quickly the matches are found, never which: every
     * match holds every gram of the term, so an older choice still finds the tickets written since.
     */
    private final RecentAnswers<String, OptionalLong> narrowestGrams = new RecentAnswers<>(1_000);

    TicketSearch(@ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        this.h2 = "h2".equals(databaseKind);
    }

    /**
     * Pages of the list answered in the last seconds, by query, caller, newest timeline event and clock period: a
     * queue left open on a wall screen or polled by a crew's phone. Every change a row or the total shows records
     * an event (a new ticket, a move, an urging, a pause), so it shows on the next call, on every instance; a
     * renamed organization, or a row turning overdue with the time, within {@link RecentAnswers#TIME_TO_LIVE}.
     */
    private final RecentAnswers<PageKey, PageResponse<TicketSummary>> recentPages =
            new RecentAnswers<>(20_000, page -> page.items().size());

    private record PageKey(List<Object> query, Caller caller, long newestEvent, long period) {
    }

    public PageResponse<TicketSummary> search(TicketQuery query, TicketScope scope) {
        return search(query, scope, Set.of(), null);
    }

    /**
     * The list as the caller asks it: their scope, and their roles for "needs me". The same page again while no
     * ticket changes, for a few seconds ({@link #recentPages}).
     */
    public PageResponse<TicketSummary> search(TicketQuery query, Caller caller) {
        long newestEvent = TicketEvent.newestId();
        var key = new PageKey(query.values(), caller, newestEvent, RecentAnswers.period(clock.instant()));
        return recentPages.of(key, () -> search(query, caller.scope(), caller.roles(), null));
    }

    /**
     * A page of the queue and the counts per status along its top; the page's total is taken from the counts.
     * When {@code capped}, a text search matched more than {@link #TEXT_COUNT_CAP} tickets and the counts
     * per status are not known (they hold what the first matches had).
     */
    public record Queue(PageResponse<TicketSummary> page, Map<TicketStatus, Long> counts, boolean capped,
            Map<String, String> excerpts) {

        /** The start of the ticket's description, for the queue's row. */
        public String excerpt(String code) {
            return excerpts.getOrDefault(code, "");
        }
    }

    /** Characters of the description a queue row shows. */
    static final int EXCERPT_LENGTH = 60;
    /** A caller search gives at most this many tickets: it looks for one person's calls, not a list. */
    static final int CALLER_MATCHES_CAP = 500;

    /**
     * Tickets whose caller (the first, or a further call's) has this phone or this name, for the queue of
     * those who may see callers. Read from the indexes on the phone and name columns (V20), never by scanning;
     * a phone matches as typed at intake or as its digits alone.
     */
    public CallerMatch callerMatch(String typed) {
        if (!present(typed)) {
            return null;
        }
        String text = typed.strip();
        if (text.length() > 100) {
            throw new InvalidRequestProblem("caller", "caller must be at most 100 characters.");
        }
        String digits = text.replaceAll("[\\s\\-+()]", "");
        boolean phone = digits.matches("\\d{3,32}");
        String ticketColumn = phone ? "t.reporterPhone in (:typed, :digits)" : "t.reporterName = :typed";
        String reportColumn = phone ? "r.reporterPhone in (:typed, :digits)" : "r.reporterName = :typed";
        var first = entityManager.createQuery("select t.id from Ticket t where " + ticketColumn, Long.class)
                .setParameter("typed", text);
        var further = entityManager.createQuery("select r.ticket.id from TicketReport r where " + reportColumn,
                Long.class).setParameter("typed", text);
        if (phone) {
            first.setParameter("digits", digits);
            further.setParameter("digits", digits);
        }
        Set<Long> ids = new java.util.TreeSet<>(first.setMaxResults(CALLER_MATCHES_CAP).getResultList());
        ids.addAll(further.setMaxResults(CALLER_MATCHES_CAP).getResultList());
        return new CallerMatch(ids.stream().limit(CALLER_MATCHES_CAP).toList());
    }

    /** The tickets a caller search found; only for those who may search by caller (see the queue's page). */
    public record CallerMatch(List<Long> ticketIds) {
    }

    public Queue queue(TicketQuery query, TicketScope scope) {
        return queue(query, scope, Set.of(), null);
    }

    public Queue queue(TicketQuery query, TicketScope scope, CallerMatch caller) {
        return queue(query, scope, Set.of(), caller);
    }

    /** The queue with the signed-in person's roles, for "needs me". */
    public Queue queue(TicketQuery query, Caller signedIn, CallerMatch caller) {
        return queue(query, signedIn.scope(), signedIn.roles(), caller);
    }

    private Queue queue(TicketQuery query, TicketScope scope, Set<String> roles, CallerMatch caller) {
        Map<TicketStatus, Long> counts = countByStatus(query, scope, roles, caller);
        // Only a text search counts up to the cap; the other filters' counts are exact, however many.
        boolean capped = present(query.q) && counts.values().stream().mapToLong(Long::longValue).sum() > TEXT_COUNT_CAP;
        Set<TicketStatus> statuses = statuses(query.status);
        // The counts ignore the status filter and the list applies it, so its total is the chosen statuses' sum:
        // one count fewer, which matters when the filters leave the tickets to be counted one by one (text search).
        Long total = counts.entrySet().stream().filter(e -> statuses.isEmpty() || statuses.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        if (capped && !statuses.isEmpty()) {
            total = null; // the chosen statuses may have fewer matches than the cap: counted (capped) with them
        } else if (capped) {
            total = (long) TEXT_COUNT_CAP + 1;
        }
        if (total != null) {
            // A page past the end (an old link, ?page=999) shows the last page rather than "page 1000 of 2".
            int size = Math.min(QueryParams.integer("size", query.size, DEFAULT_SIZE, 1), MAX_SIZE);
            long lastPage = Math.max(0, (total - 1) / size);
            if (QueryParams.integer("page", query.page, 0, 0) > lastPage) {
                query.page = Long.toString(lastPage);
            }
        }
        Map<String, String> excerpts = new java.util.HashMap<>();
        PageResponse<TicketSummary> page = search(query, scope, roles, caller, total, excerpts);
        return new Queue(page, counts, capped, excerpts);
    }

    /**
     * The ids of the tickets the queue's filters select (all statuses chosen, any order of the page ignored),
     * after {@code afterId} in id order, {@code limit} at most: the export reads the queue in such chunks.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> idsAfter(TicketQuery query, TicketScope scope, CallerMatch caller, long afterId, int limit) {
        return idsAfter(query, scope, Set.of(), caller, afterId, limit);
    }

    /** {@link #idsAfter(TicketQuery, TicketScope, CallerMatch, long, int)} with the roles, for "needs me". */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> idsAfter(TicketQuery query, TicketScope scope, Set<String> roles, CallerMatch caller, long afterId,
            int limit) {
        Filter filtered = filter(query, scope, roles, clock.instant(), true, caller);
        String jpql = "select t.id from Ticket t" + filtered.jpql()
                + (filtered.jpql().isEmpty() ? " where " : " and ") + "t.id > :afterId order by t.id";
        TypedQuery<Long> ids = entityManager.createQuery(jpql, Long.class);
        filtered.params().forEach(ids::setParameter);
        return ids.setParameter("afterId", afterId).setMaxResults(limit).getResultList();
    }

    private PageResponse<TicketSummary> search(TicketQuery query, TicketScope scope, Set<String> roles,
            Long knownTotal) {
        return search(query, scope, roles, null, knownTotal, new java.util.HashMap<>());
    }

    private PageResponse<TicketSummary> search(TicketQuery query, TicketScope scope, Set<String> roles,
            CallerMatch caller, Long knownTotal, Map<String, String> excerpts) {
        Instant now = clock.instant();
        int page = QueryParams.integer("page", query.page, 0, 0);
        int size = Math.min(QueryParams.integer("size", query.size, DEFAULT_SIZE, 1), MAX_SIZE);
        String order = orderBy(query.sort);
        Filter filtered = filter(query, scope, roles, now, true, caller);
        String filter = filtered.jpql();
        Map<String, Object> params = filtered.params();

        long total;
        if (knownTotal != null) {
            total = knownTotal;
        } else if (filtered.tally() != null) {
            total = filtered.tally().countIn(entityManager, statuses(query.status));
        } else if (present(query.q)) {
            TypedQuery<Long> matches = entityManager.createQuery("select t.id from Ticket t" + filter, Long.class);
            params.forEach(matches::setParameter);
            total = matches.setMaxResults(TEXT_COUNT_CAP + 1).getResultList().size();
        } else {
            TypedQuery<Long> count = entityManager.createQuery("select count(t) from Ticket t" + filter, Long.class);
            params.forEach(count::setParameter);
            total = count.getSingleResult();
        }

        List<Ticket> tickets = List.of();
        if ((long) page * size < total) {
            // Outer joins, although category, street office and community are never null: H2 puts the small
            // tables of inner joins first and then sorts every matching ticket (46 s at 1,000,000 tickets),
            // where with the ticket first it reads the sort key's index and stops after the page.
            TypedQuery<Ticket> select = entityManager.createQuery("select t from Ticket t"
                    + " left join fetch t.category left join fetch t.streetOffice left join fetch t.community"
                    + " left join fetch t.site left join fetch t.leadOrganization" + filter + " order by " + order,
                    Ticket.class);
            params.forEach(select::setParameter);
            tickets = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        }
        Map<Long, TicketViews.ReturnedSummary> returns = returnsOf(tickets);
        Map<Long, Long> urged = urgingCounts(tickets);
        List<TicketSummary> items = tickets.stream()
                .map(t -> summary(t, now, returns.get(t.id), urged.getOrDefault(t.id, 0L))).toList();
        tickets.forEach(t -> excerpts.put(t.code, excerpt(t.description)));
        return new PageResponse<>(items, page, size, total);
    }

    /**
     * The list's filters as a JPQL where clause; the status filter is left out for the counts per status. When
     * the filters are only the caller's area, category and status, {@code tally} counts from ticket_tally.
     */
    private record Filter(String jpql, Map<String, Object> params, TicketTally tally) {
    }

    /**
     * The returns the page's returned tickets wait with: one query, and none when the page has no returned ticket.
     * Native, as is {@link #urgingCounts}: Hibernate translates a JPQL query with a list parameter on every call.
     */
    private Map<Long, TicketViews.ReturnedSummary> returnsOf(List<Ticket> tickets) {
        List<Long> returned = tickets.stream().filter(Ticket::isReturned).map(t -> t.id).toList();
        Map<Long, TicketViews.ReturnedSummary> found = new java.util.HashMap<>();
        if (returned.isEmpty()) {
            return found;
        }
        List<?> rows = entityManager.createNativeQuery("select r.ticket_id, o.code, o.name_zh, o.name_en, r.reason, "
                + "r.returned_at from ticket_return r join organization o on o.id = r.organization_id "
                + "where r.ticket_id in (:tickets) order by r.id").setParameter("tickets", returned).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            found.put(((Number) r[0]).longValue(), new TicketViews.ReturnedSummary(
                    new Ref((String) r[1], (String) r[2], (String) r[3]), ReturnReason.valueOf((String) r[4]),
                    NativeRows.instant(r[5])));
        }
        return found;
    }

    private Filter filter(TicketQuery query, TicketScope scope, Set<String> roles, Instant now, boolean byStatus,
            CallerMatch caller) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        TicketTally tally = TicketTally.of(scope);
        String inScope = scope.predicate("t");
        if (inScope != null) {
            where.add(inScope);
            params.putAll(scope.parameters());
        }
        Set<TicketStatus> statuses = statuses(query.status);
        if (byStatus && !statuses.isEmpty()) {
            where.add("t.status in :statuses");
            params.put("statuses", statuses);
        }
        if (present(query.category)) {
            ServiceCategory category = ServiceCategory.findByCode(query.category.strip())
                    .orElseThrow(() -> unknown("category", query.category));
            where.add("t.category = :category");
            params.put("category", category);
            tally = tally == null ? null : tally.and("category_id", category.id);
        }
        if (present(query.streetOffice)) {
            Area streetOffice = area("streetOffice", query.streetOffice, AreaLevel.STREET_OFFICE);
            where.add("t.streetOffice = :streetOffice");
            params.put("streetOffice", streetOffice);
            tally = tally == null ? null : tally.and("street_office_id", streetOffice.id);
        }
        if (present(query.community)) {
            Area community = area("community", query.community, AreaLevel.COMMUNITY);
            where.add("t.community = :community");
            params.put("community", community);
            tally = tally == null ? null : tally.and("community_id", community.id);
        }
        if (caller != null) {
            // No match is an empty list, which "in" cannot take: a condition that holds for no ticket.
            where.add(caller.ticketIds().isEmpty() ? "t.id < 0" : "t.id in :callerTicketIds");
            if (!caller.ticketIds().isEmpty()) {
                params.put("callerTicketIds", caller.ticketIds());
            }
            tally = null;
        }
        if (present(query.site) || present(query.organization) || present(query.overdue) || present(query.atRisk)
                || present(query.returned) || present(query.needsMe) || present(query.paused)
                || present(query.reportedFrom) || present(query.reportedTo) || present(query.q)) {
            tally = null;
        }
        if (present(query.site)) {
            Site site = Site.findByCode(query.site.strip()).orElseThrow(() -> unknown("site", query.site));
            where.add("t.site = :site");
            params.put("site", site);
        }
        if (present(query.organization)) {
            Organization organization = Organization.findByCode(query.organization.strip())
                    .orElseThrow(() -> unknown("organization", query.organization));
            where.add("exists (select 1 from Assignment a where a.ticket = t and a.organization = :organization"
                    + " and a.releasedAt is null)");
            params.put("organization", organization);
        }
        if (present(query.overdue)) {
            boolean overdue = QueryParams.bool("overdue", query.overdue);
            String open = TicketStatus.OPEN_STATES_JPQL;
            // A paused ticket's time stands: it is neither overdue nor at risk while it waits.
            where.add(overdue ? "(t.status in " + open + " and t.pausedAt is null and t.dueAt < :now)"
                    : "(t.status not in " + open + " or t.pausedAt is not null or t.dueAt >= :now)");
            params.put("now", now);
        }
        if (present(query.atRisk)) {
            boolean atRisk = QueryParams.bool("atRisk", query.atRisk);
            String open = TicketStatus.OPEN_STATES_JPQL;
            String condition = "t.status in " + open + " and t.pausedAt is null and t.atRiskFrom <= :now and t.dueAt >= :now";
            where.add(atRisk ? "(" + condition + ")" : "not (" + condition + ")");
            params.put("now", now);
        }
        if (present(query.returned)) {
            boolean returned = QueryParams.bool("returned", query.returned);
            String condition = "t.returnedAt is not null and t.status = " + TicketStatus.class.getName() + ".REPORTED";
            where.add(returned ? "(" + condition + ")" : "not (" + condition + ")");
        }
        if (present(query.needsMe) && QueryParams.bool("needsMe", query.needsMe)) {
            String needs = NeedsMe.predicate("t", roles, scope);
            where.add(needs);
            if (needs.contains(":scopeId")) {
                params.putAll(scope.parameters());
            }
        }
        if (present(query.paused)) {
            where.add(QueryParams.bool("paused", query.paused) ? "t.pausedAt is not null" : "t.pausedAt is null");
        }
        if (present(query.reportedFrom)) {
            where.add("t.reportedAt >= :from");
            params.put("from", instantParam("reportedFrom", query.reportedFrom, false));
        }
        if (present(query.reportedTo)) {
            where.add("t.reportedAt < :to");
            params.put("to", instantParam("reportedTo", query.reportedTo, true));
        }
        if (present(query.q)) {
            String text = query.q.strip();
            if (text.length() > 100) {
                throw new InvalidRequestProblem("q", "q must be at most 100 characters.");
            }
            // ILIKE: PostgreSQL answers it from the trigram indexes. H2 reads the tickets of the term's rarest gram
            // (ticket_text_gram, V38) when that gram is rare enough, and otherwise the newest tickets until a page
            // is full, which is quick for a common term.
            where.add("(t.code in :codes or t.description ilike :text escape '!' "
                    + "or t.addressDetail ilike :text escape '!')");
            OptionalLong gram = h2 ? narrowestGrams.of(text, () -> TicketTextGram.narrowest(text)) : OptionalLong.empty();
            if (gram.isPresent()) {
                // The union in a derived table: as the IN's own subquery, H2 read every ticket (2 s) instead of
                // looking up the ids the union gives.
                where.add("t.id in (select u.id from (select g.gramKey - :gramFirst as id from TicketTextGram g"
                        + " where g.gramKey between :gramFirst and :gramLast"
                        + " union select c.id as id from Ticket c where c.code in :codes) u)");
                params.put("gramFirst", TextGrams.first(gram.getAsLong()));
                params.put("gramLast", TextGrams.first(gram.getAsLong()) + TextGrams.MAX_TICKET_ID);
            }
            params.put("codes", codes(text, now));
            params.put("text", "%" + text
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return new Filter(where.isEmpty() ? "" : " where " + String.join(" and ", where), params, tally);
    }

    /** How many tickets of each status the list's other filters select, for the tabs above the queue. */
    private Map<TicketStatus, Long> countByStatus(TicketQuery query, TicketScope scope, Set<String> roles,
            CallerMatch caller) {
        Filter filtered = filter(query, scope, roles, clock.instant(), false, caller);
        Map<TicketStatus, Long> counts = new java.util.EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            counts.put(status, 0L);
        }
        if (filtered.tally() != null) {
            counts.putAll(filtered.tally().countByStatus(entityManager));
            return counts;
        }
        if (present(query.q)) {
            // The statuses of the first matches only, at most one more than the cap (see TEXT_COUNT_CAP).
            var matches = entityManager.createQuery("select t.status from Ticket t" + filtered.jpql(), TicketStatus.class);
            filtered.params().forEach(matches::setParameter);
            for (TicketStatus status : matches.setMaxResults(TEXT_COUNT_CAP + 1).getResultList()) {
                counts.merge(status, 1L, Long::sum);
            }
            return counts;
        }
        // One sum per status rather than "group by status": grouping made H2 walk the status index and read every
        // ticket's row in that order (10 s for a text search at 1,000,000 tickets) instead of scanning the table.
        StringBuilder select = new StringBuilder("select ");
        TicketStatus[] statuses = TicketStatus.values();
        for (int i = 0; i < statuses.length; i++) {
            select.append(i == 0 ? "" : ", ").append("sum(case when t.status = :status").append(i)
                    .append(" then 1 else 0 end)");
        }
        var count = entityManager.createQuery(select + " from Ticket t" + filtered.jpql(), Object[].class);
        filtered.params().forEach(count::setParameter);
        for (int i = 0; i < statuses.length; i++) {
            count.setParameter("status" + i, statuses[i]);
        }
        Object[] sums = count.getSingleResult();
        for (int i = 0; i < statuses.length; i++) {
            counts.put(statuses[i], sums[i] == null ? 0L : ((Number) sums[i]).longValue());
        }
        return counts;
    }

    static TicketSummary summary(Ticket t, Instant now, TicketViews.ReturnedSummary returned, long urgingCount) {
        return new TicketSummary(t.code, t.status, Ref.of(t.category), t.priority, Ref.of(t.streetOffice),
                Ref.of(t.community), Ref.of(t.site), t.addressDetail, t.reportedAt, t.dueAt, t.isOverdue(now), t.isAtRisk(now),
                Ref.of(t.leadOrganization), t.reportCount, returned, t.isPaused(), urgingCount);
    }

    /** The urgings (督办) of a page's tickets, in one query: ticket id to count (absent for none). */
    private Map<Long, Long> urgingCounts(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object row : entityManager.createNativeQuery("select u.ticket_id, count(*) from ticket_urging u "
                        + "where u.ticket_id in (:ids) group by u.ticket_id")
                .setParameter("ids", tickets.stream().map(t -> t.id).toList()).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return counts;
    }

    /**
     * The codes a search text may mean: the code as typed, and for digits alone (as read from the end of a code,
     * "11" or "000011") the code with that number in this year and the last, so that the code's unique index
     * answers it.
     */
    private List<String> codes(String text, Instant now) {
        List<String> codes = new ArrayList<>(List.of(TicketCodes.canonical(text)));
        if (text.matches("\\d{1,9}")) {
            int year = now.atZone(ZoneId.of(config.zone())).getYear();
            long number = Long.parseLong(text);
            for (int y = year; y >= year - 1; y--) {
                codes.add(String.format("CD-%d-%06d", y, number));
            }
        }
        return codes;
    }

    static String excerpt(String description) {
        String flat = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH - 1) + "…";
    }

    private static String orderBy(String sort) {
        String value = present(sort) ? sort.strip() : "-reportedAt";
        return switch (value) {
            case "reportedAt" -> "t.reportedAt asc, t.id asc";
            case "-reportedAt" -> "t.reportedAt desc, t.id desc";
            case "dueAt" -> "t.dueAt asc, t.id asc";
            case "-dueAt" -> "t.dueAt desc, t.id desc";
            // Grouped by status, soonest due first in each: the order of ix_ticket_status_due, so a page is read
            // from the index and not sorted from every ticket.
            case "status" -> "t.status asc, t.dueAt asc, t.id asc";
            case "-status" -> "t.status desc, t.dueAt desc, t.id desc";
            default -> throw new InvalidRequestProblem("sort",
                    "sort must be one of reportedAt, -reportedAt, dueAt, -dueAt, status, -status.");
        };
    }

    private static Set<TicketStatus> statuses(List<String> values) {
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                statuses.add(QueryParams.enumValue("status", part, TicketStatus.class));
            }
        }
        return statuses;
    }

    private static Area area(String field, String code, AreaLevel level) {
        return Area.findByCode(code.strip()).filter(a -> a.level == level)
                .orElseThrow(() -> unknown(field, code));
    }

    private Instant instantParam(String field, String value, boolean endOfDay) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneId.of(config.zone())).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidRequestProblem(field, field + " must be an instant such as 2026-11-01T08:00:00Z "
                    + "or a date such as 2026-11-01.");
        }
    }

    private static InvalidRequestProblem unknown(String field, String code) {
        return new InvalidRequestProblem(field, "No " + field + " with code '" + code.strip() + "'.");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
