package org.communitydesk.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Values of native queries' rows, as the two databases' drivers give them. Native queries are for the hot paths
 * where Hibernate would translate a JPQL query anew on every call (a list parameter, a parameter in the select).
 */
public final class NativeRows {

    private NativeRows() {
    }

    /** A TIMESTAMP WITH TIME ZONE column. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** A BIGINT or INTEGER column, or null. */
    public static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
