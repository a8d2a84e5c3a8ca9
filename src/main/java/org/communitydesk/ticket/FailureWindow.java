package org.communitydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * Wrong access codes counted in a window of {@link #WINDOW}: more than a guard's limit within it blocks
 * for {@link #LOCK}. Held by both access guards (per client, and per ticket as the last resort), which
 * differ only in what they count for and where the limit lies.
 */
@Embeddable
public class FailureWindow {

    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration LOCK = Duration.ofHours(1);

    /** The HQL condition for rows that count for nothing any more: window ended, block (if any) over. */
    static final String EXPIRED = "window.startedAt <= ?1 and (window.lockedUntil is null or window.lockedUntil <= ?2)";

    @Column(name = "window_started_at", nullable = false)
    public Instant startedAt;

    @Column(nullable = false)
    public int failures;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    protected FailureWindow() {
    }

    FailureWindow(Instant now) {
        this.startedAt = now;
        this.failures = 0;
    }

    boolean blocks(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts one wrong code; returns true when this one started a block (more than {@code limit} in the window). */
    boolean recordFailure(Instant now, int limit) {
        if (!now.isBefore(startedAt.plus(WINDOW)) || (lockedUntil != null && !blocks(now))) {
            startedAt = now;
            failures = 0;
            lockedUntil = null;
        }
        failures++;
        if (failures > limit && lockedUntil == null) {
            lockedUntil = now.plus(LOCK);
            return true;
        }
        return false;
    }

    static Object[] expiredParameters(Instant now) {
        return new Object[] {now.minus(WINDOW), now};
    }
}
