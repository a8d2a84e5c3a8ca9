package org.communitydesk.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.net.URI;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.PublicLocations;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.common.QueryParams;
import org.communitydesk.directory.Footprint;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.open311.GeoReportViews.AttributeAnswer;
import org.communitydesk.open311.GeoReportViews.ExtendedAttributes;
import org.communitydesk.open311.GeoReportViews.Note;
import org.communitydesk.open311.GeoReportViews.RequestUpdate;
import org.communitydesk.open311.GeoReportViews.ServiceRequest;
import org.communitydesk.photo.PhotoViews;
import org.communitydesk.ticket.EventType;
import org.communitydesk.ticket.PublicText;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.TicketAttribute;
import org.communitydesk.ticket.TicketCodes;
import org.communitydesk.ticket.TicketEvent;
import org.communitydesk.ticket.TicketStatus;
import org.communitydesk.ticket.Visibility;

/**
 * GET requests: the arguments become one JPQL query over indexed columns (reported_at, status,
 * category), at most 1000 tickets, newest first, each with its latest public note and first public photo.
 * A page costs one more query only when some of its tickets had further calls: those callers' names and
 * phones, to mask them. Nothing personal leaves: see {@link #publicView}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequestSearch {

    /** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
    static final int MAX_PAGE_SIZE = 1000;
    static final Duration MAX_SPAN = Duration.ofDays(90);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    RecentRequestLists recentLists;

    @Inject
    AppConfig config;

    /** The request being answered, for absolute photo URLs when no public base URL is set (its Host is checked). */
    @Inject
    io.vertx.core.http.HttpServerRequest request;

    /** The list for these arguments; the same list again for a few seconds while no ticket changes (see {@link RecentRequestLists}). */
    public List<ServiceRequest> search(RequestQuery query, Locale language) {
        long newestEvent = TicketEvent.newestId();
        return recentLists.of(request.query(), language, baseUrl().toString(), newestEvent, clock.instant(),
                () -> searchNow(query, language));
    }

    private List<ServiceRequest> searchNow(RequestQuery query, Locale language) {
        boolean extensions = extensions(query.extensions);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        int page = 1;
        int pageSize = MAX_PAGE_SIZE;
        Set<String> codes = commaList(query.serviceRequestId);
        if (!codes.isEmpty()) {
            // "This overrides all other arguments": the listed requests, whatever their date or status.
            if (codes.size() > MAX_PAGE_SIZE) {
                throw new InvalidRequestProblem("service_request_id",
                        "service_request_id may list at most " + MAX_PAGE_SIZE + " requests.");
            }
            where.add("t.code in :codes");
            params.put("codes", codes);
        } else {
            page = QueryParams.integer("page", query.page, 1, 1);
            pageSize = QueryParams.integer("page_size", query.pageSize, MAX_PAGE_SIZE, 1);
            if (pageSize > MAX_PAGE_SIZE) {
                throw new InvalidRequestProblem("page_size", "page_size must be at most " + MAX_PAGE_SIZE + ".");
            }
            Set<ServiceCategory> categories = categories(query.serviceCode);
            if (!categories.isEmpty()) {
                where.add("t.category in :categories");
                params.put("categories", categories);
            }
            Set<TicketStatus> statuses = statuses(query.status);
            if (!statuses.isEmpty()) {
                where.add("t.status in :statuses");
                params.put("statuses", statuses);
            }
            Instant[] window = window(query.startDate, query.endDate);
            // Published times are whole seconds: a request shown as 15:55:01 is found by end_date=15:55:01.
            where.add("t.reportedAt >= :from and t.reportedAt < :before");
            params.put("from", window[0].truncatedTo(ChronoUnit.SECONDS));
            params.put("before", window[1].truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        }
        TypedQuery<Object[]> select = entityManager.createQuery(WITH_NOTE_AND_PHOTO
                + " where " + String.join(" and ", where) + " order by t.reportedAt desc, t.id desc", Object[].class);
        params.forEach(select::setParameter);
        long first = (long) (page - 1) * pageSize;
        if (first > Integer.MAX_VALUE) {
            return List.of();
        }
        return publicViews(withNoteAndPhoto(select).setFirstResult((int) first).setMaxResults(pageSize).getResultList(),
                extensions, language);
    }

    public ServiceRequest get(String code, String extensionsArgument, Locale language) {
        boolean extensions = extensions(extensionsArgument);
        List<Object[]> rows = withNoteAndPhoto(entityManager.createQuery(WITH_NOTE_AND_PHOTO + " where t.code = :code",
                Object[].class)).setParameter("code", TicketCodes.canonical(code)).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundProblem("service request", code);
        }
        return publicViews(rows, extensions, language).get(0);
    }

    /**
     * A ticket with its latest PUBLIC note and its first PUBLIC photo's id, in one query. Only notes: staff write
     * them for residents, whereas the text of status events is generated and may name staff accounts (follow-up
     * calls) or internal reassignments. Correlated subqueries rather than a second query with the page's ids:
     * Hibernate cannot cache the plan of a query with a list parameter, and translating it anew cost more than
     * the page's rows.
     */
    private static final String WITH_NOTE_AND_PHOTO = "select t,"
            + " (select e.note from TicketEvent e where e.id = (select max(n.id) from TicketEvent n"
            + " where n.ticket = t and n.type = :noteType and n.visibility = :public)),"
            + " (select p.publicId from Photo p where p.id = (select min(q.id) from Photo q"
            + " where q.ticket = t and q.visibility = :public))"
            + " from Ticket t join fetch t.category join fetch t.community left join fetch t.site"
            + " left join fetch t.leadOrganization";

    private static TypedQuery<Object[]> withNoteAndPhoto(TypedQuery<Object[]> query) {
        return query.setParameter("noteType", EventType.NOTE).setParameter("public", Visibility.PUBLIC);
    }

    /**
     * Public events of every ticket (GeoReport "servicerequestupdates", as FixMyStreet reads it) that
     * happened in the window, oldest first, at most {@value #MAX_PAGE_SIZE} a page. The window works as for
     * requests: whole seconds, both ends inclusive, at most 90 days, the last 90 days by default.
     */
    public List<RequestUpdate> updates(UpdateQuery query, Locale language) {
        int page = QueryParams.integer("page", query.page, 1, 1);
        int pageSize = QueryParams.integer("page_size", query.pageSize, MAX_PAGE_SIZE, 1);
        if (pageSize > MAX_PAGE_SIZE) {
            throw new InvalidRequestProblem("page_size", "page_size must be at most " + MAX_PAGE_SIZE + ".");
        }
        Instant[] window = window(query.startDate, query.endDate);
        long first = (long) (page - 1) * pageSize;
        if (first > Integer.MAX_VALUE) {
            return List.of();
        }
        List<TicketEvent> events = entityManager.createQuery("select e from TicketEvent e join fetch e.ticket"
                + " where e.visibility = :visibility and e.type in :types"
                + " and e.occurredAt >= :from and e.occurredAt < :before order by e.occurredAt, e.id", TicketEvent.class)
                .setParameter("visibility", Visibility.PUBLIC).setParameter("types", PublicEvents.PUBLISHED)
                .setParameter("from", window[0].truncatedTo(ChronoUnit.SECONDS))
                .setParameter("before", window[1].truncatedTo(ChronoUnit.SECONDS).plusSeconds(1))
                .setFirstResult((int) first).setMaxResults(pageSize).getResultList();
        if (events.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<String>> reports = personalDataOfReports(
                events.stream().filter(e -> e.ticket.reportCount > 1).map(e -> e.ticket.id).distinct().toList());
        ZoneId zone = ZoneId.of(config.zone());
        return events.stream().map(e -> new RequestUpdate(String.valueOf(e.id), e.ticket.code, PublicEvents.status(e),
                W3cDateTimes.format(e.occurredAt, zone),
                PublicEvents.describe(e, personalData(e.ticket, reports.getOrDefault(e.ticket.id, Set.of())), language),
                null))
                .toList();
    }

    /** Rows of {@link #WITH_NOTE_AND_PHOTO}: the ticket, its latest public note and its first public photo's id. */
    private List<ServiceRequest> publicViews(List<Object[]> rows, boolean extensions, Locale language) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Ticket> tickets = rows.stream().map(row -> (Ticket) row[0]).toList();
        List<Long> ids = tickets.stream().map(t -> t.id).toList();
        // Most tickets have one caller: the further callers' names are read only for the tickets that have some.
        Map<Long, Set<String>> personal = personalDataOfReports(
                tickets.stream().filter(t -> t.reportCount > 1).map(t -> t.id).toList());
        ZoneId zone = ZoneId.of(config.zone());
        List<ServiceRequest> views = rows.stream().map(row -> {
            Ticket t = (Ticket) row[0];
            String media = row[2] == null ? null : absolute(PhotoViews.imagePath((String) row[2]));
            return publicView(t, personal.getOrDefault(t.id, Set.of()), (String) row[1], media, zone);
        }).toList();
        if (!extensions) {
            return views;
        }
        // Two more queries for the page, whatever its size: the public events and the list answers.
        Map<Long, Ticket> byId = new HashMap<>();
        tickets.forEach(t -> byId.put(t.id, t));
        Map<Long, List<Note>> history = new HashMap<>();
        entityManager.createQuery("select e from TicketEvent e where e.ticket.id in :ids and e.visibility = :visibility"
                + " and e.type in :types order by e.occurredAt, e.id", TicketEvent.class)
                .setParameter("ids", ids).setParameter("visibility", Visibility.PUBLIC)
                .setParameter("types", PublicEvents.PUBLISHED).getResultList().forEach(e -> {
                    Ticket t = byId.get(e.ticket.id);
                    history.computeIfAbsent(t.id, id -> new ArrayList<>()).add(new Note(
                            W3cDateTimes.format(e.occurredAt, zone),
                            PublicEvents.describe(e, personalData(t, personal.getOrDefault(t.id, Set.of())), language),
                            PublicEvents.type(e)));
                });
        Map<Long, List<AttributeAnswer>> answers = new HashMap<>();
        // Only answers chosen from a list: a free answer (which building) may hold personal data.
        entityManager.createQuery("select a from TicketAttribute a where a.ticket.id in :ids and a.answerName is not null"
                + " order by a.id", TicketAttribute.class).setParameter("ids", ids).getResultList()
                .forEach(a -> answers.computeIfAbsent(a.ticket.id, id -> new ArrayList<>())
                        .add(new AttributeAnswer(a.code, a.label, a.answer, a.answerName)));
        List<ServiceRequest> extended = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            Ticket t = tickets.get(i);
            extended.add(views.get(i).withExtensions(new ExtendedAttributes(t.channel.name().toLowerCase(Locale.ROOT),
                    t.priority.name().toLowerCase(Locale.ROOT), t.category.groupZh, t.reportCount,
                    answers.getOrDefault(t.id, List.of())), history.getOrDefault(t.id, List.of())));
        }
        return extended;
    }

    /** The caller's name and phone of the ticket and of its further reports, and the address detail. */
    private static Set<String> personalData(Ticket t, Set<String> personalOfReports) {
        Set<String> personal = new HashSet<>(personalOfReports);
        personal.add(t.reporterName);
        personal.add(t.reporterPhone);
        personal.add(t.addressDetail);
        personal.remove(null);
        return personal;
    }

    /** extensions=true asks for the extensions; false or nothing, for the spec's members only. */
    private static boolean extensions(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidRequestProblem("extensions", "extensions must be true or false.");
    }

    /**
     * A ticket as the public may see it. Callers' names and phones (of the ticket and every further
     * report), the address detail (a building or flat) and any run of 7+ digits are masked in the
     * free text; the position is the compound's or community's centre, never the ticket's own.
     */
    static ServiceRequest publicView(Ticket t, Set<String> personalOfReports, String note, String mediaUrl, ZoneId zone) {
        Set<String> personal = personalData(t, personalOfReports);
        Footprint footprint = t.site != null && t.site.footprint != null ? t.site.footprint : t.community.footprint;
        return new ServiceRequest(t.code, t.status.isOpen() ? "open" : "closed", PublicText.redact(note, personal),
                t.category.nameZh, t.category.code, PublicText.redact(t.description, personal),
                t.leadOrganization == null ? null : t.leadOrganization.nameZh, null,
                W3cDateTimes.format(t.reportedAt, zone), W3cDateTimes.format(t.updatedAt, zone),
                W3cDateTimes.format(t.dueAt, zone),
                t.site == null ? t.community.nameZh : t.site.nameZh + ", " + t.community.nameZh,
                t.site == null ? t.community.code : t.site.code, null,
                footprint == null ? null : footprint.latitude(), footprint == null ? null : footprint.longitude(), mediaUrl,
                null, null);
    }

    private String absolute(String path) {
        return PublicLocations.onBase(baseUrl(), URI.create(path)).toString();
    }

    private URI baseUrl() {
        return config.publicBaseUrl().orElseGet(() -> URI.create(request.absoluteURI()).resolve("/"));
    }

    /** Names and phones of the further callers of each ticket, in one query for the whole page. */
    private Map<Long, Set<String>> personalDataOfReports(List<Long> ticketIds) {
        Map<Long, Set<String>> personal = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return personal;
        }
        // Native SQL: Hibernate translates a JPQL query with a list parameter anew on every call (a third of a page's time).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select ticket_id, reporter_name, reporter_phone"
                + " from ticket_report where ticket_id in (:ids)").setParameter("ids", ticketIds).getResultList();
        rows.forEach(row -> {
            Set<String> values = personal.computeIfAbsent(((Number) row[0]).longValue(), id -> new HashSet<>());
            values.add((String) row[1]);
            if (row[2] != null) {
                values.add((String) row[2]);
            }
        });
        return personal;
    }

    /**
     * [from, to] for requested_datetime: at most 90 days; the last 90 days by default; with one end
     * given, the other is 90 days away (an end never later than now).
     */
    private Instant[] window(String startDate, String endDate) {
        Instant now = clock.instant();
        Instant start = present(startDate) ? W3cDateTimes.parse("start_date", startDate) : null;
        Instant end = present(endDate) ? W3cDateTimes.parse("end_date", endDate) : null;
        if (start == null && end == null) {
            end = now;
            start = now.minus(MAX_SPAN);
        } else if (start == null) {
            start = end.minus(MAX_SPAN);
        } else if (end == null) {
            end = start.plus(MAX_SPAN).isAfter(now) ? now : start.plus(MAX_SPAN);
            if (end.isBefore(start)) {
                // A start in the future: an empty window rather than an error the client did not cause.
                end = start;
            }
        } else if (end.isBefore(start)) {
            throw new InvalidRequestProblem("end_date", "end_date must not be before start_date.");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new InvalidRequestProblem("start_date",
                    "start_date and end_date may span at most 90 days; ask for longer periods in parts.");
        }
        return new Instant[] { start, end };
    }

    private static Set<ServiceCategory> categories(List<String> values) {
        Set<ServiceCategory> categories = new LinkedHashSet<>();
        for (String code : commaList(values)) {
            categories.add(ServiceCategory.findByCode(code).orElseThrow(() -> new InvalidRequestProblem(
                    "service_code", "No service with service_code '" + code + "'; see services.json.")));
        }
        return categories;
    }

    private static Set<TicketStatus> statuses(List<String> values) {
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        for (String status : commaList(values)) {
            switch (status.toLowerCase(Locale.ROOT)) {
                case "open" -> statuses.addAll(TicketStatus.openStates());
                case "closed" -> statuses.addAll(EnumSet.complementOf(EnumSet.copyOf(TicketStatus.openStates())));
                default -> throw new InvalidRequestProblem("status",
                        "status must be open or closed (or both, comma separated), not '" + status + "'.");
            }
        }
        return statuses.size() == TicketStatus.values().length ? Set.of() : statuses;
    }

    /** The values of a repeatable, comma-separated argument; blanks are "not given". */
    private static Set<String> commaList(List<String> values) {
        Set<String> items = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
        }
        return items;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
