package org.communitydesk.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Answers built in the last few seconds, for reads that clients repeat (a status page refreshed, a list polled).
 * The key must hold everything read on every call that can change the answer: a ticket's version, the newest
 * timeline event, who asks. Read the key before building, so that an answer is never kept under a newer key
 * than what it shows. What changes without changing the key (a renamed organization, a flag that depends on
 * the time) shows within {@link #TIME_TO_LIVE}; keys that hold {@link #period} do not outlive the clock's
 * period either, so that a clock moved on does not get an old answer.
 */
public final class RecentAnswers<K, V> {

    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

    private final Cache<K, V> answers;

    /** At most {@code maximumWeight} in all, each answer weighing {@code weight} (at least 1). */
    public RecentAnswers(long maximumWeight, ToIntFunction<V> weight) {
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(TIME_TO_LIVE)
                .maximumWeight(maximumWeight)
                .<K, V>weigher((key, answer) -> Math.max(1, weight.applyAsInt(answer)))
                .build();
    }

    /** At most {@code maximumSize} answers. */
    public RecentAnswers(long maximumSize) {
        this(maximumSize, answer -> 1);
    }

    /** The period of {@link #TIME_TO_LIVE} that {@code now} falls in, for keys. */
    public static long period(Instant now) {
        return now.getEpochSecond() / TIME_TO_LIVE.toSeconds();
    }

    /** The answer kept for this key, unless none is or it is no longer {@code current}; else built now and kept. */
    public V of(K key, Predicate<V> current, Supplier<V> build) {
        V kept = answers.getIfPresent(key);
        if (kept != null && current.test(kept)) {
            return kept;
        }
        V built = build.get();
        answers.put(key, built);
        return built;
    }

    public V of(K key, Supplier<V> build) {
        return of(key, answer -> true, build);
    }
}
