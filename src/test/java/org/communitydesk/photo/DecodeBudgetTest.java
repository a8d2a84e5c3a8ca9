package org.communitydesk.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The heap budget of images processed at once: uploads arriving together wait for each other, then give up. */
class DecodeBudgetTest {

    private static final long MB = 1024 * 1024;

    @Test
    void anImageWaitsWhileOthersHoldTheBudgetAndGoesOnOnceTheyFinish() throws Exception {
        DecodeBudget budget = new DecodeBudget(100 * MB, Duration.ofSeconds(10));
        DecodeBudget.Reservation first = budget.reserve(60 * MB);
        assertThat(budget.availableMegabytes()).isEqualTo(40);

        CompletableFuture<DecodeBudget.Reservation> second = CompletableFuture.supplyAsync(() -> budget.reserve(60 * MB));
        Thread.sleep(300);
        assertThat(second).isNotDone();

        first.close();
        try (DecodeBudget.Reservation taken = second.get(5, TimeUnit.SECONDS)) {
            assertThat(budget.availableMegabytes()).isEqualTo(40);
        }
        assertThat(budget.availableMegabytes()).isEqualTo(100);
    }

    @Test
    void anImageLargerThanTheBudgetIsProcessedAlone() {
        DecodeBudget budget = new DecodeBudget(100 * MB, Duration.ofMillis(200));
        try (DecodeBudget.Reservation huge = budget.reserve(500 * MB)) {
            assertThat(budget.availableMegabytes()).isZero();
            assertThatThrownBy(() -> budget.reserve(MB)).isInstanceOf(DecodeBudget.Busy.class);
        }
        assertThat(budget.availableMegabytes()).isEqualTo(100);
    }

    @Test
    void waitingTooLongIsA503WithRetryAfterAndTakesNothing() {
        DecodeBudget budget = new DecodeBudget(10 * MB, Duration.ofMillis(100));
        try (DecodeBudget.Reservation held = budget.reserve(8 * MB)) {
            assertThatThrownBy(() -> budget.reserve(5 * MB)).isInstanceOfSatisfying(DecodeBudget.Busy.class, busy -> {
                assertThat(busy.status()).isEqualTo(503);
                assertThat(busy.headers()).containsEntry("Retry-After", "10");
                assertThat(busy.detail()).contains("nothing was stored");
            });
            assertThat(budget.availableMegabytes()).isEqualTo(2);
        }
    }

    @Test
    void closingAReservationTwiceGivesItBackOnce() {
        DecodeBudget budget = new DecodeBudget(10 * MB, Duration.ofMillis(100));
        DecodeBudget.Reservation held = budget.reserve(4 * MB);
        held.close();
        held.close();
        assertThat(budget.availableMegabytes()).isEqualTo(10);
    }
}
