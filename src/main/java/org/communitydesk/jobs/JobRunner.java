package org.communitydesk.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.communitydesk.common.AppConfig;
import org.jboss.logging.Logger;

/**
 * Runs a background job once per run across all instances: the instance whose UPDATE takes the job's lease
 * row does the work, the others skip it. Every run is measured (Micrometer: {@code communitydesk.job.duration},
 * {@code communitydesk.job.rows}, {@code communitydesk.job.runs}, {@code communitydesk.job.last.finished}) and
 * recorded on its row; a run that did something logs one INFO line, a failure logs an ERROR and the next run
 * tries again.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    /** The work of one run; returns how many rows it touched. */
    @FunctionalInterface
    public interface Work {
        long run();
    }

    @Inject
    MeterRegistry registry;

    @Inject
    AppConfig config;

    private final String instance = instanceName();
    private final Map<String, AtomicLong> lastFinished = new ConcurrentHashMap<>();

    /**
     * Runs {@code work} if this call wins the job's lease; empty when another run (here or on another instance)
     * holds it. After the run the lease stays closed until {@code minGap} after its start, so that instances
     * whose timers fire a moment apart still make one run, not one each.
     */
    public OptionalLong runLeased(String job, Duration minGap, Work work) {
        String holder = holderName();
        Instant startedAt;
        try {
            startedAt = takeLease(job, holder);
        } catch (RuntimeException e) {
            count(job, "failure");
            LOG.errorf(e, "Job %s did not run: its lease in table scheduled_job could not be taken. Check that the "
                    + "database is reachable; the job runs again at its next schedule.", job);
            return OptionalLong.empty();
        }
        if (startedAt == null) {
            count(job, "skipped");
            LOG.debugf("Job %s skipped: another run holds its lease.", job);
            return OptionalLong.empty();
        }
        long start = System.nanoTime();
        Long rows = null;
        RuntimeException failure = null;
        try {
            rows = work.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        long nanos = System.nanoTime() - start;
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        String outcome = failure == null ? "success" : "failure";
        Timer.builder("communitydesk.job.duration").description("How long a background job's run took")
                .tag("job", job).tag("outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        count(job, outcome);
        if (failure == null) {
            Counter.builder("communitydesk.job.rows").description("Rows touched by a background job")
                    .tag("job", job).register(registry).increment(rows);
            lastFinished(job).set(System.currentTimeMillis() / 1000);
            if (rows > 0) {
                LOG.infof("Job %s: %d rows in %d ms.", job, rows, millis);
            } else {
                LOG.debugf("Job %s: nothing to do (%d ms).", job, millis);
            }
        } else {
            LOG.errorf(failure, "Job %s failed after %d ms: %s. What it committed before the failure stays; the "
                    + "rest is tried again at the next run. If it keeps failing, check the stack trace and the database.",
                    job, millis, failure.getMessage());
        }
        String error = failure == null ? null : truncate(failure.toString(), 1000);
        Long recorded = rows;
        try {
            boolean kept = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = ScheduledJob.databaseNow();
                Instant freeFrom = startedAt.plus(minGap).isAfter(now) ? startedAt.plus(minGap) : now;
                return ScheduledJob.finish(job, holder, now, freeFrom, millis, recorded, error);
            });
            if (!kept) {
                LOG.warnf("Job %s ran longer than its lease (communitydesk.jobs.lease = %s), so another run may have "
                        + "started meanwhile. Raise communitydesk.jobs.lease above the longest run.", job,
                        config.jobs().lease());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s: its run could not be recorded in table scheduled_job. Its lease frees itself "
                    + "after communitydesk.jobs.lease (%s); check that the database is reachable.", job,
                    config.jobs().lease());
        }
        return failure == null ? OptionalLong.of(rows) : OptionalLong.empty();
    }

    private Instant takeLease(String job, String holder) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> lease(job, holder));
        } catch (RuntimeException firstRowRace) {
            // Two first runs of a job without a row both inserted it; the loser finds the winner's row now.
            return QuarkusTransaction.requiringNew().call(() -> lease(job, holder));
        }
    }

    /** Takes the lease and returns the (database) time of the start, or null when the lease is held. */
    private Instant lease(String job, String holder) {
        Instant now = ScheduledJob.databaseNow();
        Instant until = now.plus(config.jobs().lease());
        if (ScheduledJob.tryLease(job, holder, now, until)) {
            return now;
        }
        if (ScheduledJob.findById(job) == null) {
            // A job without a row yet (one added after the migration): the first run creates it, holding it.
            ScheduledJob row = new ScheduledJob(job, until);
            row.holder = holder;
            row.lastStartedAt = now;
            row.persistAndFlush();
            return now;
        }
        return null;
    }

    private void count(String job, String outcome) {
        Counter.builder("communitydesk.job.runs").description("Runs of a background job by outcome")
                .tag("job", job).tag("outcome", outcome).register(registry).increment();
    }

    private AtomicLong lastFinished(String job) {
        return lastFinished.computeIfAbsent(job, name -> registry.gauge("communitydesk.job.last.finished",
                List.of(Tag.of("job", name)), new AtomicLong()));
    }

    private String holderName() {
        return truncate(instance, 100) + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
