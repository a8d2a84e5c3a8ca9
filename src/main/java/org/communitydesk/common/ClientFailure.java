package org.communitydesk.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One failure from one client address, counted towards a per-address limit. Kept in the database, not
 * in memory, so that every instance behind a load balancer counts the same failures. A limit is a
 * sliding window: the failures whose {@link #expiresAt} has not passed. Successful requests only read.
 */
@Entity
@Table(name = "client_failure")
public class ClientFailure extends IdentityEntity {

    /** What failed, with its limit: more than {@code maxFailures} within {@code window} are refused. */
    public enum Kind {
        /**
         * Wrong tracking or access codes on the residents' lookups: 60 a minute is far more than a
         * resident mistyping, and makes guessing across many tickets slow.
         */
        PUBLIC_LOOKUP(60, Duration.ofMinutes(1)),
        /**
         * Failed sign-ins (Basic and form), unknown names included. 30 in 5 minutes lets an office of
         * staff behind one NAT mistype freely, while a flood gets at most 6 bcrypt checks a minute per
         * address (about 0.3 s of a core) instead of filling the CPU; guessing one account is already
         * stopped by its own lock-out (5 in 15 minutes), so this limit is about sprays and CPU.
         */
        SIGN_IN(30, Duration.ofMinutes(5));

        public final int maxFailures;
        public final Duration window;

        Kind(int maxFailures, Duration window) {
            this.maxFailures = maxFailures;
            this.window = window;
        }
    }

    /** An address over its limit, and when it may try again. */
    /** Attributes of a failed form sign-in, for its page: the name typed, and "account" or "address" when locked. */
    public static final String SIGN_IN_NAME = "communitydesk.sign-in-name";
    public static final String SIGN_IN_LOCKED = "communitydesk.sign-in-locked";

    public record Refusal(Kind kind, String address, long failures, long retryAfterSeconds) {
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(nullable = false, updatable = false)
    public String address;

    @Column(nullable = false, updatable = false)
    public Instant expiresAt;

    protected ClientFailure() {
    }

    /**
     * The refusal for an address at or over its limit, or empty: one read on the (kind, address,
     * expires_at) index. Checked before the work the limit protects; two instances checking at the same
     * moment may each let one more through, which a limit of this size does not mind.
     */
    public static Optional<Refusal> refusal(Kind kind, String address, Instant now) {
        Object[] row = getEntityManager().createQuery(
                        "select count(f), min(f.expiresAt) from ClientFailure f "
                                + "where f.kind = :kind and f.address = :address and f.expiresAt > :now", Object[].class)
                .setParameter("kind", kind).setParameter("address", clip(address)).setParameter("now", now)
                .getSingleResult();
        long failures = ((Number) row[0]).longValue();
        if (failures < kind.maxFailures) {
            return Optional.empty();
        }
        // The oldest failure leaving the window is what lets the next attempt in.
        Instant oldestExpires = (Instant) row[1];
        long seconds = Math.max(1, (Duration.between(now, oldestExpires).toMillis() + 999) / 1000);
        return Optional.of(new Refusal(kind, address, failures, seconds));
    }

    /** Counts one failure, in the caller's transaction; true when it brings the address to its limit. */
    public static boolean record(Kind kind, String address, Instant now) {
        ClientFailure failure = new ClientFailure();
        failure.kind = kind;
        failure.address = clip(address);
        failure.expiresAt = now.plus(kind.window);
        failure.persist();
        return count("kind = ?1 and address = ?2 and expiresAt > ?3", kind, failure.address, now)
                == kind.maxFailures;
    }

    /** Deletes the failures that no longer count (for the housekeeping job); the number deleted. */
    public static long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }

    /**
     * The address a limit counts: the peer's, or behind a trusted reverse proxy the one it forwarded
     * (Vert.x applies quarkus.http.proxy.*). Without those settings every client shares the proxy's.
     */
    public static String addressOf(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The column holds 64 characters; an IPv6 address with a zone takes at most 45 or so. */
    private static String clip(String address) {
        String value = address == null || address.isBlank() ? "unknown" : address;
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
