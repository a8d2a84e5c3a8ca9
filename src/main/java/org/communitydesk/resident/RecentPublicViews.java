package org.communitydesk.resident;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.communitydesk.ticket.AccessGuards;

/**
 * Residents' views built in the last few seconds, by ticket, state and language: a status page that a resident
 * keeps refreshing, or that many open at once, reads the ticket's timeline once per change. Every lookup still
 * reads the ticket's version and latest event (with the guards and the access code), so a change of the ticket
 * or a new event shows at once, on every instance; what changes without either (a renamed organization) shows
 * within {@link #TIME_TO_LIVE}.
 */
@ApplicationScoped
class RecentPublicViews {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

    private record Key(AccessGuards.Openable state, Locale language) {
    }

    private final Cache<Key, PublicTicketView> views = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE)
            .maximumSize(2_000)
            .build();

    /** The view of the ticket in this state, built now if none is kept or if its feedback deadline has passed. */
    PublicTicketView of(AccessGuards.Openable state, Locale language, Instant now, Supplier<PublicTicketView> build) {
        Key key = new Key(state, language);
        PublicTicketView kept = views.getIfPresent(key);
        if (kept != null && (kept.feedbackDeadline() == null || now.isBefore(kept.feedbackDeadline()))) {
            return kept;
        }
        PublicTicketView built = build.get();
        views.put(key, built);
        return built;
    }
}
