package org.communitydesk.resident;

import java.time.Instant;
import java.util.List;
import org.communitydesk.ticket.EventType;
import org.communitydesk.ticket.TicketViews;
import org.communitydesk.ticket.TicketStatus;
import org.communitydesk.web.Bilingual;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a resident may see of their ticket. Nothing here is personal: no caller, no flat or room,
 * no internal notes, no access code.
 */
@Schema(name = "PublicTicket")
public record PublicTicketView(
        String code,
        TicketStatus status,
        Name category,
        @Schema(nullable = true, description = "The compound, if the problem is at one; never the building or flat.")
        Name site,
        Name community,
        @Schema(nullable = true, description = "The organization leading the work, once dispatched.")
        Name leadOrganization,
        Instant reportedAt,
        @Schema(nullable = true) Instant dispatchedAt,
        @Schema(nullable = true) Instant resolvedAt,
        @Schema(nullable = true) Instant closedAt,
        @Schema(description = "When the problem should be solved by, from the category's service level.") Instant dueAt,
        @Schema(nullable = true,
                description = "Until when feedback on the current resolution is taken; null when none can be given.")
        Instant feedbackDeadline,
        @Schema(nullable = true, description = "The feedback given on the current resolution, once given.")
        GivenFeedback feedbackGiven,
        @Schema(nullable = true, description = "The community office's phone, for questions; null when none is known.",
                examples = "0352-2041186")
        String officePhone,
        @Schema(description = "The public events of the timeline, oldest first.") List<PublicEvent> events,
        @Schema(description = "Whether text messages about this ticket go to the caller's phone; they can be stopped.")
        boolean textMessages,
        @Schema(description = "The PUBLIC photos, oldest first; their URLs open without a login.")
        List<PublicPhoto> photos) {

    @Schema(name = "PublicPhoto")
    public record PublicPhoto(String url, String thumbnailUrl, Instant addedAt) {
    }

    @Schema(name = "PublicName", description = "A name in Chinese and English.")
    public record Name(String zh, String en) implements Bilingual {
    }

    @Schema(name = "PublicGivenFeedback", description = "The rating given on a resolution; the comment stays with staff.")
    public record GivenFeedback(int rating, boolean resolved, Instant givenAt) {

        /** "yes" or "no", as the page's forms and messages say it. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        @Schema(hidden = true)
        public String resolvedAnswer() {
            return resolved ? "yes" : "no";
        }
    }

    @Schema(name = "PublicEvent")
    public record PublicEvent(EventType type, @Schema(nullable = true) TicketStatus fromStatus,
            @Schema(nullable = true) TicketStatus toStatus, Instant occurredAt,
            @Schema(nullable = true, description = TicketViews.EVENT_NOTE_DOC + " Callers' names and long numbers are masked.")
            String note) {
    }
}
