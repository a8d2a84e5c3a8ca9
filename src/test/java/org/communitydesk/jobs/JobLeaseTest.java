package org.communitydesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lease on scheduled_job: one winner per run, whatever the number of contenders. */
@QuarkusTest
class JobLeaseTest {

    @Inject
    JobRunner runner;

    @Test
    void twoRunsAtOnceMakeOneRun() throws Exception {
        String job = "lease-test-" + UUID.randomUUID().toString().substring(0, 8);
        runner.runLeased(job, Duration.ZERO, () -> 0); // the job's row exists from here, as it does for real jobs
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch oneReturned = new CountDownLatch(1);
        CyclicBarrier together = new CyclicBarrier(2);
        // The work waits until the other contender has returned: two winners would wait for each other and both run.
        Runnable contender = () -> {
            await(together);
            runner.runLeased(job, Duration.ZERO, () -> {
                ran.incrementAndGet();
                await(oneReturned);
                return 7;
            });
            oneReturned.countDown();
        };
        CompletableFuture<Void> a = CompletableFuture.runAsync(contender);
        CompletableFuture<Void> b = CompletableFuture.runAsync(contender);
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);

        assertThat(ran).hasValue(1);
        ScheduledJob row = row(job);
        assertThat(row.lastRows).isEqualTo(7);
        assertThat(row.holder).isNull();
        // With no gap asked for, the lease is free again once the run is over.
        assertThat(runner.runLeased(job, Duration.ZERO, () -> 3)).hasValue(3);
    }

    @Test
    void manyContendersMakeOneRun() throws Exception {
        String job = "lease-test-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger ran = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(4);
        CompletableFuture<?>[] contenders = new CompletableFuture<?>[4];
        for (int i = 0; i < contenders.length; i++) {
            // A gap of an hour: contenders a moment late find the run done and skip it.
            contenders[i] = CompletableFuture.supplyAsync(() -> {
                await(together);
                return runner.runLeased(job, Duration.ofHours(1), ran::incrementAndGet);
            });
        }
        int winners = 0;
        for (CompletableFuture<?> contender : contenders) {
            if (((OptionalLong) contender.get(60, TimeUnit.SECONDS)).isPresent()) {
                winners++;
            }
        }
        assertThat(ran).hasValue(1);
        assertThat(winners).isEqualTo(1);
        assertThat(runner.runLeased(job, Duration.ofHours(1), ran::incrementAndGet)).isEmpty();
        assertThat(ran).hasValue(1);
    }

    @Test
    void aFailedRunIsRecordedAndTheNextRunTriesAgain() {
        String job = "lease-test-" + UUID.randomUUID().toString().substring(0, 8);
        OptionalLong failed = runner.runLeased(job, Duration.ZERO, () -> {
            throw new IllegalStateException("database went away");
        });
        assertThat(failed).isEmpty();
        assertThat(row(job).lastError).contains("database went away");
        assertThat(row(job).holder).isNull();

        assertThat(runner.runLeased(job, Duration.ZERO, () -> 2)).hasValue(2);
        assertThat(row(job).lastError).isNull();
        assertThat(row(job).lastRows).isEqualTo(2);
    }

    private static ScheduledJob row(String job) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledJob.<ScheduledJob>findById(job));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
