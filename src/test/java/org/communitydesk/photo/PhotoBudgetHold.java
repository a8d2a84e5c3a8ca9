package org.communitydesk.photo;

import java.time.Duration;

/** For tests in other packages: the service's whole budget for images being processed, held as big photos would hold it. */
public final class PhotoBudgetHold implements AutoCloseable {

    private final DecodeBudget.Reservation reservation;

    private PhotoBudgetHold(DecodeBudget.Reservation reservation) {
        this.reservation = reservation;
    }

    /** Holds all of it until closed: uploads wait (a second in the test profile), then are refused with 503. */
    public static PhotoBudgetHold all() {
        return new PhotoBudgetHold(DecodeBudget.HEAP.reserve(Long.MAX_VALUE, Duration.ofSeconds(30)));
    }

    @Override
    public void close() {
        reservation.close();
    }
}
