package org.communitydesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Housekeeping removes expired guard rows, security-log rows past 180 days and sent notifications past 90 days, and keeps the rest. */
@QuarkusTest
class HousekeepingTest {

    @Inject
    TestClock clock;

    @Inject
    BackgroundJobs jobs;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void removesExpiredGuardsAndKeepsTheOnesThatStillCount() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(now);
        long windowOver = guard(now.minus(Duration.ofMinutes(61)), 3, null);
        long lockOver = guard(now.minus(Duration.ofMinutes(130)), 11, now.minus(Duration.ofMinutes(10)));
        long stillLocked = guard(now.minus(Duration.ofMinutes(70)), 11, now.plus(Duration.ofMinutes(50)));
        long windowRunning = guard(now.minus(Duration.ofMinutes(30)), 4, null);

        OptionalLong removed = jobs.housekeeping();

        assertThat(removed).isPresent();
        assertThat(removed.getAsLong()).isGreaterThanOrEqualTo(2);
        assertThat(guardExists(windowOver)).isFalse();
        assertThat(guardExists(lockOver)).isFalse();
        assertThat(guardExists(stillLocked)).isTrue();
        assertThat(guardExists(windowRunning)).isTrue();
    }

    @Test
    void removesClientFailuresThatNoLongerCount() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(now);
        String address = "hk-" + UUID.randomUUID().toString().substring(0, 8);
        clientFailure(address, now.minusSeconds(1));
        clientFailure(address, now);
        clientFailure(address, now.plusSeconds(30));

        jobs.housekeeping();

        assertThat(clientFailureExpiries(address)).containsExactly(now.plusSeconds(30));
    }

    /** Tests run with the figures job off, as an installation may: housekeeping then drops its marks. */
    @Test
    void dropsTheFigureMarksWhileTheFiguresJobIsOff() {
        createTicket();
        assertThat(figureMarks()).isPositive();

        jobs.housekeeping();

        assertThat(figureMarks()).isZero();
    }

    private long figureMarks() {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT COUNT(*) FROM ticket_figures_stale").getSingleResult())).longValue();
    }

    @Test
    void removesRedirectMessagesNobodyCameBackFor() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(now);
        String user = "hk-" + UUID.randomUUID().toString().substring(0, 8);
        flashMessage(user, "expired", now.minusSeconds(1));
        flashMessage(user, "waiting", now.plusSeconds(60));

        jobs.housekeeping();

        assertThat(flashMessageIds(user)).containsExactly("waiting-" + user);
    }

    @Test
    void keepsTheSecurityLogFor180Days() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(now);
        String user = "hk-" + UUID.randomUUID().toString().substring(0, 8);
        securityEvent(user, now.minus(Duration.ofDays(181)), "old");
        securityEvent(user, now.minus(Duration.ofDays(180)).minusSeconds(1), "just past");
        securityEvent(user, now.minus(Duration.ofDays(179)), "recent");
        securityEvent(user, now.minus(Duration.ofMinutes(1)), "today");

        jobs.housekeeping();

        assertThat(securityEventDetails(user)).containsExactlyInAnyOrder("recent", "today");
        ScheduledJob row = QuarkusTransaction.requiringNew().call(() -> ScheduledJob.<ScheduledJob>findById(BackgroundJobs.HOUSEKEEPING));
        assertThat(row.lastRows).isGreaterThanOrEqualTo(2);
        assertThat(row.lastError).isNull();
    }

    @Test
    void deletesSentNotificationsPastTheirRetentionAndKeepsFailedAndPendingOnes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(now);
        String ticket = "HK-" + UUID.randomUUID().toString().substring(0, 8);
        notification(ticket, "sent-old", "SENT", now.minus(Duration.ofDays(90)).minusSeconds(1));
        notification(ticket, "skipped-old", "SKIPPED", now.minus(Duration.ofDays(120)));
        notification(ticket, "sent-recent", "SENT", now.minus(Duration.ofDays(89)));
        notification(ticket, "failed-old", "FAILED", now.minus(Duration.ofDays(200)));
        notification(ticket, "pending-old", "PENDING", now.minus(Duration.ofDays(200)));

        jobs.housekeeping();

        assertThat(notificationKeys(ticket)).containsExactlyInAnyOrder("sent-recent-" + ticket, "failed-old-" + ticket,
                "pending-old-" + ticket);
    }

    private void notification(String ticket, String key, String state, Instant createdAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO notification (idempotency_key, "
                + "ticket_code, kind, audience, channel, recipient, body, state, attempts, created_at, due_since, "
                + "next_attempt_at) VALUES (?1, ?2, 'resident-logged', 'RESIDENT', 'SMS', '13900000000', 'text', ?3, 1, "
                + "?4, ?4, ?5)")
                .setParameter(1, key + "-" + ticket).setParameter(2, ticket).setParameter(3, state)
                .setParameter(4, createdAt).setParameter(5, createdAt.plus(Duration.ofDays(1000))).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> notificationKeys(String ticket) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT idempotency_key FROM notification WHERE ticket_code = ?1").setParameter(1, ticket).getResultList());
    }

    private long guard(Instant windowStartedAt, int failures, Instant lockedUntil) {
        long ticketId = ticketId(createTicket());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO ticket_access_guard "
                + "(ticket_id, window_started_at, failures, locked_until) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, ticketId).setParameter(2, windowStartedAt).setParameter(3, failures)
                .setParameter(4, lockedUntil == null ? windowStartedAt.minusSeconds(1) : lockedUntil).executeUpdate());
        if (lockedUntil == null) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE ticket_access_guard SET locked_until = NULL WHERE ticket_id = ?1")
                    .setParameter(1, ticketId).executeUpdate());
        }
        return ticketId;
    }

    private boolean guardExists(long ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM ticket_access_guard WHERE ticket_id = ?1").setParameter(1, ticketId)
                .getSingleResult()).longValue()) == 1;
    }

    private long ticketId(String code) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM ticket WHERE code = ?1").setParameter(1, code).getSingleResult()).longValue());
    }

    private void clientFailure(String address, Instant expiresAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO client_failure "
                + "(kind, address, expires_at) VALUES ('PUBLIC_LOOKUP', ?1, ?2)")
                .setParameter(1, address).setParameter(2, expiresAt).executeUpdate());
    }

    private List<Instant> clientFailureExpiries(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ClientFailure.<ClientFailure>list("address", address)
                .stream().map(failure -> failure.expiresAt).toList());
    }

    private void flashMessage(String user, String id, Instant expiresAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO flash_message "
                + "(id, username, message_key, failed, expires_at) VALUES (?1, ?2, 'ticketLogged', false, ?3)")
                .setParameter(1, id + "-" + user).setParameter(2, user).setParameter(3, expiresAt).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> flashMessageIds(String user) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM flash_message WHERE username = ?1").setParameter(1, user).getResultList());
    }

    private void securityEvent(String user, Instant at, String detail) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO security_event "
                + "(occurred_at, type, username, actor, detail) VALUES (?1, 'USER_CREATED', ?2, 'test', ?3)")
                .setParameter(1, at).setParameter(2, user).setParameter(3, detail).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> securityEventDetails(String user) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT detail FROM security_event WHERE username = ?1").setParameter(1, user).getResultList());
    }
}
