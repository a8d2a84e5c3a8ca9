package org.communitydesk.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metrics of the outbox: {@code communitydesk.notifications.sent} and {@code .failed} (counters of this instance),
 * and from the shared table {@code .queued}, {@code .given.up} and {@code .oldest.unsent.age} (seconds since
 * the oldest pending message was written; 0 when none waits), read when scraped.
 */
@ApplicationScoped
public class NotificationMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private Counter sent;
    private Counter failed;

    // The gauges show what the last refresh read: a scrape may run on an IO thread, which must not query the
    // database. Every delivery run refreshes them. Strong holders, as JobRunner's gauges have.
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong oldestUnsent = new AtomicLong();

    void onStart(@Observes StartupEvent event) {
        sent = Counter.builder("communitydesk.notifications.sent").description("Notifications this instance delivered")
                .register(registry);
        failed = Counter.builder("communitydesk.notifications.failed")
                .description("Notifications this instance gave up after their retries").register(registry);
        Gauge.builder("communitydesk.notifications.queued", queued, AtomicLong::get)
                .description("Notifications waiting to be sent").strongReference(true).register(registry);
        Gauge.builder("communitydesk.notifications.given.up", givenUp, AtomicLong::get)
                .description("Notifications given up, waiting for an operator").strongReference(true).register(registry);
        Gauge.builder("communitydesk.notifications.oldest.unsent.age", oldestUnsent, AtomicLong::get)
                .description("Seconds since the oldest waiting notification was written").baseUnit("seconds")
                .strongReference(true).register(registry);
    }

    /** Reads the gauges' values from the database; on a worker thread only. */
    void refresh() {
        queued.set((long) count(NotificationState.PENDING));
        givenUp.set((long) count(NotificationState.FAILED));
        oldestUnsent.set((long) oldestUnsentSeconds());
    }

    void sent() {
        if (sent != null) {
            sent.increment();
        }
    }

    void failed() {
        if (failed != null) {
            failed.increment();
        }
    }

    double count(NotificationState state) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.count("state", state));
    }

    double oldestUnsentSeconds() {
        Instant oldest = QuarkusTransaction.requiringNew().call(() -> Notification.getEntityManager()
                .createQuery("select min(n.createdAt) from Notification n where n.state = :pending", Instant.class)
                .setParameter("pending", NotificationState.PENDING).getSingleResult());
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
    }
}
