package org.communitydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.communitydesk.common.IdentityEntity;
import org.communitydesk.directory.Organization;

/**
 * A supervisor urged the organization leading the work (督办) on an at-risk or overdue ticket. One row per urging,
 * with the organization it was addressed to, so that the dashboard counts urgings per organization in SQL.
 */
@Entity
@Table(name = "ticket_urging")
public class TicketUrging extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    @Column(name = "urged_at", nullable = false)
    public Instant urgedAt;

    @Column(name = "urged_by", nullable = false)
    public String urgedBy;

    @Column(nullable = false)
    public String note;

    protected TicketUrging() {
    }

    TicketUrging(Ticket ticket, Organization organization, String note, Actor actor, Instant at) {
        this.ticket = ticket;
        this.organization = organization;
        this.note = note;
        this.urgedBy = actor.name();
        this.urgedAt = at;
    }
}
