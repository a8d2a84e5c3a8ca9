package org.communitydesk.console;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communitydesk.ticket.TicketQuery;
import org.communitydesk.ticket.TicketStatus;

/** The queue's filters as typed, to fill the form again and to build links that change one of them. */
public record QueueFilter(String status, String category, String community, String organization, String overdue,
        String atRisk, String returned, String needsMe, String paused, String q, String caller, String sort,
        Map<String, String> all) {

    /** Filters the form has no field for, which links from the dashboard bring; kept as hidden fields. */
    static final List<String> CARRIED = List.of("site", "streetOffice", "reportedFrom", "reportedTo");

    static QueueFilter of(TicketQuery query, UriInfo uri) {
        Map<String, String> all = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("status", "category", "community", "organization", "overdue", "atRisk", "returned", "needsMe", "paused", "q", "caller",
                "sort"));
        names.addAll(CARRIED);
        for (String name : names) {
            String value = uri.getQueryParameters().getFirst(name);
            if (value != null && !value.isBlank()) {
                all.put(name, value.strip());
            }
        }
        return new QueueFilter(all.getOrDefault("status", ""), all.getOrDefault("category", ""),
                all.getOrDefault("community", ""), all.getOrDefault("organization", ""),
                all.getOrDefault("overdue", ""), all.getOrDefault("atRisk", ""), all.getOrDefault("returned", ""),
                all.getOrDefault("needsMe", ""), all.getOrDefault("paused", ""), all.getOrDefault("q", ""),
                all.getOrDefault("caller", ""),
                all.getOrDefault("sort", ""), all);
    }

    /** The carried filters in use, to keep them as hidden fields of the form. */
    public Map<String, String> carried() {
        Map<String, String> carried = new LinkedHashMap<>(all);
        carried.keySet().retainAll(CARRIED);
        return carried;
    }

    /** The same queue without the carried filters. */
    public String withoutCarried() {
        Map<String, String> kept = new LinkedHashMap<>(all);
        kept.keySet().removeAll(CARRIED);
        return new QueueFilter(status, category, community, organization, overdue, atRisk, returned, needsMe, paused, q,
                caller,
                sort, kept)
                .link(null, null, null);
    }

    /** The same queue sorted by this key, or the other way round when it is sorted by it already. */
    public String sortedBy(String key) {
        return link("sort", sort.equals(key) ? "-" + key : key, null);
    }

    /** ascending or descending when the queue is sorted by this key (for aria-sort), else none. */
    public String sortState(String key) {
        return sort.equals(key) ? "ascending" : sort.equals("-" + key) ? "descending" : "none";
    }

    /** The current filter (without the page) as the export's address. */
    public String export() {
        return link(null, null, null).replaceFirst("^/console/tickets", "/console/tickets/export.csv");
    }

    /** Only open states asked for: the queue of work to do. */
    boolean onlyOpen() {
        if (status.isBlank()) {
            return false;
        }
        Set<String> open = Set.of("REPORTED", "DISPATCHED", "IN_PROGRESS");
        for (String part : status.split(",")) {
            if (!open.contains(part.strip().toUpperCase())) {
                return false;
            }
        }
        return true;
    }

    /** The "needs me" view (需要我处理): what waits for the signed-in person, in their scope. */
    public boolean needsMeOn() {
        return "true".equalsIgnoreCase(needsMe);
    }

    /** The queue with the "needs me" view switched on (and nothing else), or off (the whole queue). */
    public String needsMeLink(boolean on) {
        return on ? "/console/tickets?needsMe=true" : "/console/tickets";
    }

    public String withStatus(TicketStatus value) {
        return link("status", value == null ? null : value.name(), null);
    }

    public String withoutStatus() {
        return link("status", null, null);
    }

    public boolean statusIs(TicketStatus value) {
        return status.equalsIgnoreCase(value.name());
    }

    String withPage(int page) {
        return link(null, null, page);
    }

    private String link(String changed, String value, Integer page) {
        Map<String, String> params = new LinkedHashMap<>(all);
        if (changed != null) {
            if (value == null) {
                params.remove(changed);
            } else {
                params.put(changed, value);
            }
        }
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (page != null && page > 0) {
            parts.add("page=" + page);
        }
        return "/console/tickets" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }
}
