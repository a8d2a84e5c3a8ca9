package org.communitydesk.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts from {@code ticket_tally} (V9): tickets per community, category and status, kept by a trigger in the
 * database on every write to ticket. A handful of rows stand for a million tickets. One value is the tally rows
 * of a caller's area, narrowed by category, street office or community.
 */
record TicketTally(List<String> conditions, Map<String, Object> params) {

    /** Null for an organization's scope: the tally does not know who is assigned. */
    static TicketTally of(TicketScope scope) {
        return switch (scope.kind()) {
            case ALL -> new TicketTally(List.of(), Map.of());
            case STREET_OFFICE -> new TicketTally(List.of(), Map.of()).and("street_office_id", scope.id());
            case COMMUNITY -> new TicketTally(List.of(), Map.of()).and("community_id", scope.id());
            case ORGANIZATION -> null;
        };
    }

    TicketTally and(String column, long id) {
        String parameter = column + conditions.size();
        List<String> more = new ArrayList<>(conditions);
        more.add("x." + column + " = :" + parameter);
        Map<String, Object> moreParams = new HashMap<>(params);
        moreParams.put(parameter, id);
        return new TicketTally(more, moreParams);
    }

    /** How many tickets have one of these statuses (any status when none is given). */
    long countIn(EntityManager entityManager, Set<TicketStatus> statuses) {
        List<String> where = new ArrayList<>(conditions);
        if (!statuses.isEmpty()) {
            where.add("x.status in (:statuses)");
        }
        Query query = entityManager.createNativeQuery("select coalesce(sum(x.tickets), 0) from ticket_tally x"
                + where(where));
        params.forEach(query::setParameter);
        if (!statuses.isEmpty()) {
            query.setParameter("statuses", statuses.stream().map(Enum::name).toList());
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    Map<TicketStatus, Long> countByStatus(EntityManager entityManager) {
        Query query = entityManager.createNativeQuery("select x.status, sum(x.tickets) from ticket_tally x"
                + where(conditions) + " group by x.status");
        params.forEach(query::setParameter);
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(TicketStatus.valueOf((String) columns[0]), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
