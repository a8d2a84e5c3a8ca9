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

/** An organization working on a ticket. A later dispatch releases it rather than deleting it, keeping the history. */
@Entity
@Table(name = "ticket_assignment")
public class Assignment extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentRole role;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    protected Assignment() {
    }

    Assignment(Ticket ticket, Organization organization, AssignmentRole role, Instant at) {
        this.ticket = ticket;
        this.organization = organization;
        this.role = role;
        this.assignedAt = at;
    }

    public boolean isActive() {
        return releasedAt == null;
    }
}
