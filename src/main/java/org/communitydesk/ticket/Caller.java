package org.communitydesk.ticket;

import java.util.Set;

/**
 * The signed-in person behind a request: the name recorded on events, their roles and their scope. What the
 * roles may do to a ticket is in {@link MovePermissions}.
 */
public record Caller(Actor actor, Set<String> roles, TicketScope scope) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
