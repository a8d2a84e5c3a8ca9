package org.communitydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.communitydesk.common.IdentityEntity;
import org.communitydesk.directory.Organization;

/**
 * One return (退单) of an order by the organization that led it: a row per return, never changed, so that the
 * dashboard counts returns per organization in SQL. Written only by {@link Ticket#returnOrder}.
 */
@Entity
@Table(name = "ticket_return")
public class TicketReturn extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    /** The organization that returned the order (the lead then). */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReturnReason reason;

    /** What the organization wrote: for staff, never shown to the public. */
    public String comment;

    @Column(name = "returned_at", nullable = false)
    public Instant returnedAt;

    /** The user name of who returned it (a contractor, or an ADMIN recording it for the lead). */
    @Column(name = "returned_by", nullable = false)
    public String returnedBy;

    protected TicketReturn() {
    }

    TicketReturn(Ticket ticket, Organization organization, ReturnReason reason, String comment, Instant at, String by) {
        this.ticket = ticket;
        this.organization = organization;
        this.reason = reason;
        this.comment = comment;
        this.returnedAt = at;
        this.returnedBy = by;
    }
}
