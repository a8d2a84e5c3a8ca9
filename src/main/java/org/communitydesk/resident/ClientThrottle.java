package org.communitydesk.resident;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed public lookups per client address in a one-minute window. Past {@value #MAX_FAILURES} the
 * client gets 429 until the window ends, whatever it asks. Kept in memory: each instance counts its
 * own clients, which is enough to make guessing across many tickets slow.
 */
@ApplicationScoped
public class ClientThrottle {

    static final int MAX_FAILURES = 60;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(Instant startedAt, int failures) {
        boolean isOver(Instant now) {
            return !now.isBefore(startedAt.plus(WINDOW));
        }
    }

    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .build();

    /** Throws 429 when the client already failed more than it may in the current window. */
    void checkAllowed(String client, Instant now) {
        Window window = windows.getIfPresent(client);
        if (window != null && !window.isOver(now) && window.failures() >= MAX_FAILURES) {
            long seconds = Math.max(1, Duration.between(now, window.startedAt().plus(WINDOW)).toSeconds());
            throw new TooManyLookupsProblem(seconds);
        }
    }

    void recordFailure(String client, Instant now) {
        windows.asMap().compute(client, (key, window) -> window == null || window.isOver(now)
                ? new Window(now, 1)
                : new Window(window.startedAt(), window.failures() + 1));
    }
}
