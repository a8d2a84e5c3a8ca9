package org.communitydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The last resort against guessing one ticket's access code from many addresses: wrong codes for the
 * ticket from all clients together. More than {@value #MAX_FAILURES} within an hour block the ticket's
 * public lookups for everyone for an hour, and the ticket's page tells staff, who can lift it. The
 * ordinary guard is per client ({@link ClientAccessGuard}); this one only counts.
 */
@Entity
@Table(name = "ticket_access_guard")
public class AccessGuard extends PanacheEntityBase {

    /** Ten guessers at their own limit each: far beyond a resident mistyping, far below guessing 24^8 codes. */
    public static final int MAX_FAILURES = 100;

    @Id
    @Column(name = "ticket_id")
    public Long ticketId;

    @Embedded
    public FailureWindow window;

    protected AccessGuard() {
    }

    AccessGuard(long ticketId, Instant now) {
        this.ticketId = ticketId;
        this.window = new FailureWindow(now);
    }

    /**
     * Housekeeping: removes the guards whose window has ended and whose block, if any, is over. Such a row
     * counts for nothing (the next wrong code starts a new window), so removing it changes no answer.
     */
    public static long deleteExpired(Instant now) {
        return delete(FailureWindow.EXPIRED, FailureWindow.expiredParameters(now));
    }

    /** Counts one wrong code; returns true when this one blocked the ticket. */
    boolean recordFailure(Instant now) {
        return window.recordFailure(now, MAX_FAILURES);
    }
}
