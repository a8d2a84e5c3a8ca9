package org.communitydesk.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.communitydesk.ticket.TicketScope;

/**
 * Credentials verified by bcrypt in the last minute, so that a busy API client costs one bcrypt
 * check a minute rather than one per request. Only an HMAC of the password under a key that lives
 * in this process's memory is kept. Any change to a user drops their entry at once.
 */
@ApplicationScoped
public class VerifiedLogins {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

    /** What a verified sign-in grants. */
    record Grant(String username, Role role, TicketScope scope) {
        Set<String> roles() {
            return Set.of(role.name());
        }
    }

    private record Entry(byte[] passwordMac, Grant grant) {
    }

    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE)
            .maximumSize(10_000)
            .build();

    private final SecretKeySpec key;

    public VerifiedLogins() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    Optional<Grant> lookup(String username, String password) {
        Entry entry = entries.getIfPresent(username);
        if (entry == null || !MessageDigest.isEqual(entry.passwordMac(), mac(password))) {
            return Optional.empty();
        }
        return Optional.of(entry.grant());
    }

    void remember(String password, Grant grant) {
        entries.put(grant.username(), new Entry(mac(password), grant));
    }

    void forget(String username) {
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
