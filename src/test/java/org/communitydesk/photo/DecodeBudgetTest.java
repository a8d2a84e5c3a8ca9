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
        DecodeBudget budget = new DecodeBudget(100 * MB);
        DecodeBudget.Reservation first = budget.reserve(60 * MB, Duration.ofSeconds(10));
        assertThat(budget.availableMegabytes()).isEqualTo(40);

        CompletableFuture<DecodeBudget.Reservation> second = CompletableFuture.supplyAsync(() -> budget.reserve(60 * MB, Duration.ofSeconds(10)));
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
        DecodeBudget budget = new DecodeBudget(100 * MB);
        try (DecodeBudget.Reservation huge = budget.reserve(500 * MB, Duration.ZERO)) {
            assertThat(budget.availableMegabytes()).isZero();
            assertThatThrownBy(() -> budget.reserve(MB, Duration.ofMillis(200))).isInstanceOf(DecodeBudget.Busy.class);
        }
        assertThat(budget.availableMegabytes()).isEqualTo(100);
    }

    @Test
    void waitingTooLongIsA503WithRetryAfterAndTakesNothing() {
        DecodeBudget budget = new DecodeBudget(10 * MB);
        try (DecodeBudget.Reservation held = budget.reserve(8 * MB, Duration.ZERO)) {
            assertThatThrownBy(() -> budget.reserve(5 * MB, Duration.ofMillis(100))).isInstanceOfSatisfying(DecodeBudget.Busy.class, busy -> {
                assertThat(busy.status()).isEqualTo(503);
                assertThat(busy.headers()).containsEntry("Retry-After", "10");
                assertThat(busy.detail()).contains("nothing was stored");
            });
            assertThat(budget.availableMegabytes()).isEqualTo(2);
        }
    }

    @Test
    void anyAskBeyondTheBudgetTakesAllOfIt() {
        DecodeBudget budget = new DecodeBudget(10 * MB);
        try (DecodeBudget.Reservation all = budget.reserve(Long.MAX_VALUE, Duration.ZERO)) {
            assertThat(budget.availableMegabytes()).isZero();
        }
        assertThat(budget.availableMegabytes()).isEqualTo(10);
    }

    @Test
    void closingAReservationTwiceGivesItBackOnce() {
        DecodeBudget budget = new DecodeBudget(10 * MB);
        DecodeBudget.Reservation held = budget.reserve(4 * MB, Duration.ZERO);
        held.close();
        held.close();
        assertThat(budget.availableMegabytes()).isEqualTo(10);
    }
}
