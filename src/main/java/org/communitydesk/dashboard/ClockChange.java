package org.communitydesk.dashboard;

/**
 * A ticket's figure that changes by the clock alone, and what it adds once its moment has passed. {@link FigureScan}
 * adds it for a ticket read after that moment; for a stored day, the job keeps the changes still ahead in
 * ticket_figures_pending (V36) and readers add the passed ones, so that the clock does not send a day back to the
 * tickets.
 */
enum ClockChange {
    /** Not dispatched when the dispatch target passes: counted in the response rate, as not in time. */
    DISPATCH_DUE,
    /** Resolved {@link StatsService#UNDISPUTED_AFTER} ago without the resident's feedback: resolved undisputed. */
    UNDISPUTED,
    /** An order still standing unaccepted when its acceptance target passes: counted, as not in time. */
    ACCEPT_DUE,
    /** Open and not paused when the due time passes: overdue, and late at its compound. */
    OVERDUE;

    void addTo(FigureGroup group, long tickets) {
        switch (this) {
            case DISPATCH_DUE -> group.responseCounted += tickets;
            case UNDISPUTED -> group.confirmedResolved += tickets;
            case ACCEPT_DUE -> group.acceptanceCounted += tickets;
            case OVERDUE -> group.openOverdue += tickets;
        }
    }

    /** The unit ranking's share: the order counts for the organization it names. */
    void addTo(UnitGroup unit, long tickets) {
        if (this == ACCEPT_DUE) {
            unit.acceptanceCounted += tickets;
        }
    }

    /** How many of {@code tickets} become late at their compound (trouble spots' and the map's "late"). */
    long lateAtSite(long tickets) {
        return this == OVERDUE ? tickets : 0;
    }
}
