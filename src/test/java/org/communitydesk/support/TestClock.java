package org.communitydesk.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests: real time, shifted by an offset a test may set
 * (to make a ticket overdue, or to step outside the 72-hour duplicate window). Tests that
 * shift it call {@link #reset()} afterwards.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Stops the clock at the given instant, for figures worked out by hand to the second. */
    public void freezeAt(Instant instant) {
        frozenAt = instant;
    }

    public void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen != null ? frozen : Instant.now().plus(offset)).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is UTC only");
    }
}
