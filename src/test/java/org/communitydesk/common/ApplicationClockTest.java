package org.communitydesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The production clock (tests run on support.TestClock instead, so only this test sees it): microseconds,
 * and a millis() that works, which Clock.tick(systemUTC(), 1 µs) does not on JDK 17 (it divided by zero for
 * the verified sign-ins' cache, in production only).
 */
class ApplicationClockTest {

    private final Clock clock = new ClockProducer().clock();

    @Test
    void readsTheTimeInMicrosecondsAndInMilliseconds() {
        long before = System.currentTimeMillis();
        Instant instant = clock.instant();
        long millis = clock.millis();
        long after = System.currentTimeMillis();

        assertThat(instant.getNano() % 1_000).isZero();
        assertThat(instant.toEpochMilli()).isBetween(before, after);
        assertThat(millis).isBetween(before, after);
    }
}
