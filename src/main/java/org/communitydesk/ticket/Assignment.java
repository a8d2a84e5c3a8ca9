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

    /** By when the organization should accept the order (签收); null for assignments made before targets existed. */
    @Column(name = "accept_due_at")
    public Instant acceptDueAt;

    /** When the organization accepted the order, and who (a user name); null until then. */
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    /** Seconds from the assignment to its acceptance, stored like the ticket's durations. */
    @Column(name = "seconds_to_accept")
    public Long secondsToAccept;

    protected Assignment() {
    }

    Assignment(Ticket ticket, Organization organization, AssignmentRole role, Instant at, Instant acceptDueAt) {
        this.ticket = ticket;
        this.organization = organization;
        this.role = role;
        this.assignedAt = at;
        this.acceptDueAt = acceptDueAt;
    }

    public boolean isActive() {
        return releasedAt == null;
    }

    /** Still assigned and not yet accepted. */
    public boolean awaitsAcceptance() {
        return isActive() && acceptedAt == null;
    }

    void accept(Actor actor, Instant at) {
        acceptedAt = at;
        acceptedBy = actor.name();
        secondsToAccept = java.time.Duration.between(assignedAt, at).getSeconds();
    }
}
