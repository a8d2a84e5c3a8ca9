package org.communitydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.communitydesk.common.IdentityEntity;

/** One pause of a ticket's clock (挂起): open while {@link #resumedAt} is null. Written by {@link Ticket} only. */
@Entity
@Table(name = "ticket_pause")
public class TicketPause extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PauseReason reason;

    /** What staff wrote: for staff only (it may name the resident). */
    public String comment;

    @Column(name = "paused_at", nullable = false)
    public Instant pausedAt;

    @Column(name = "paused_by", nullable = false)
    public String pausedBy;

    @Column(name = "resumed_at")
    public Instant resumedAt;

    @Column(name = "resumed_by")
    public String resumedBy;

    protected TicketPause() {
    }

    TicketPause(Ticket ticket, PauseReason reason, String comment, Actor actor, Instant at) {
        this.ticket = ticket;
        this.reason = reason;
        this.comment = comment;
        this.pausedBy = actor.name();
        this.pausedAt = at;
    }

    public boolean isOpen() {
        return resumedAt == null;
    }

    /** Ends the pause; returns how long the clock stood. */
    Duration end(Actor actor, Instant at) {
        resumedAt = at;
        resumedBy = actor.name();
        return Duration.between(pausedAt, at);
    }
}
