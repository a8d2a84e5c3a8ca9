package org.communitydesk.open311;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.AreaLevel;
import org.communitydesk.directory.Site;

/**
 * Turns the location of a POST (address_id, lat/long or address_string) into one of our communities,
 * and a compound when it names or covers one. Tried in that order: address_id is exact; coordinates
 * must fall inside a footprint; words must contain a compound's or community's name. When coordinates
 * fall outside every footprint, the words are tried before the request is refused.
 */
final class Locations {

    /** Where a new request is: a community, and a compound of it or null. */
    record Place(Area community, Site site) {
    }

    private Locations() {
    }

    static Place resolve(String addressId, Double latitude, Double longitude, String addressString) {
        if (addressId != null) {
            return byCode(addressId);
        }
        if (latitude != null) {
            Optional<Place> covering = byCoordinates(latitude, longitude);
            if (covering.isPresent()) {
                return covering.get();
            }
            if (addressString == null) {
                throw new InvalidRequestProblem("lat", "lat/long " + latitude + ", " + longitude
                        + " (WGS-84) is outside every community we serve; send address_string or address_id instead,"
                        + " or coord_type=gcj02 if the position comes from AMap, Tencent or WeChat.");
            }
        }
        if (addressString != null) {
            return byName(addressString).orElseThrow(() -> new InvalidRequestProblem("address_string",
                    "address_string names none of our compounds or communities; add the compound (小区) or "
                            + "community (社区) name, or send address_id."));
        }
        throw new InvalidRequestProblem("location", "A location is required: lat and long, address_string or address_id.");
    }

    private static Place byCode(String code) {
        Optional<Site> site = Site.findByCode(code);
        if (site.isPresent()) {
            return new Place(site.get().community, site.get());
        }
        return Area.findByCode(code).filter(Area::isCommunity).map(community -> new Place(community, null))
                .orElseThrow(() -> new InvalidRequestProblem("address_id",
                        "No compound or community with address_id '" + code + "'."));
    }

    private static Optional<Place> byCoordinates(double latitude, double longitude) {
        Optional<Site> site = Site.covering(latitude, longitude);
        if (site.isPresent()) {
            return Optional.of(new Place(site.get().community, site.get()));
        }
        return Area.communityCovering(latitude, longitude).map(community -> new Place(community, null));
    }

    /** A compound named in the words first (the longest name wins), else a community. */
    private static Optional<Place> byName(String words) {
        String text = words.toLowerCase(Locale.ROOT);
        List<Site> sites = Site.list("from Site s join fetch s.community");
        Optional<Site> site = sites.stream().filter(s -> mentions(text, s.nameZh) || mentions(text, s.nameEn))
                .max(Comparator.comparingInt(s -> s.nameZh.length()));
        if (site.isPresent()) {
            return Optional.of(new Place(site.get().community, site.get()));
        }
        List<Area> communities = Area.list("level", AreaLevel.COMMUNITY);
        return communities.stream()
                .filter(c -> mentions(text, c.nameZh) || mentions(text, c.nameEn) || mentions(text, shortName(c)))
                .max(Comparator.comparingInt(c -> c.nameZh.length()))
                .map(community -> new Place(community, null));
    }

    /**
     * What the words add to the place: 宏安小区2号楼301室 at 宏安小区 is 2号楼301室. Kept as the ticket's
     * address detail, for staff; being the detail, it is also what the public texts mask.
     */
    static String detail(String addressString, Place place) {
        if (addressString == null) {
            return null;
        }
        String detail = addressString;
        List<String> names = new ArrayList<>();
        if (place.site() != null) {
            names.add(place.site().nameZh);
            names.add(place.site().nameEn);
        }
        names.add(place.community().nameZh);
        names.add(place.community().nameEn);
        names.add(shortName(place.community()));
        for (String name : names.stream().filter(n -> n != null && !n.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            detail = detail.replaceAll("(?i)" + Pattern.quote(name), " ");
        }
        detail = detail.replaceAll("^[\\s\\p{Punct}，、。；：]+|[\\s\\p{Punct}，、。；：]+$", "").replaceAll("\\s+", " ");
        return detail.isEmpty() ? null : detail;
    }

    /** 北馨园社区 is also written 北馨园. */
    private static String shortName(Area community) {
        String name = community.nameZh;
        return name.endsWith("社区") && name.length() > 3 ? name.substring(0, name.length() - 2) : null;
    }

    private static boolean mentions(String text, String name) {
        return name != null && !name.isBlank() && text.contains(name.toLowerCase(Locale.ROOT));
    }
}
