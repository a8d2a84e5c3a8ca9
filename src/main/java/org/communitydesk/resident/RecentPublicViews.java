package org.communitydesk.resident;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.communitydesk.common.RecentAnswers;
import org.communitydesk.ticket.AccessGuards;

/**
 * Residents' views built in the last few seconds, by ticket, state and language: a status page that a resident
 * keeps refreshing, or that many open at once, reads the ticket's timeline once per change. Every lookup still
 * reads the ticket's version and latest event (with the guards and the access code), so a change of the ticket
 * or a new event shows at once, on every instance; what changes without either (a renamed organization) shows
 * within {@link RecentAnswers#TIME_TO_LIVE}.
 */
@ApplicationScoped
class RecentPublicViews {

    private record Key(AccessGuards.Openable state, Locale language) {
    }

    private final RecentAnswers<Key, PublicTicketView> views = new RecentAnswers<>(2_000);

    /** The view of the ticket in this state, built now if none is kept or if its feedback deadline has passed. */
    PublicTicketView of(AccessGuards.Openable state, Locale language, Instant now, Supplier<PublicTicketView> build) {
        return views.of(new Key(state, language),
                kept -> kept.feedbackDeadline() == null || now.isBefore(kept.feedbackDeadline()), build);
    }
}
