package org.communitydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Wrong access codes typed for one ticket from one client address. More than {@value #MAX_FAILURES}
 * within an hour block that client's lookups of that ticket for an hour: the guesser is stopped, the
 * resident (from any other address) is not. A newly issued code starts clean, and staff can lift a block.
 */
@Entity
@Table(name = "ticket_access_block")
public class ClientAccessGuard extends PanacheEntityBase {

    public static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration LOCK = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(nullable = false, length = 64)
    public String address;

    @Column(name = "window_started_at", nullable = false)
    public Instant windowStartedAt;

    @Column(nullable = false)
    public int failures;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    protected ClientAccessGuard() {
    }

    ClientAccessGuard(long ticketId, String address, Instant now) {
        this.ticketId = ticketId;
        this.address = address;
        this.windowStartedAt = now;
        this.failures = 0;
    }

    /** Housekeeping: rows whose window has ended and whose block, if any, is over count for nothing. */
    public static long deleteExpired(Instant now) {
        return delete("windowStartedAt <= ?1 and (lockedUntil is null or lockedUntil <= ?2)", now.minus(WINDOW), now);
    }

    boolean blocks(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts one wrong code; returns true when this one blocked the client. */
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
