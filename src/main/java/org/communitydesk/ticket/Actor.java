package org.communitydesk.ticket;

/** Who caused an event: a user name and the role they acted in. */
public record Actor(String name, String role) {

    /** Used by start-up jobs such as the demo data loader. */
    public static final Actor SYSTEM = new Actor("system", "SYSTEM");
}
