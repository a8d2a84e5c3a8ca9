package org.communitydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.communitydesk.common.IdentityEntity;
import org.hibernate.annotations.Immutable;

/** One line of a ticket's timeline. Events are only ever appended, never changed. */
@Entity
@Immutable
@Table(name = "ticket_event")
public class TicketEvent extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public TicketStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** What the system wrote, as a key ({@link EventTexts} renders it); null for a line of people's text only. */
    @Enumerated(EnumType.STRING)
    public Wording wording;

    /** The wording's parameters, a JSON object ({@link EventWording}); null when it has none. */
    @Column(name = "wording_params")
    public String wordingParams;

    /** What people typed (a note, a resolution, a caller's words), as typed; never text the system made. */
    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    protected TicketEvent() {
    }

    TicketEvent(Ticket ticket, EventType type, TicketStatus from, TicketStatus to, Actor actor, Instant at,
            EventWording wording, String note, Visibility visibility) {
        this.ticket = ticket;
        this.type = type;
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor.name();
        this.actorRole = actor.role();
        this.occurredAt = at;
        this.wording = wording == null ? null : wording.key();
        this.wordingParams = wording == null ? null : wording.paramsJson();
        this.note = note;
        this.visibility = visibility;
    }

    /**
     * A "not resolved" from the resident (their own feedback or a follow-up call): it reopens the ticket. Told by
     * the stored wording, never by the text, so a reason typed by staff that reads the same is not one.
     */
    public boolean isReopenedByResident() {
        return type == EventType.REOPENED && wording == Wording.REOPENED_BY_RESIDENT;
    }

    /** The line in the reader's language (see {@link EventTexts}). */
    public String text(java.util.Locale locale) {
        return EventTexts.text(this, locale);
    }

    /**
     * An INTERNAL line about a notification of the ticket (sent, or given up), appended without touching the
     * ticket itself: its version, which staff's If-Match compares, stays as it is. False if there is no such ticket.
     */
    public static boolean appendDeliveryNotice(String ticketCode, boolean sent, String channel, String recipient, String kind,
            String error, Instant at) {
        Ticket ticket = Ticket.<Ticket>find("code", ticketCode).firstResult();
        if (ticket == null) {
            return false;
        }
        new TicketEvent(ticket, sent ? EventType.NOTIFICATION_SENT : EventType.NOTIFICATION_FAILED, ticket.status,
                ticket.status, Ticket.SYSTEM, at, EventWording.delivery(sent, channel, recipient, kind, error), null,
                Visibility.INTERNAL).persist();
        return true;
    }

    /**
     * The id of the newest event of any ticket, 0 when there is none: it moves with every change to any ticket,
     * so answers kept for a few seconds are keyed by it (see common.RecentAnswers).
     */
    public static long newestId() {
        return getEntityManager().createQuery("select coalesce(max(e.id), 0) from TicketEvent e", Long.class)
                .getSingleResult();
    }

    public static List<TicketEvent> timelineOf(Ticket ticket) {
        return list("ticket = ?1 order by id", ticket);
    }

    /** The events residents may see, oldest first. */
    public static List<TicketEvent> publicTimelineOf(Ticket ticket) {
        return list("ticket = ?1 and visibility = ?2 order by id", ticket, Visibility.PUBLIC);
    }
}
