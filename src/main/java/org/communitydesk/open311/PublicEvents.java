package org.communitydesk.open311;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.communitydesk.ticket.EventTexts;
import org.communitydesk.ticket.EventType;
import org.communitydesk.ticket.PublicText;
import org.communitydesk.ticket.TicketEvent;

/**
 * Which events of a ticket Open311 publishes (as notes and as updates), and in what words. Only PUBLIC
 * events, and of those only the moves and staff notes: the text of a move is generated and may name staff
 * accounts or internal reassignments, so a move is told in fixed words (ticket.TimelineTexts, Chinese unless
 * the client's Accept-Language prefers English); a note, written by staff for residents, is published as typed,
 * with callers' names, phones and long numbers masked ({@link PublicText}).
 */
final class PublicEvents {

    static final Set<EventType> PUBLISHED = EnumSet.of(EventType.REPORTED, EventType.DISPATCHED, EventType.REASSIGNED,
            EventType.STARTED, EventType.RESOLVED, EventType.CLOSED, EventType.CANCELLED, EventType.REOPENED,
            EventType.NOTE);

    private PublicEvents() {
    }

    /** The event's public text: a note masked, a move in fixed words of the reader's language. */
    static String describe(TicketEvent event, Set<String> personal, Locale language) {
        return event.type == EventType.NOTE ? PublicText.redact(event.note, personal) : EventTexts.move(event.type, language);
    }

    static String type(TicketEvent event) {
        return event.type.name().toLowerCase(Locale.ROOT);
    }

    static String status(TicketEvent event) {
        return event.toStatus.isOpen() ? "open" : "closed";
    }
}
