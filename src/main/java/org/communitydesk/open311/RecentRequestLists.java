package org.communitydesk.open311;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.communitydesk.open311.GeoReportViews.ServiceRequest;

/**
 * Lists of service requests answered in the last few seconds, by the request's query, language and base URL
 * and by the newest timeline event: integrators and public maps poll the same list over and over, and it is
 * the same for everyone. Every ticket change that a list shows records an event, and the newest event is read
 * on every call, so such a change shows on the next call, on every instance; what changes without an event (a
 * renamed organization or compound, a request leaving the 90-day window) shows within {@link #TIME_TO_LIVE}.
 */
@ApplicationScoped
class RecentRequestLists {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);
    /** Requests kept over all lists: a page holds up to 1000, so the bound is on requests, not lists. */
    static final long MAX_REQUESTS = 20_000;

    private record Key(String query, Locale language, String base, long newestEvent, long period) {
    }

    private final Cache<Key, List<ServiceRequest>> lists = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE)
            .maximumWeight(MAX_REQUESTS)
            .<Key, List<ServiceRequest>>weigher((key, list) -> Math.max(1, list.size()))
            .build();

    /**
     * The list for this query, built now unless one was built for the same newest event within the same period of
     * {@link #TIME_TO_LIVE} by the service's clock (so that a clock moved on does not get an old window).
     */
    List<ServiceRequest> of(String query, Locale language, String base, long newestEvent, Instant now,
            Supplier<List<ServiceRequest>> build) {
        Key key = new Key(query == null ? "" : query, language, base, newestEvent,
                now.getEpochSecond() / TIME_TO_LIVE.toSeconds());
        List<ServiceRequest> kept = lists.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        List<ServiceRequest> built = build.get();
        lists.put(key, built);
        return built;
    }
}
