package org.communitydesk.jobs;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.communitydesk.common.AppConfig;
import org.communitydesk.dashboard.FigureRollups;
import org.communitydesk.ticket.AutomaticClosing;
import org.communitydesk.ticket.Escalation;

/**
 * The background jobs and their schedules. Every instance's timer fires; {@link JobRunner} lets one instance
 * per run do the work. Schedules are settings ({@code communitydesk.jobs.<job>.every}, "off" to switch a job
 * off); tests switch them off and call {@link #autoClose()}, {@link #housekeeping()} and {@link #escalation()} with
 * the clock moved.
 */
@ApplicationScoped
public class BackgroundJobs {

    public static final String AUTO_CLOSE = "auto-close";
    public static final String HOUSEKEEPING = "housekeeping";
    public static final String ESCALATION = "escalation";
    public static final String FIGURES = "figures";

    @Inject
    JobRunner runner;

    @Inject
    AutomaticClosing automaticClosing;

    @Inject
    Housekeeping housekeeping;

    @Inject
    Escalation escalation;

    @Inject
    FigureRollups figures;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = AUTO_CLOSE, every = "${communitydesk.jobs.auto-close.every:5m}", delayed = "30s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void autoCloseOnSchedule() {
        autoClose();
    }

    @Scheduled(identity = HOUSEKEEPING, every = "${communitydesk.jobs.housekeeping.every:1h}", delayed = "60s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void housekeepingOnSchedule() {
        housekeeping();
    }

    @Scheduled(identity = ESCALATION, every = "${communitydesk.jobs.escalation.every:1m}", delayed = "20s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void escalationOnSchedule() {
        escalation();
    }

    @Scheduled(identity = FIGURES, every = "${communitydesk.jobs.figures.every:15s}", delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void figuresOnSchedule() {
        figures();
    }

    /** One leased run of the dashboard's figures per day; empty when another run holds the lease or the run failed. */
    public OptionalLong figures() {
        return runner.runLeased(FIGURES, halfOf(config.jobs().figures().every()),
                () -> figures.refresh(clock.instant()));
    }

    /** One leased run of escalation (at risk, overdue); empty when another run holds the lease or the run failed. */
    public OptionalLong escalation() {
        return runner.runLeased(ESCALATION, halfOf(config.jobs().escalation().every()),
                () -> escalation.markDue(clock.instant()));
    }

    /** One leased run of automatic closing; empty when another run holds the lease or the run failed. */
    public OptionalLong autoClose() {
        return runner.runLeased(AUTO_CLOSE, halfOf(config.jobs().autoClose().every()),
                () -> automaticClosing.closeDue(clock.instant()));
    }

    /** One leased run of housekeeping; empty when another run holds the lease or the run failed. */
    public OptionalLong housekeeping() {
        return runner.runLeased(HOUSEKEEPING, halfOf(config.jobs().housekeeping().every()),
                () -> housekeeping.run(clock.instant()));
    }

    /** Half the period: long enough to keep timers a moment apart from making two runs, short enough never to skip one. */
    static Duration halfOf(String every) {
        String value = every.strip();
        if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("disabled")) {
            return Duration.ZERO;
        }
        return DurationConverter.parseDuration(value).dividedBy(2);
    }
}
