package org.communitydesk.ticket;

import java.util.Locale;

/** The moves a ticket can make; each is {@code POST /api/tickets/{code}/{action}}. */
public enum TicketAction {
    DISPATCH, START, RESOLVE, CLOSE, CANCEL, REOPEN;

    /** The path segment and the name clients see: "dispatch", "start", ... */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
