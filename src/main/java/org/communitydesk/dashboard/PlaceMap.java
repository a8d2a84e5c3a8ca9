package org.communitydesk.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Footprint;
import org.communitydesk.directory.Site;
import org.communitydesk.ticket.TicketViews.Ref;

/**
 * The dashboard's map drawn without tiles, a key or a network: the communities' footprints as outlines and
 * each compound with tickets in the period as a circle, its area growing with the tickets and its colour
 * with the share of them that were late. Positions are WGS-84 projected flat (a city is small enough), in
 * SVG units; the page scales the drawing to its width. With map tiles configured, js/map.js draws the same
 * circles on the tiles from each mark's WGS-84 centre, and the drawing stays for pages without script. A compound
 * that is a recurring trouble spot (the dashboard's table of them) gets a ring around its circle, in both drawings;
 * one with no tickets in the period is drawn too, at the smallest size, so that every trouble spot is on the map.
 */
public record PlaceMap(int width, int height, List<Outline> outlines, List<Mark> marks) {

    static final int WIDTH = 640;
    private static final int MARGIN = 28;
    private static final double METRES_PER_DEGREE = 111_320;

    /** A compound's tickets in the period, how many of them were (or are) past due, and its trouble spots' categories. */
    record Place(Site site, long tickets, long overdue, List<Ref> troubles) {
    }

    /** A community's footprint. */
    public record Outline(double cx, double cy, double r, Ref community, Footprint footprint) {

        /** The name sits just above the ring (kept inside the drawing). */
        public double labelY() {
            return Math.max(20, round(cy - r - 6));
        }
    }

    /**
     * A compound: where, how big, which colour band (0 none late, 1 under a quarter, 2 more), its tickets, and the
     * categories in which it is a recurring trouble spot (none for most).
     */
    public record Mark(double cx, double cy, double r, int band, Ref site, long tickets, long overdue, String queue,
            double latitude, double longitude, List<Ref> troubles) {

        /** The colour of the ring around a trouble spot, in the drawing, on the tiles (js/map.js) and in the legend. */
        public static final String TROUBLE_RING = "#6b21a8";

        public boolean troubleSpot() {
            return !troubles.isEmpty();
        }

        /** The ring sits just outside the circle's white edge. */
        public double ringR() {
            return round(r + 5);
        }

        public String ringColour() {
            return TROUBLE_RING;
        }

        public String fill() {
            return switch (band) {
                case 0 -> "#2f855a";
                case 1 -> "#d69e2e";
                default -> "#c53030";
            };
        }
    }

    public boolean present() {
        return !marks.isEmpty();
    }

    /** Whether a compound on the map is a recurring trouble spot: then the legend says what its ring means. */
    public boolean troubleSpots() {
        return marks.stream().anyMatch(Mark::troubleSpot);
    }

    public String troubleRing() {
        return Mark.TROUBLE_RING;
    }

    /** The map of the places that have a footprint; communities are drawn when they have one. */
    static PlaceMap of(List<Place> places, List<Area> communities, StatsFilter filter) {
        List<Place> placed = places.stream().filter(p -> p.site().footprint != null).toList();
        List<Area> outlined = communities.stream().filter(c -> c.footprint != null).toList();
        if (placed.isEmpty()) {
            return new PlaceMap(WIDTH, 0, List.of(), List.of());
        }
        // The box around every footprint, in metres east and north of its south-west corner.
        double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
        List<Footprint> all = new ArrayList<>();
        placed.forEach(p -> all.add(p.site().footprint));
        outlined.forEach(c -> all.add(c.footprint));
        for (Footprint f : all) {
            double dLat = f.radiusMetres() / METRES_PER_DEGREE;
            double dLon = dLat / Math.cos(Math.toRadians(f.latitude()));
            minLat = Math.min(minLat, f.latitude() - dLat);
            maxLat = Math.max(maxLat, f.latitude() + dLat);
            minLon = Math.min(minLon, f.longitude() - dLon);
            maxLon = Math.max(maxLon, f.longitude() + dLon);
        }
        double cosLat = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double widthMetres = Math.max(1, (maxLon - minLon) * METRES_PER_DEGREE * cosLat);
        double heightMetres = Math.max(1, (maxLat - minLat) * METRES_PER_DEGREE);
        double scale = (WIDTH - 2.0 * MARGIN) / widthMetres;
        int height = (int) Math.round(Math.min(Math.max(heightMetres * scale, 160), 520)) + 2 * MARGIN;
        scale = Math.min(scale, (height - 2.0 * MARGIN) / heightMetres);
        double left = MARGIN + ((WIDTH - 2.0 * MARGIN) - widthMetres * scale) / 2;
        double top = MARGIN + ((height - 2.0 * MARGIN) - heightMetres * scale) / 2;

        List<Outline> outlines = new ArrayList<>();
        for (Area community : outlined) {
            Footprint f = community.footprint;
            outlines.add(new Outline(round(left + (f.longitude() - minLon) * METRES_PER_DEGREE * cosLat * scale),
                    round(top + (maxLat - f.latitude()) * METRES_PER_DEGREE * scale), round(f.radiusMetres() * scale),
                    Ref.of(community), f));
        }
        long most = Math.max(1, placed.stream().mapToLong(Place::tickets).max().orElse(1));
        List<Mark> marks = new ArrayList<>();
        for (Place place : placed) {
            Footprint f = place.site().footprint;
            double share = place.tickets() == 0 ? 0 : (double) place.overdue() / place.tickets();
            int band = place.overdue() == 0 ? 0 : share < 0.25 ? 1 : 2;
            marks.add(new Mark(round(left + (f.longitude() - minLon) * METRES_PER_DEGREE * cosLat * scale),
                    round(top + (maxLat - f.latitude()) * METRES_PER_DEGREE * scale),
                    round(7 + 17 * Math.sqrt((double) place.tickets() / most)), band, Ref.of(place.site()),
                    place.tickets(), place.overdue(), "/console/tickets?site=" + place.site().code + "&reportedFrom="
                            + filter.from() + "&reportedTo=" + filter.to(), f.latitude(), f.longitude(),
                    List.copyOf(place.troubles())));
        }
        // Big circles first, so that small ones stay clickable on top of them.
        marks.sort((a, b) -> Double.compare(b.r(), a.r()));
        return new PlaceMap(WIDTH, height, outlines, marks);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
