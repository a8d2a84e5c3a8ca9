package org.communitydesk.ticket;

import java.util.Set;
import org.communitydesk.common.Roles;

/** The signed-in person behind a request: the name recorded on events, their roles and their scope. */
public record Caller(Actor actor, Set<String> roles, TicketScope scope) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Changing the organizations on a ticket that was already dispatched is for supervisors. */
    boolean mayReassign() {
        return hasRole(Roles.SUPERVISOR) || hasRole(Roles.ADMIN);
    }
}
