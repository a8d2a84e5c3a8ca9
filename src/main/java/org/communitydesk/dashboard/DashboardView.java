package org.communitydesk.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communitydesk.dashboard.StatsViews.Hotspot;
import org.communitydesk.dashboard.StatsViews.Summary;
import org.communitydesk.ticket.TicketStatus;
import org.communitydesk.ticket.TicketViews.Ref;

/**
 * The dashboard page: the figures, the areas the user may choose between, and the links from a figure to the
 * tickets behind it (the queue takes the same area filters).
 */
public record DashboardView(StatsFilter filter, Summary summary, List<Ref> streetOffices, List<Ref> communities,
        PlaceMap map) {

    /** Only users above one community get the area fields. */
    public boolean choosesArea() {
        return !streetOffices.isEmpty() || communities.size() > 1;
    }

    public String exportCsv() {
        return "/dashboard/export.csv" + query(periodAndArea());
    }

    public String rankingCsv() {
        return "/dashboard/ranking.csv" + query(periodAndArea());
    }

    public String rankingJson() {
        return "/api/stats/ranking" + query(periodAndArea());
    }

    public String summaryJson() {
        return "/api/stats/summary" + query(periodAndArea());
    }

    /** The dashboard of one community, same period. */
    public String communityDashboard(Ref community) {
        Map<String, String> params = period();
        params.put("community", community.code());
        return "/dashboard" + query(params);
    }

    public String queueOfStatus(TicketStatus status) {
        Map<String, String> params = area();
        params.put("status", status.name());
        return "/console/tickets" + query(params);
    }

    public String queueOfOverdue() {
        Map<String, String> params = area();
        params.put("overdue", "true");
        return "/console/tickets" + query(params);
    }

    /** The tickets that make a trouble spot: its site and category, in the 90 days the list looked at. */
    public String queueOfHotspot(Hotspot hotspot) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("site", hotspot.site().code());
        params.put("category", hotspot.category().code());
        params.put("reportedFrom", filter.to().plusDays(1).minusDays(StatsService.HOTSPOT_DAYS).toString());
        params.put("reportedTo", filter.to().toString());
        return "/console/tickets" + query(params);
    }

    private Map<String, String> periodAndArea() {
        Map<String, String> params = period();
        params.putAll(area());
        return params;
    }

    private Map<String, String> period() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", filter.from().toString());
        params.put("to", filter.to().toString());
        return params;
    }

    private Map<String, String> area() {
        Map<String, String> params = new LinkedHashMap<>();
        if (summary.streetOffice() != null) {
            params.put("streetOffice", summary.streetOffice().code());
        }
        if (summary.community() != null) {
            params.put("community", summary.community().code());
        }
        return params;
    }

    private static String query(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((name, value) -> parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
