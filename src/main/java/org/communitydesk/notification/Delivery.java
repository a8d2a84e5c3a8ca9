package org.communitydesk.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.communitydesk.ticket.TicketEvent;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Every instance runs it; a claim ({@code SELECT ... FOR UPDATE SKIP LOCKED}, then the claimed
 * rows' next attempt pushed {@code claim-timeout} ahead, in one short transaction) gives each due message to one
 * sender. The messages are sent outside any transaction and their results recorded in another. An instance killed
 * between the claim and the record leaves its messages due again after the claim timeout: at least once, and
 * receivers drop repeats by the idempotency key.
 */
@ApplicationScoped
public class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);
    /** Claims per run at most, so that one run ends even when messages keep coming. */
    static final int MAX_CLAIMS_PER_RUN = 20;

    @Inject
    NotificationConfig config;

    @Inject
    Channels channels;

    @Inject
    Clock clock;

    @Inject
    NotificationMetrics metrics;

    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    private volatile ExecutorService senders;

    /**
     * Sends every message due now, up to {@code parallel-sends} at a time; returns how many were sent. Each claimed
     * batch's results are recorded in one transaction: on H2 every commit waits for the disk, and a commit per message
     * would take as many commits from intake as intake itself makes.
     */
    public long deliverDue() {
        long sent = 0;
        for (int i = 0; i < MAX_CLAIMS_PER_RUN; i++) {
            String holder = instance + "#" + UUID.randomUUID().toString().substring(0, 8);
            List<Outgoing> claimed = QuarkusTransaction.requiringNew().call(() -> claim(holder));
            List<Future<String>> sends = new ArrayList<>(claimed.size());
            for (Outgoing message : claimed) {
                sends.add(senders().submit(() -> send(message)));
            }
            // Each message with its error, null when it was sent.
            Map<Outgoing, String> results = new LinkedHashMap<>();
            for (int m = 0; m < claimed.size(); m++) {
                results.put(claimed.get(m), waitFor(sends.get(m)));
            }
            if (!results.isEmpty()) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> results.forEach(this::record));
                    sent += results.values().stream().filter(Objects::isNull).count();
                } catch (RuntimeException e) {
                    // The messages stay claimed: due again after the claim timeout, they go out again (at least once).
                    LOG.errorf(e, "The results of %d notifications could not be recorded; they will be sent again after "
                            + "%s. Check that the database is reachable.", results.size(), config.claimTimeout());
                }
            }
            if (claimed.size() < config.batch()) {
                break;
            }
        }
        return sent;
    }

    /** The send's error, or null when it was sent. */
    private static String waitFor(Future<String> send) {
        try {
            return send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while sending";
        } catch (ExecutionException e) {
            return "Unexpected " + e.getCause();
        }
    }

    private ExecutorService senders() {
        ExecutorService current = senders;
        if (current == null) {
            synchronized (this) {
                if (senders == null) {
                    AtomicInteger number = new AtomicInteger();
                    senders = Executors.newFixedThreadPool(config.parallelSends(), task -> {
                        Thread thread = new Thread(task, "notification-sender-" + number.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                current = senders;
            }
        }
        return current;
    }

    @PreDestroy
    void stopSenders() {
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    private List<Outgoing> claim(String holder) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = Notification.getEntityManager().createNativeQuery(
                "select id from notification where state = 'PENDING' and next_attempt_at <= ?1 "
                        + "order by next_attempt_at, id fetch first " + config.batch() + " rows only for update skip locked")
                .setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Outgoing> claimed = new ArrayList<>(ids.size());
        List<Long> locked = ids.stream().map(Number::longValue).toList();
        for (Notification message : Notification.<Notification>list("id in ?1 order by nextAttemptAt, id", locked)) {
            message.claim(holder, now, config.claimTimeout());
            claimed.add(new Outgoing(message.id, message.idempotencyKey, message.ticketCode, message.kind,
                    message.channel, message.recipient, message.secret, message.textToSend(), message.attempts,
                    message.accessCode));
        }
        return claimed;
    }

    /** Sends one message outside any transaction; returns its error, or null when it was sent. */
    private String send(Outgoing message) {
        try {
            channels.send(message);
            return null;
        } catch (DeliveryFailure e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return "Unexpected " + e;
        }
    }

    private void record(Outgoing message, String error) {
        Notification row = Notification.findById(message.id());
        if (row == null || row.state != NotificationState.PENDING) {
            return;
        }
        Instant now = clock.instant();
        String to = describe(row);
        if (error == null) {
            row.sent(now);
            metrics.sent();
            TicketEvent.appendDeliveryNotice(row.ticketCode, true, row.channel.name(), recipient(row), row.kind, null, now);
            LOG.debugf("Notification %d (%s) sent to %s.", row.id, row.kind, to);
            return;
        }
        boolean givenUp = row.failed(error, now, config.giveUpAfter());
        if (givenUp) {
            metrics.failed();
            TicketEvent.appendDeliveryNotice(row.ticketCode, false, row.channel.name(), recipient(row), row.kind, error, now);
            LOG.errorf("Notification %d (%s, ticket %s) to %s FAILED after %d attempts: %s. Fix the channel, then retry "
                    + "it from the notifications list.", row.id, row.kind, row.ticketCode, to, row.attempts, error);
        } else {
            LOG.warnf("Notification %d (%s, ticket %s) to %s: attempt %d failed (%s); next attempt at %s.", row.id,
                    row.kind, row.ticketCode, to, row.attempts, error, row.nextAttemptAt);
        }
    }

    /** The recipient as logs and the timeline may show it: a masked phone, a robot's host, never its token. */
    static String describe(Notification row) {
        return (row.channel == ChannelKind.SMS ? "短信" : row.channel.name()) + " " + recipient(row);
    }

    /** The recipient alone, masked as {@link #describe} masks it (the timeline names the channel in its reader's words). */
    static String recipient(Notification row) {
        return switch (row.channel) {
            case SMS -> Phones.mask(row.recipient);
            case EMAIL -> row.recipient.replaceAll("^[^@]{0,2}[^@]*@", "***@");
            default -> hostOf(row.recipient);
        };
    }

    private static String hostOf(String url) {
        try {
            return HttpPoster.hostOf(java.net.URI.create(url));
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }
}
