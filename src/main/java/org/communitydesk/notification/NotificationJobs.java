package org.communitydesk.notification;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.communitydesk.jobs.JobRunner;
import org.jboss.logging.Logger;

/**
 * The timers: delivery on every instance (claims keep them apart), overdue notices on one instance per run (a
 * lease in scheduled_job). Tests switch both off and call {@link #deliver()} and {@link #overdue()} themselves.
 */
@ApplicationScoped
public class NotificationJobs {

    private static final Logger LOG = Logger.getLogger(NotificationJobs.class);
    public static final String OVERDUE = "notification-overdue";

    @Inject
    Delivery delivery;

    @Inject
    OverdueNotices overdueNotices;

    @Inject
    JobRunner runner;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Inject
    NotificationMetrics metrics;

    @Scheduled(identity = "notification-delivery", every = "${communitydesk.notifications.deliver-every:5s}",
            delayed = "5s", concurrentExecution = ConcurrentExecution.SKIP)
    void deliverOnSchedule() {
        deliver();
    }

    @Scheduled(identity = OVERDUE, every = "${communitydesk.notifications.overdue-every:5m}", delayed = "45s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void overdueOnSchedule() {
        overdue();
    }

    /** Sends what is due; returns how many were sent (0 when the run failed, which is logged). */
    public long deliver() {
        try {
            long sent = delivery.deliverDue();
            metrics.refresh();
            return sent;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Notification delivery failed: %s. Nothing is lost: the messages stay in table notification "
                    + "and the next run tries again. Check that the database is reachable.", e.getMessage());
            return 0;
        }
    }

    /** One leased run of the overdue notices; empty when another run holds the lease or the run failed. */
    public OptionalLong overdue() {
        String every = config.overdueEvery().strip();
        Duration gap = every.equalsIgnoreCase("off") || every.equalsIgnoreCase("disabled") ? Duration.ZERO
                : io.quarkus.runtime.configuration.DurationConverter.parseDuration(every).dividedBy(2);
        return runner.runLeased(OVERDUE, gap, () -> overdueNotices.writeDue(clock.instant()));
    }
}
