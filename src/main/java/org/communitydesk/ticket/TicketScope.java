package org.communitydesk.ticket;

import java.util.Map;

/**
 * Which tickets a caller may see and act on. Every ticket query adds {@link #predicate(String)},
 * so a list, a count or a single read never reaches outside it.
 */
public record TicketScope(Kind kind, Long id) {

    public enum Kind {
        /** The district administration: every ticket. */
        ALL,
        /** A street office: the tickets of its communities. */
        STREET_OFFICE,
        /** A community office: its own tickets. */
        COMMUNITY,
        /** An organization: the tickets it is currently assigned to. */
        ORGANIZATION
    }

    public static final TicketScope ALL = new TicketScope(Kind.ALL, null);

    public static TicketScope streetOffice(long areaId) {
        return new TicketScope(Kind.STREET_OFFICE, areaId);
    }

    public static TicketScope community(long areaId) {
        return new TicketScope(Kind.COMMUNITY, areaId);
    }

    public static TicketScope organization(long organizationId) {
        return new TicketScope(Kind.ORGANIZATION, organizationId);
    }

    /** A JPQL condition on the ticket alias, or null when the scope is everything. Its parameter is "scopeId". */
    String predicate(String t) {
        return switch (kind) {
            case ALL -> null;
            case STREET_OFFICE -> t + ".streetOffice.id = :scopeId";
            case COMMUNITY -> t + ".community.id = :scopeId";
            case ORGANIZATION -> "exists (select 1 from Assignment scoped where scoped.ticket = " + t
                    + " and scoped.organization.id = :scopeId and scoped.releasedAt is null)";
        };
    }

    /** The same condition in SQL, for reports that aggregate with native queries; same parameter. */
    public String sqlPredicate(String t) {
        return switch (kind) {
            case ALL -> null;
            case STREET_OFFICE -> t + ".street_office_id = :scopeId";
            case COMMUNITY -> t + ".community_id = :scopeId";
            case ORGANIZATION -> "exists (select 1 from ticket_assignment scoped where scoped.ticket_id = " + t
                    + ".id and scoped.organization_id = :scopeId and scoped.released_at is null)";
        };
    }

    public Map<String, Object> parameters() {
        return kind == Kind.ALL ? Map.of() : Map.of("scopeId", id);
    }

    /** Whether a new ticket in this community may be logged by a caller with this scope. */
    public boolean coversCommunity(org.communitydesk.directory.Area community) {
        return switch (kind) {
            case ALL -> true;
            case STREET_OFFICE -> community.parent != null && community.parent.id.equals(id);
            case COMMUNITY -> community.id.equals(id);
            case ORGANIZATION -> false;
        };
    }

    /** Whether every community of this street office is within the scope. */
    public boolean coversStreetOffice(org.communitydesk.directory.Area streetOffice) {
        return switch (kind) {
            case ALL -> true;
            case STREET_OFFICE -> streetOffice.id.equals(id);
            case COMMUNITY, ORGANIZATION -> false;
        };
    }
}
