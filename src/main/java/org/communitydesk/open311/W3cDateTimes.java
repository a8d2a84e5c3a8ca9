package org.communitydesk.open311;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.communitydesk.common.InvalidRequestProblem;

/**
 * Date-times as the W3C note GeoReport v2 names: {@code 2026-11-29T14:05:09+08:00}, whole seconds,
 * always with the offset of the installation's zone.
 */
final class W3cDateTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private W3cDateTimes() {
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** A date-time with its offset (Z or ±hh:mm), as start_date and end_date must be given. */
    static Instant parse(String field, String value) {
        // An unencoded '+' in a query string arrives as a space; a W3C date-time never holds one.
        String text = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidRequestProblem(field, field + " must be a W3C date-time with a time zone, such as "
                    + "2026-11-01T00:00:00+08:00 or 2026-10-31T16:00:00Z.");
        }
    }
}
