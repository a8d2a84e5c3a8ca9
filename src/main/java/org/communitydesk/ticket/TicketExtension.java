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
 * An extension request (延期申请): the lead organization asked for a later due time, with a reason; a supervisor of
 * the ticket's street office (or an ADMIN) decides. {@link #decision} is null while the request waits. Written only
 * through {@link Ticket}; the dashboard counts the rows per organization (V28).
 */
@Entity
@Table(name = "ticket_extension")
public class TicketExtension extends IdentityEntity {

    public enum Decision {
        APPROVED, REJECTED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    /** The organization that asked: the lead when it asked. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    /** The ticket's due time when the request was made. */
    @Column(name = "due_at_before", nullable = false)
    public Instant dueAtBefore;

    @Column(name = "requested_due_at", nullable = false)
    public Instant requestedDueAt;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_note")
    public String decisionNote;

    protected TicketExtension() {
    }

    TicketExtension(Ticket ticket, Organization organization, Instant requestedDueAt, String reason, Actor actor,
            Instant at) {
        this.ticket = ticket;
        this.organization = organization;
        this.requestedAt = at;
        this.requestedBy = actor.name();
        this.dueAtBefore = ticket.dueAt;
        this.requestedDueAt = requestedDueAt;
        this.reason = reason;
    }

    public boolean isPending() {
        return decision == null;
    }

    void decide(Decision made, String note, Actor actor, Instant at) {
        decision = made;
        decisionNote = note;
        decidedBy = actor.name();
        decidedAt = at;
    }
}
