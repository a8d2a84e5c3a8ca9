package org.communitydesk.ticket;

/** Who caused an event: a user name and the role they acted in. */
public record Actor(String name, String role) {
}
