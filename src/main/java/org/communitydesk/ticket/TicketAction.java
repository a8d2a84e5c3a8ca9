package org.communitydesk.ticket;

import java.util.Locale;

/**
 * The moves a ticket can make; each is {@code POST /api/tickets/{code}/{action}}. Where each goes is in
 * {@link TicketStatus}, who may make it in {@link MovePermissions}: a new move is one entry in each.
 */
public enum TicketAction {
    DISPATCH, START, RESOLVE, CLOSE, CANCEL, REOPEN,
    /** An organization dispatched to the ticket acknowledges the order (签收); the status stays. */
    ACCEPT,
    /** The lead organization sends back an order it cannot handle, before starting it (退单): back to REPORTED. */
    RETURN,
    /** The lead organization asks for a later due time (延期申请), before the due time; the status stays. */
    REQUEST_EXTENSION,
    /** A supervisor of the ticket's street office grants the pending request: the due time moves. */
    APPROVE_EXTENSION,
    /** A supervisor of the ticket's street office refuses the pending request: the due time stays. */
    REJECT_EXTENSION,
    /** A supervisor urges the lead organization on an at-risk or overdue ticket (督办); the status stays. */
    URGE,
    /** Staff stop the ticket's clock while it waits on the resident or a third party (挂起); the status stays. */
    PAUSE,
    /** Staff start the paused clock again; the deadlines keep the working time they had left. */
    RESUME;

    /** The path segment and the name clients see: "dispatch", "start", "request-extension"... */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action whose {@link #pathName()} this is, if any. */
    public static java.util.Optional<TicketAction> ofPathName(String name) {
        for (TicketAction action : values()) {
            if (action.pathName().equals(name)) {
                return java.util.Optional.of(action);
            }
        }
        return java.util.Optional.empty();
    }
}
