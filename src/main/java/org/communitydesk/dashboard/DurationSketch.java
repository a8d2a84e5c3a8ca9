package org.communitydesk.dashboard;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Durations in seconds that can be merged day by day and still give a median and a 90th percentile. Up to
 * {@link #EXACT_LIMIT} values it keeps them all and answers exactly as SQL's {@code percentile_cont} does; past that
 * it keeps a histogram whose buckets are {@link #GAMMA} times wider each, so a percentile read from it is within
 * {@link #RELATIVE_ERROR} (1%) of the exact one. Stored as text in ticket_figures.
 */
final class DurationSketch {

    static final int EXACT_LIMIT = 256;
    static final double GAMMA = 1.02;
    /** The largest relative error of a value read from a bucket: (γ − 1) / (γ + 1). */
    static final double RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    /** The bucket of a duration of 0 seconds (every other bucket holds (γ^(i−1), γ^i]). */
    private static final int ZERO = Integer.MIN_VALUE;

    private long[] exact = new long[8];
    private int exactCount;
    /** Bucket to count, once past {@link #EXACT_LIMIT}; null while exact. */
    private TreeMap<Integer, Long> buckets;
    private long count;

    long count() {
        return count;
    }

    void add(long seconds) {
        long value = Math.max(0, seconds);
        count++;
        if (buckets != null) {
            buckets.merge(bucket(value), 1L, Long::sum);
            return;
        }
        if (exactCount == exact.length) {
            exact = Arrays.copyOf(exact, exact.length * 2);
        }
        exact[exactCount++] = value;
        if (exactCount > EXACT_LIMIT) {
            toBuckets();
        }
    }

    void addAll(DurationSketch other) {
        if (other.buckets == null) {
            for (int i = 0; i < other.exactCount; i++) {
                add(other.exact[i]);
            }
            return;
        }
        if (buckets == null) {
            toBuckets();
        }
        other.buckets.forEach((bucket, n) -> buckets.merge(bucket, n, Long::sum));
        count += other.count;
    }

    private void toBuckets() {
        buckets = new TreeMap<>();
        for (int i = 0; i < exactCount; i++) {
            buckets.merge(bucket(exact[i]), 1L, Long::sum);
        }
        exact = null;
        exactCount = 0;
    }

    /**
     * The {@code fraction} percentile as {@code percentile_cont} defines it: the value at rank fraction × (n − 1),
     * interpolated between its neighbours. Null when there are no values.
     */
    Double percentile(double fraction) {
        if (count == 0) {
            return null;
        }
        double rank = fraction * (count - 1);
        long below = (long) Math.floor(rank);
        long above = (long) Math.ceil(rank);
        if (buckets == null) {
            long[] sorted = Arrays.copyOf(exact, exactCount);
            Arrays.sort(sorted);
            return sorted[(int) below] + (rank - below) * (sorted[(int) above] - sorted[(int) below]);
        }
        double low = valueAt(below);
        double high = above == below ? low : valueAt(above);
        return low + (rank - below) * (high - low);
    }

    /** The value at a rank (from 0), as its bucket's representative. */
    private double valueAt(long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : buckets.entrySet()) {
            seen += entry.getValue();
            if (rank < seen) {
                return representative(entry.getKey());
            }
        }
        return representative(buckets.lastKey());
    }

    static int bucket(long seconds) {
        return seconds == 0 ? ZERO : (int) Math.ceil(Math.log(seconds) / LOG_GAMMA - 1e-9);
    }

    /** The point of (γ^(i−1), γ^i] whose relative distance to either end is the same, (γ − 1) / (γ + 1). */
    static double representative(int bucket) {
        return bucket == ZERO ? 0 : 2 * Math.pow(GAMMA, bucket) / (GAMMA + 1);
    }

    /** "e:v,v,…" while exact, "h:bucket=count,…" after; empty for no values. */
    String encode() {
        if (count == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(buckets == null ? "e:" : "h:");
        if (buckets == null) {
            for (int i = 0; i < exactCount; i++) {
                text.append(i == 0 ? "" : ",").append(exact[i]);
            }
        } else {
            boolean first = true;
            for (Map.Entry<Integer, Long> entry : buckets.entrySet()) {
                text.append(first ? "" : ",").append(entry.getKey() == ZERO ? "z" : entry.getKey()).append('=')
                        .append(entry.getValue());
                first = false;
            }
        }
        return text.toString();
    }

    static DurationSketch decode(String text) {
        DurationSketch sketch = new DurationSketch();
        if (text == null || text.isEmpty()) {
            return sketch;
        }
        String[] parts = text.substring(2).split(",");
        if (text.startsWith("e:")) {
            for (String part : parts) {
                sketch.add(Long.parseLong(part));
            }
        } else if (text.startsWith("h:")) {
            sketch.toBuckets();
            for (String part : parts) {
                int equals = part.indexOf('=');
                String bucket = part.substring(0, equals);
                long n = Long.parseLong(part.substring(equals + 1));
                sketch.buckets.merge(bucket.equals("z") ? ZERO : Integer.parseInt(bucket), n, Long::sum);
                sketch.count += n;
            }
        } else {
            throw new IllegalArgumentException("Not a duration sketch: " + text);
        }
        return sketch;
    }
}
