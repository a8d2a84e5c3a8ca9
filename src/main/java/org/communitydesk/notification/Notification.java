package org.communitydesk.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.communitydesk.common.IdentityEntity;

/**
 * One message to one recipient in the outbox: written in the transaction of the change it tells about, then sent
 * by {@link Delivery}, at least once, with its idempotency key. Its state changes only through the methods here.
 */
@Entity
@Table(name = "notification")
public class Notification extends IdentityEntity {

    /** Stands for the access code in the stored text; the code itself is kept apart and cleared once sent. */
    static final String ACCESS_CODE_MARK = "[access-code]";

    /** Waits after the 1st, 2nd, 3rd failed attempt; every later one waits {@link #LATER_RETRY}. */
    static final List<Duration> FIRST_RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30));
    static final Duration LATER_RETRY = Duration.ofHours(1);

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    public String idempotencyKey;

    @Column(name = "ticket_code", nullable = false, updatable = false)
    public String ticketCode;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ChannelKind channel;

    /** A phone number (SMS), a robot's or webhook's URL, an e-mail address. */
    @Column(nullable = false, updatable = false)
    public String recipient;

    @Column(updatable = false)
    String secret;

    @Column(nullable = false, updatable = false)
    public String body;

    @Column(name = "access_code")
    String accessCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** When its retries started: its writing, or an operator's retry; it is given up {@code giveUpAfter} later. */
    @Column(name = "due_since", nullable = false)
    public Instant dueSince;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    protected Notification() {
    }

    Notification(String idempotencyKey, String ticketCode, String kind, Audience audience, ChannelKind channel,
            String recipient, String secret, String body, String accessCode, Instant at) {
        this.idempotencyKey = idempotencyKey;
        this.ticketCode = ticketCode;
        this.kind = kind;
        this.audience = audience;
        this.channel = channel;
        this.recipient = recipient;
        this.secret = secret;
        this.body = body;
        this.accessCode = accessCode;
        this.state = NotificationState.PENDING;
        this.attempts = 0;
        this.createdAt = at;
        this.dueSince = at;
        this.nextAttemptAt = at;
    }

    /** Written but never to be sent (the daily cap); kept so that operators see it. */
    void skip(String reason) {
        state = NotificationState.SKIPPED;
        accessCode = null;
        lastError = reason;
    }

    /** Taken by one sender: due again after {@code timeout} unless the sender records a result first. */
    void claim(String holder, Instant at, Duration timeout) {
        claimedBy = holder;
        attempts++;
        nextAttemptAt = at.plus(timeout);
    }

    /** The text as it goes out: the access code, if any, in place of its mark. */
    String textToSend() {
        return body.replace(ACCESS_CODE_MARK, accessCode == null ? "******" : accessCode);
    }

    void sent(Instant at) {
        state = NotificationState.SENT;
        sentAt = at;
        accessCode = null;
        lastError = null;
    }

    /**
     * A failed attempt: due again after the back-off for the attempts made, or FAILED when that would be later
     * than {@code giveUpAfter} from its writing. Returns true when it was given up.
     */
    boolean failed(String error, Instant at, Duration giveUpAfter) {
        lastError = error.length() <= 1000 ? error : error.substring(0, 1000);
        Instant next = at.plus(retryDelay(attempts));
        if (next.isAfter(dueSince.plus(giveUpAfter))) {
            state = NotificationState.FAILED;
            accessCode = null;
            return true;
        }
        nextAttemptAt = next;
        return false;
    }

    /** An operator's retry of a FAILED message: pending again, due now, with its retries counted afresh. */
    void retry(Instant at) {
        state = NotificationState.PENDING;
        attempts = 0;
        lastError = null;
        dueSince = at;
        nextAttemptAt = at;
    }

    static Duration retryDelay(int attemptsMade) {
        return attemptsMade >= 1 && attemptsMade <= FIRST_RETRIES.size() ? FIRST_RETRIES.get(attemptsMade - 1)
                : LATER_RETRY;
    }

    /**
     * Housekeeping: sent and skipped messages written before the cut-off. FAILED and PENDING ones stay for the
     * operator and the delivery job.
     */
    public static long deleteDoneBefore(Instant cutoff) {
        return delete("state in ?1 and createdAt < ?2", List.of(NotificationState.SENT, NotificationState.SKIPPED), cutoff);
    }
}
