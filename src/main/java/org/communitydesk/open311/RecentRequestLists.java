package org.communitydesk.open311;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.communitydesk.common.RecentAnswers;
import org.communitydesk.open311.GeoReportViews.ServiceRequest;

/**
 * Lists of service requests answered in the last few seconds, by the request's query, language and base URL
 * and by the newest timeline event: integrators and public maps poll the same list over and over, and it is
 * the same for everyone. Every ticket change that a list shows records an event, and the newest event is read
 * on every call, so such a change shows on the next call, on every instance; what changes without an event (a
 * renamed organization or compound, a request leaving the 90-day window) shows within
 * {@link RecentAnswers#TIME_TO_LIVE}.
 */
@ApplicationScoped
class RecentRequestLists {

    /** Requests kept over all lists: a page holds up to 1000, so the bound is on requests, not lists. */
    static final long MAX_REQUESTS = 20_000;

    private record Key(String query, Locale language, String base, long newestEvent, long period) {
    }

    private final RecentAnswers<Key, List<ServiceRequest>> lists = new RecentAnswers<>(MAX_REQUESTS, List::size);

    /** The list for this query, built now unless one was built for the same newest event within the same period. */
    List<ServiceRequest> of(String query, Locale language, String base, long newestEvent, Instant now,
            Supplier<List<ServiceRequest>> build) {
        return lists.of(new Key(query == null ? "" : query, language, base, newestEvent, RecentAnswers.period(now)), build);
    }
}
