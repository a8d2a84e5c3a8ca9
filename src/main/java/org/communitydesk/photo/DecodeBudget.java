package org.communitydesk.photo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.communitydesk.common.ProblemException;
import org.jboss.logging.Logger;

/**
 * The heap that images being processed at once may take. A phone's photo decodes to 30–70 MB of pixels, so a
 * few uploads arriving together could run a bounded heap out, and an OutOfMemoryError fails every request in
 * flight, not only the uploads: instead, each image reserves what it will need before its pixels are decoded,
 * and waits while others hold the budget. Decoding is CPU-bound, so waiting costs no throughput on a small
 * machine. One budget for the JVM, since the heap is one.
 */
final class DecodeBudget {

    /** Half the heap: the rest of the service keeps the other half. */
    static final DecodeBudget HEAP = new DecodeBudget(Runtime.getRuntime().maxMemory() / 2);

    private static final Logger LOG = Logger.getLogger(DecodeBudget.class);
    private static final long MEGABYTE = 1024 * 1024;

    private final int totalMegabytes;
    private final Semaphore megabytes;

    DecodeBudget(long bytes) {
        this.totalMegabytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / MEGABYTE));
        this.megabytes = new Semaphore(totalMegabytes, true);
    }

    /**
     * Reserves {@code bytes} (all of the budget when it asks for more: such an image is processed alone), waiting
     * for other images to finish; {@link Busy} (503) when they have not after {@code longestWait}.
     */
    Reservation reserve(long bytes, Duration longestWait) {
        long megabytesWanted = bytes / MEGABYTE + (bytes % MEGABYTE == 0 ? 0 : 1);
        int wanted = (int) Math.min(totalMegabytes, Math.max(1, megabytesWanted));
        try {
            if (!megabytes.tryAcquire(wanted, longestWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("A photo needing %d MB to process waited %.1f s while other photos held the %d MB that images "
                        + "processed at once may take (half the heap), and was refused with 503; nothing of its upload "
                        + "was stored. If this recurs, give the service a larger heap (-Xmx) or a longer "
                        + "communitydesk.photos.decode-wait.", wanted, longestWait.toMillis() / 1000.0, totalMegabytes);
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        return new Reservation(wanted);
    }

    /** The megabytes free now, for tests. */
    int availableMegabytes() {
        return megabytes.availablePermits();
    }

    /** A reservation, given back once the image is encoded. */
    final class Reservation implements AutoCloseable {

        private int held;

        private Reservation(int held) {
            this.held = held;
        }

        @Override
        public void close() {
            if (held > 0) {
                megabytes.release(held);
                held = 0;
            }
        }
    }

    /** 503: other photos have held the budget for the longest wait; nothing of this upload is stored. */
    public static final class Busy extends ProblemException {

        static final int RETRY_AFTER_SECONDS = 10;

        Busy() {
            super(503, "photos-busy", "Service Unavailable", "Other photos are being processed and this one waited "
                    + "too long for its turn; nothing was stored. Send it again in a few seconds.");
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
    }
}
