package org.communitydesk.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.communitydesk.ticket.TicketScope;

/**
 * Credentials verified by bcrypt, kept while they are in use, so that a busy API client pays one bcrypt
 * check when it starts rather than one per request (or one a minute: with a fixed lifetime, every client
 * with many connections paid a burst of checks, one per connection, each time its entry ran out). Only an
 * HMAC of the password under a key that lives in this process's memory is kept, with the hash it was
 * verified against. A hit is not trusted on its own: {@link LoginVerifier} re-reads the user's row (one
 * indexed query) and accepts it only while the account is enabled and still has that hash, so a change
 * made by another instance applies at once, however long the entry has been kept. {@link #forget} drops
 * this process's entry at once as well. An entry goes after {@link #IDLE_TIME} without use.
 */
@ApplicationScoped
public class VerifiedLogins {

    static final Duration IDLE_TIME = Duration.ofMinutes(10);

    /** What a verified sign-in grants; a session begun with it carries the user's session generation. */
    record Grant(String username, Role role, TicketScope scope, long sessionGeneration) {
        Set<String> roles() {
            return Set.of(role.name());
        }
    }

    private record Entry(byte[] passwordMac, String passwordHash) {
    }

    /** Bumped by every {@link #forget}, so that a check that was under way then cannot store its stale result. */
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();

    private final Cache<String, Entry> entries;

    private final SecretKeySpec key;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    public VerifiedLogins(Clock clock) {
        // The application's clock, so that tests can let an entry sit idle.
        entries = Caffeine.newBuilder()
                .expireAfterAccess(IDLE_TIME)
                .ticker(() -> {
                    // In nanoseconds, as Caffeine counts them.
                    Instant now = clock.instant();
                    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
                })
                .maximumSize(10_000)
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The password hash these credentials were verified against, if they were and have been in use since. */
    Optional<String> lookup(String username, String password) {
        Entry entry = entries.getIfPresent(username);
        if (entry == null || !MessageDigest.isEqual(entry.passwordMac(), mac(password))) {
            return Optional.empty();
        }
        return Optional.of(entry.passwordHash());
    }

    /** Taken before a check against the user store; pass it to {@link #remember}. */
    long generation(String username) {
        return generations.getOrDefault(username, 0L);
    }

    /** Keeps a verified sign-in, unless the user changed since {@code generation} was taken. */
    void remember(String username, String password, String passwordHash, long generation) {
        Entry entry = new Entry(mac(password), passwordHash);
        entries.asMap().compute(username,
                (name, previous) -> generation(name) == generation ? entry : previous);
    }

    /**
     * Drops the user's verified sign-in after a disable or a password change: at once,
     * and again when the transaction ends, because a check that read the user before the change
     * was committed could otherwise store its stale result in between.
     */
    void forget(String username) {
        forgetNow(username);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forgetNow(username);
                }
            });
        }
    }

    private void forgetNow(String username) {
        generations.merge(username, 1L, Long::sum);
        entries.invalidate(username);
    }

    private byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
