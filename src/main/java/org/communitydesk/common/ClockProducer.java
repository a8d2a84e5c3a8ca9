package org.communitydesk.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** One clock for the whole application, so that tests and demo data can reason about time. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        // Microseconds: what both H2 and PostgreSQL store, so a value reads back as it was written.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
