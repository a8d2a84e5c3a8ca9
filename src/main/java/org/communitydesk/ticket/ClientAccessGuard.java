package org.communitydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(nullable = false, length = 64)
    public String address;

    @Embedded
    public FailureWindow window;

    protected ClientAccessGuard() {
    }

    ClientAccessGuard(long ticketId, String address, Instant now) {
        this.ticketId = ticketId;
        this.address = address;
        this.window = new FailureWindow(now);
    }

    /** Housekeeping: rows whose window has ended and whose block, if any, is over count for nothing. */
    public static long deleteExpired(Instant now) {
        return delete(FailureWindow.EXPIRED, FailureWindow.expiredParameters(now));
    }

    /** Counts one wrong code; returns true when this one blocked the client. */
    boolean recordFailure(Instant now) {
        return window.recordFailure(now, MAX_FAILURES);
    }
}
