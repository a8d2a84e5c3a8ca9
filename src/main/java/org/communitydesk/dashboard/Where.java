package org.communitydesk.dashboard;

import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.Map;
import org.communitydesk.directory.Area;
import org.communitydesk.ticket.TicketScope;

/** A WHERE clause on the ticket alias {@code t} of a native query, and its named parameters. */
record Where(String sql, Map<String, Object> params) {

    static Where of(TicketScope scope, Area streetOffice, Area community) {
        Where where = new Where("1 = 1", Map.of());
        String inScope = scope.sqlPredicate("t");
        if (inScope != null) {
            where = where.and(inScope);
            for (var p : scope.parameters().entrySet()) {
                where = where.with(p.getKey(), p.getValue());
            }
        }
        if (streetOffice != null) {
            where = where.and("t.street_office_id = :streetOfficeId").with("streetOfficeId", streetOffice.id);
        }
        if (community != null) {
            where = where.and("t.community_id = :communityId").with("communityId", community.id);
        }
        return where;
    }

    Where and(String condition) {
        return new Where(sql + " and " + condition, params);
    }

    Where with(String name, Object value) {
        Map<String, Object> more = new HashMap<>(params);
        more.put(name, value);
        return new Where(sql, more);
    }

    Query bind(Query query) {
        // Only the parameters the statement names: a native query refuses unknown ones.
        params.forEach((name, value) -> {
            if (query.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
