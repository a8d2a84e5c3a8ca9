package org.communitydesk.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sketch behind the dashboard's medians and 90th percentiles (DurationSketch), against exact percentiles. */
class DurationSketchTest {

    @Test
    void fewValuesAnswerExactlyAsPercentileContDoes() {
        DurationSketch sketch = new DurationSketch();
        assertNull(sketch.percentile(0.5));
        for (long seconds : new long[] { 18000, 1800, 7200, 3600 }) {
            sketch.add(seconds);
        }
        // As StatsSummaryTest works it out by hand: median (3600 + 7200) / 2, p90 7200 + 0.7 × (18000 − 7200).
        assertEquals(5400.0, sketch.percentile(0.5));
        assertEquals(14760.0, sketch.percentile(0.9), 1e-9);
        DurationSketch copy = DurationSketch.decode(sketch.encode());
        assertEquals(4, copy.count());
        assertEquals(14760.0, copy.percentile(0.9), 1e-9);
    }

    /**
     * A million durations from a skewed distribution (most within hours, a long tail of weeks), stored as a thousand
     * days' sketches and merged the way a year's summary merges them: median and 90th percentile within 1%.
     */
    @Test
    void aMillionValuesMergedFromDaysStayWithinTheStatedError() {
        Random random = new Random(22);
        int days = 1000;
        int perDay = 1000;
        long[] all = new long[days * perDay];
        DurationSketch merged = new DurationSketch();
        for (int day = 0; day < days; day++) {
            DurationSketch sketch = new DurationSketch();
            for (int i = 0; i < perDay; i++) {
                long seconds = Math.round(Math.exp(8 + 2 * random.nextGaussian()));
                all[day * perDay + i] = seconds;
                sketch.add(seconds);
            }
            merged.addAll(DurationSketch.decode(sketch.encode()));
        }
        Arrays.sort(all);
        assertEquals(all.length, merged.count());
        for (double fraction : new double[] { 0.1, 0.5, 0.9, 0.99 }) {
            double exact = percentileCont(all, fraction);
            double estimate = merged.percentile(fraction);
            assertTrue(Math.abs(estimate - exact) <= exact * DurationSketch.RELATIVE_ERROR,
                    "p" + fraction + ": " + estimate + " within 1% of " + exact);
        }
    }

    @Test
    void zeroSecondsAndHugeValuesHaveBuckets() {
        DurationSketch sketch = new DurationSketch();
        for (int i = 0; i < 300; i++) {
            sketch.add(i % 2 == 0 ? 0 : 400L * 86400);
        }
        DurationSketch copy = DurationSketch.decode(sketch.encode());
        assertEquals(0.0, copy.percentile(0.1));
        assertTrue(Math.abs(copy.percentile(0.9) - 400.0 * 86400) <= 400.0 * 86400 * DurationSketch.RELATIVE_ERROR);
    }

    private static double percentileCont(long[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
