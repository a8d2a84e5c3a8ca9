package org.communitydesk.dashboard;

import java.util.Arrays;

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

    /** Buckets above this have no durations in them: γ^1500 seconds is some 245 million years. */
    private static final int BUCKETS = 1500;
    /** The buckets of durations under 2^18 seconds (three days), worked out once: a logarithm each is slow. */
    private static volatile int[] smallBuckets;
    private static final int SMALL = 1 << 18;

    private long[] exact = new long[8];
    private int exactCount;
    /** Count per bucket once past {@link #EXACT_LIMIT} (index i holds (γ^(i−1), γ^i]); null while exact. */
    private long[] buckets;
    private long zeros;
    private long count;

    long count() {
        return count;
    }

    void add(long seconds) {
        long value = Math.max(0, seconds);
        count++;
        if (buckets != null) {
            addToBucket(value, 1);
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

    private void addToBucket(long value, long n) {
        if (value == 0) {
            zeros += n;
        } else {
            buckets[bucket(value)] += n;
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
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] += other.buckets[i];
        }
        zeros += other.zeros;
        count += other.count;
    }

    private void toBuckets() {
        buckets = new long[BUCKETS];
        for (int i = 0; i < exactCount; i++) {
            addToBucket(exact[i], 1);
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
        long seen = zeros;
        if (rank < seen) {
            return 0;
        }
        int last = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (buckets[i] > 0) {
                seen += buckets[i];
                last = i;
                if (rank < seen) {
                    return representative(i);
                }
            }
        }
        return representative(last);
    }

    /** The bucket of a duration of at least 1 second: ⌈log_γ(seconds)⌉. */
    static int bucket(long seconds) {
        if (seconds < SMALL) {
            int[] table = smallBuckets;
            if (table == null) {
                table = new int[SMALL];
                for (int v = 1; v < SMALL; v++) {
                    table[v] = computeBucket(v);
                }
                smallBuckets = table;
            }
            return table[(int) seconds];
        }
        return Math.min(BUCKETS - 1, computeBucket(seconds));
    }

    private static int computeBucket(long seconds) {
        return (int) Math.ceil(Math.log(seconds) / LOG_GAMMA - 1e-9);
    }

    /** The point of (γ^(i−1), γ^i] whose relative distance to either end is the same, (γ − 1) / (γ + 1). */
    static double representative(int bucket) {
        return 2 * Math.pow(GAMMA, bucket) / (GAMMA + 1);
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
            if (zeros > 0) {
                text.append("z=").append(zeros);
                first = false;
            }
            for (int i = 0; i < BUCKETS; i++) {
                if (buckets[i] > 0) {
                    text.append(first ? "" : ",").append(i).append('=').append(buckets[i]);
                    first = false;
                }
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
                if (bucket.equals("z")) {
                    sketch.zeros += n;
                } else {
                    sketch.buckets[Integer.parseInt(bucket)] += n;
                }
                sketch.count += n;
            }
        } else {
            throw new IllegalArgumentException("Not a duration sketch: " + text);
        }
        return sketch;
    }
}
