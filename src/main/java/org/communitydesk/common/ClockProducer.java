package org.communitydesk.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** One clock for the whole application, so that tests and demo data can reason about time. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new MicrosecondClock();
    }

    /**
     * The system's UTC clock in microseconds: what both H2 and PostgreSQL store, so a value reads back as it was
     * written. Not {@code Clock.tick(systemUTC(), 1 µs)}: on JDK 17 its {@code millis()} divides by zero for a
     * tick under a millisecond.
     */
    static final class MicrosecondClock extends Clock {

        @Override
        public Instant instant() {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The application's clock is UTC only; convert its instants instead");
        }
    }
}
