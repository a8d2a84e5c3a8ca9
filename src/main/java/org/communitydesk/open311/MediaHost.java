package org.communitydesk.open311;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.IDN;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.communitydesk.common.InvalidRequestProblem;

/**
 * A host whose Open311 media_url the service fetches, as an ADMIN allowed it. Exact names only: a wildcard would
 * let anyone who can make a subdomain (many image hosts hand them out) point the service at any address of theirs.
 */
@Entity
@Table(name = "open311_media_host")
public class MediaHost extends PanacheEntityBase {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    static final int MAX_LENGTH = 253;

    @Id
    public String host;

    @Column(name = "added_at", nullable = false, updatable = false)
    public Instant addedAt;

    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    static MediaHost allow(String host, String actor, Instant at) {
        MediaHost allowed = new MediaHost();
        allowed.host = host;
        allowed.addedBy = actor;
        allowed.addedAt = at;
        return allowed;
    }

    /**
     * The host as it is compared with a media_url's (lower case, ASCII: a Chinese domain in its xn-- form), or a 400
     * that says what to send instead: a host name or an IPv4 address, without scheme, port, path or wildcard.
     */
    static String normalize(String given) {
        String host = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw refused("Name a host, such as img.example.cn.");
        }
        if (host.contains("*")) {
            throw refused("Wildcards are not supported: allow each host by its exact name (img.example.cn, cdn.example.cn).");
        }
        if (host.contains("/") || host.contains("?") || host.contains("#") || host.contains("@")) {
            throw refused("A host name only, such as img.example.cn: no scheme, path, query or user.");
        }
        if (host.contains(":")) {
            throw refused("A host name or an IPv4 address without a port (a host is allowed on any port; "
                    + "IPv6 addresses are not supported).");
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw refused("'" + given.strip() + "' is not a valid host name.");
        }
        if (host.isEmpty() || host.length() > MAX_LENGTH || !(IPV4.matcher(host).matches() || validName(host))) {
            throw refused("'" + given.strip() + "' is not a valid host name.");
        }
        return host;
    }

    private static boolean validName(String host) {
        if (host.substring(host.lastIndexOf('.') + 1).chars().allMatch(Character::isDigit)) {
            return false; // all digits at the end: a mistyped IPv4 address, not a name
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static InvalidRequestProblem refused(String why) {
        return new InvalidRequestProblem("host", why);
    }
}
