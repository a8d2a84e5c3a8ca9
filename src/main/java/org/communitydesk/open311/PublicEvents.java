package org.communitydesk.open311;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.communitydesk.ticket.EventType;
import org.communitydesk.ticket.PublicText;
import org.communitydesk.ticket.TicketEvent;

/**
 * Which events of a ticket Open311 publishes (as notes and as updates), and in what words. Only PUBLIC
 * events, and of those only the moves and staff notes: the text of a move is generated and may name staff
 * accounts or internal reassignments, so a move is told in fixed words; a note, written by staff for
 * residents, is published with callers' names, phones and long numbers masked ({@link PublicText}).
 */
final class PublicEvents {

    static final Set<EventType> PUBLISHED = EnumSet.of(EventType.REPORTED, EventType.DISPATCHED, EventType.REASSIGNED,
            EventType.STARTED, EventType.RESOLVED, EventType.CLOSED, EventType.CANCELLED, EventType.REOPENED,
            EventType.NOTE);

    private static final Map<EventType, String> WORDING = Map.of(
            EventType.REPORTED, "已受理 Received",
            EventType.DISPATCHED, "已派单 Dispatched to the organizations that will do the work",
            EventType.REASSIGNED, "已改派 Reassigned",
            EventType.STARTED, "已开始处理 Work has started",
            EventType.RESOLVED, "已处理完毕 Resolved",
            EventType.CLOSED, "已办结 Closed",
            EventType.CANCELLED, "已撤销 Cancelled",
            EventType.REOPENED, "已重新处理 Reopened");

    private PublicEvents() {
    }

    /** The event's public text: a note masked, a move in fixed words. */
    static String describe(TicketEvent event, Set<String> personal) {
        return event.type == EventType.NOTE ? PublicText.redact(event.note, personal) : WORDING.get(event.type);
    }

    static String type(TicketEvent event) {
        return event.type.name().toLowerCase(Locale.ROOT);
    }

    static String status(TicketEvent event) {
        return event.toStatus.isOpen() ? "open" : "closed";
    }
}
