package org.communitydesk.ticket;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.communitydesk.common.Roles;

/**
 * What waits for the caller ("needs me", 需要我处理): the list's {@code needsMe=true} and the console queue's view.
 * Each {@link Need} says whom it concerns and which tickets, as a JPQL condition on the ticket alias; the caller's
 * scope is added by the search, as on every list, so nobody sees outside it. A new kind of work to decide is one
 * more entry in {@link #NEEDS}.
 */
public final class NeedsMe {

    /**
     * One kind of waiting work: {@code concerns} tells whether it is the caller's (by roles and scope), {@code jpql}
     * selects the tickets, with {@code %1$s} for the ticket alias; it may use the scope's parameter :scopeId.
     */
    public record Need(String name, BiPredicate<Set<String>, TicketScope> concerns, String jpql) {

        String on(String t) {
            return "(" + jpql.formatted(t) + ")";
        }
    }

    private static final String OPEN = TicketStatus.OPEN_STATES_JPQL;

    /** The kinds of waiting work, in the order the console names them. */
    static final List<Need> NEEDS = List.of(
            // A contractor: the open orders its organization was dispatched and has yet to accept (签收).
            new Need("orders-to-accept", (roles, scope) -> scope.kind() == TicketScope.Kind.ORGANIZATION,
                    "%1$s.status in " + OPEN + " and exists (select 1 from Assignment needed where needed.ticket = %1$s"
                            + " and needed.organization.id = :scopeId and needed.releasedAt is null"
                            + " and needed.acceptedAt is null)"),
            // The offices: orders returned (退单) that wait to be dispatched again or cancelled.
            new Need("returned-to-dispatch", (roles, scope) -> scope.kind() != TicketScope.Kind.ORGANIZATION
                    && (roles.contains(Roles.STAFF) || roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN)),
                    "%1$s.returnedAt is not null and %1$s.status = " + TicketStatus.class.getName() + ".REPORTED"),
            // A supervisor (or an ADMIN): extension requests (延期申请) waiting for a decision.
            new Need("extensions-to-decide", (roles, scope) -> scope.kind() != TicketScope.Kind.ORGANIZATION
                    && (roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN)),
                    "%1$s.status in " + OPEN + " and exists (select 1 from TicketExtension pending where pending.ticket = %1$s"
                            + " and pending.decision is null)"));

    private NeedsMe() {
    }

    /** The names of the kinds of work that concern this caller. */
    public static List<String> namesFor(Set<String> roles, TicketScope scope) {
        return NEEDS.stream().filter(n -> n.concerns().test(roles, scope)).map(Need::name).toList();
    }

    /** The condition on the ticket alias {@code t}: any of the caller's kinds; one that holds for no ticket if none. */
    static String predicate(String t, Set<String> roles, TicketScope scope) {
        String any = NEEDS.stream().filter(n -> n.concerns().test(roles, scope)).map(n -> n.on(t))
                .collect(Collectors.joining(" or "));
        return any.isEmpty() ? t + ".id < 0" : "(" + any + ")";
    }
}
