package org.communitydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
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
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration LOCK = Duration.ofHours(1);

    @Id
    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "window_started_at", nullable = false)
    public Instant windowStartedAt;

    @Column(nullable = false)
    public int failures;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    protected AccessGuard() {
    }

    AccessGuard(long ticketId, Instant now) {
        this.ticketId = ticketId;
        this.windowStartedAt = now;
        this.failures = 0;
    }

    /**
     * Housekeeping: removes the guards whose window has ended and whose block, if any, is over. Such a row
     * counts for nothing (the next wrong code starts a new window), so removing it changes no answer.
     */
    public static long deleteExpired(Instant now) {
        return delete("windowStartedAt <= ?1 and (lockedUntil is null or lockedUntil <= ?2)", now.minus(WINDOW), now);
    }

    boolean blocks(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts one wrong code; returns true when this one blocked the ticket. */
    boolean recordFailure(Instant now) {
        if (!now.isBefore(windowStartedAt.plus(WINDOW)) || (lockedUntil != null && !blocks(now))) {
            windowStartedAt = now;
            failures = 0;
            lockedUntil = null;
        }
        failures++;
        if (failures > MAX_FAILURES && lockedUntil == null) {
            lockedUntil = now.plus(LOCK);
            return true;
        }
        return false;
    }
}
