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
import org.hibernate.annotations.Immutable;

/** The resident's verdict on one resolution of a ticket: given once, never changed. */
@Entity
@Immutable
@Table(name = "ticket_feedback")
public class TicketFeedback extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    /** The resolution this feedback is about; a ticket reopened and resolved again may get feedback again. */
    @Column(name = "resolved_at", nullable = false)
    public Instant resolvedAt;

    @Column(nullable = false)
    public int rating;

    @Column(nullable = false)
    public boolean resolved;

    public String comment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackSource source;

    /** The staff member who recorded a follow-up call; null when the resident gave it. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    protected TicketFeedback() {
    }

    TicketFeedback(Ticket ticket, Feedback feedback, FeedbackSource source, String recordedBy, Instant at) {
        this.ticket = ticket;
        this.resolvedAt = ticket.resolvedAt;
        this.rating = feedback.rating();
        this.resolved = feedback.resolved();
        this.comment = feedback.comment();
        this.source = source;
        this.recordedBy = recordedBy;
        this.givenAt = at;
    }

    /** What the resident said. */
    public record Feedback(int rating, boolean resolved, String comment) {
    }
}
