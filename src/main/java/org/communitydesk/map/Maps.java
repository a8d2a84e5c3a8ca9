package org.communitydesk.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Datum;
import org.communitydesk.directory.Footprint;
import org.communitydesk.directory.Site;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.TicketViews.LocationView;

/**
 * What the pages' maps draw, for the templates as {@code inject:maps}: the tile settings, the footprints and a
 * ticket's spot. Every position handed out is WGS-84; js/map.js moves it into the tiles' datum and back.
 */
@Named("maps")
@ApplicationScoped
public class Maps {

    private static final String NONE = "none";

    @Inject
    MapSettings settings;

    @Inject
    ObjectMapper json;

    /** A footprint for the page script: site or community, its code, its community (for sites), centre and radius. */
    public record Place(String kind, String code, String community, double lat, double lon, int r) {
    }

    /**
     * Where a ticket is, for the ticket page: the spot when one was given, and the compound's (or else the
     * community's) footprint; links to open the spot in a phone's map app.
     */
    public record TicketPlace(Double spotLatitude, Double spotLongitude, Footprint area) {

        public boolean hasSpot() {
            return spotLatitude != null && spotLongitude != null;
        }

        private double lat() {
            return hasSpot() ? spotLatitude : area.latitude();
        }

        private double lon() {
            return hasSpot() ? spotLongitude : area.longitude();
        }

        /** RFC 5870 geo: URI, which is WGS-84 by definition; Android offers the installed map apps. */
        public String geoUri() {
            String at = degrees(lat()) + "," + degrees(lon());
            return "geo:" + at + "?q=" + at;
        }

        /** AMap's web/app link; AMap draws GCJ-02, so the position is converted here and marked as such. */
        public String amapUri() {
            Datum.Position gcj = Datum.GCJ02.fromWgs84(lat(), lon());
            return "https://uri.amap.com/marker?position=" + degrees(gcj.longitude()) + "," + degrees(gcj.latitude())
                    + "&coordinate=gaode&callnative=1&src=communitydesk";
        }

        public String latitudeText() {
            return degrees(lat());
        }

        public String longitudeText() {
            return degrees(lon());
        }
    }

    /** Whether the maps have tiles (a source, and its key when its template needs one). */
    public boolean tiled() {
        return settings.tiles().filter(t -> !t.isBlank() && !NONE.equalsIgnoreCase(t.strip()))
                .filter(t -> !t.contains("{key}") || settings.key().filter(k -> !k.isBlank()).isPresent()).isPresent();
    }

    public String tileUrl() {
        return tiled() ? withKey(settings.tiles().orElseThrow()) : "";
    }

    public String labelUrl() {
        return tiled() ? settings.labels().filter(t -> !t.isBlank() && !NONE.equalsIgnoreCase(t.strip()))
                .map(this::withKey).orElse("") : "";
    }

    public String subdomains() {
        return settings.subdomains();
    }

    public String datum() {
        // A plain background has no datum: the footprints are drawn as they are stored.
        return tiled() ? settings.datum().name().toLowerCase(Locale.ROOT) : "wgs84";
    }

    public String attribution() {
        return tiled() ? settings.attribution() : "";
    }

    public int maxZoom() {
        return settings.maxZoom();
    }

    /** Every footprint of a compound or community, as JSON for the intake map; footprints are public data. */
    public String placesJson() {
        List<Place> places = new ArrayList<>();
        for (Area community : Area.<Area>list("footprint.latitude is not null order by id")) {
            if (community.isCommunity()) {
                Footprint f = community.footprint;
                places.add(new Place("community", community.code, null, f.latitude(), f.longitude(), f.radiusMetres()));
            }
        }
        for (Site site : Site.<Site>list("from Site s join fetch s.community where s.footprint.latitude is not null order by s.id")) {
            Footprint f = site.footprint;
            places.add(new Place("site", site.code, site.community.code, f.latitude(), f.longitude(), f.radiusMetres()));
        }
        try {
            return json.writeValueAsString(places);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ticket's spot and area, or null when neither is known. */
    public TicketPlace ticketPlace(LocationView location) {
        Footprint area = Optional.ofNullable(location.site()).flatMap(s -> Site.findByCode(s.code()))
                .map(s -> s.footprint)
                .or(() -> Area.findByCode(location.community().code()).map(a -> a.footprint)).orElse(null);
        if (area == null && (location.latitude() == null || location.longitude() == null)) {
            return null;
        }
        return new TicketPlace(location.latitude(), location.longitude(), area);
    }

    /** For the residents' status page: the compound's footprint (or the community's), never the reported spot. */
    public Footprint publicArea(String ticketCode) {
        return Ticket.<Ticket>find("code", ticketCode).firstResultOptional()
                .map(t -> t.site != null && t.site.footprint != null ? t.site.footprint
                        : t.community == null ? null : t.community.footprint)
                .orElse(null);
    }

    private String withKey(String template) {
        return template.replace("{key}", URLEncoder.encode(settings.key().orElse(""), StandardCharsets.UTF_8));
    }

    static String degrees(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
