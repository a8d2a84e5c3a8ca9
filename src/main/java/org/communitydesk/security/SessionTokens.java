package org.communitydesk.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.communitydesk.common.Hmac;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What makes a pages' session end: the {@value #COOKIE} cookie, set at form sign-in beside Quarkus'
 * {@code quarkus-credential} cookie and checked with it on every request. It holds the user name, the
 * user's session generation at sign-in ({@link AppUser#sessionGeneration}), when the session began and
 * when it was last used, under an HMAC with a key derived from the shared sign-in key (so every instance
 * makes and reads the same tokens). Quarkus' own cookie holds only an expiry and the name, and is rewritten
 * from the identity every minute, so it cannot carry these.
 *
 * <p>A session is refused when its generation is not the user's any more (sign-out, a password change or
 * reset, disabling), when it began more than {@link SessionConfig#lifetime()} ago, however often it was
 * renewed, or when it was not used for {@link SessionConfig#idleTimeout()}. Times come from the
 * application's clock.
 */
@ApplicationScoped
public class SessionTokens {

    public static final String COOKIE = "cd-login";
    /** The last-used time is written again at most this often (a new cookie on that response). */
    static final Duration RENEW_AFTER = Duration.ofMinutes(1);
    private static final byte[] PURPOSE = "communitydesk session token v1".getBytes(StandardCharsets.US_ASCII);

    /** One session: whose, of which generation, begun and last used when. */
    record Token(String username, long generation, Instant signedInAt, Instant lastUsedAt) {
    }

    private final SecretKeySpec key;

    @Inject
    SessionConfig config;

    @Inject
    SessionTokens(@ConfigProperty(name = SessionKeySource.PROPERTY) String sessionKey) {
        key = Hmac.derive(sessionKey, PURPOSE);
    }

    String write(Token token) {
        String payload = token.username() + "\n" + token.generation() + "\n" + token.signedInAt().getEpochSecond()
                + "\n" + token.lastUsedAt().getEpochSecond();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return base64.encodeToString(bytes) + "." + base64.encodeToString(Hmac.of(key, bytes));
    }

    /**
     * The user a session cookie names, if this service made it, however old: who posted a form after their
     * session ended (the form is kept for them, never signed in with).
     */
    public Optional<String> signedUser(String value) {
        return read(value).map(Token::username);
    }

    /** The token in a cookie value, if this service made it; nothing about its age is checked here. */
    Optional<Token> read(String value) {
        if (value == null || value.length() > 400) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(value.substring(0, dot));
            byte[] tag = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(Hmac.of(key, payload), tag)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            return Optional.of(new Token(parts[0], Long.parseLong(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])),
                    Instant.ofEpochSecond(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Why a session of a valid token is over at {@code now}, or empty while it is still on. */
    Optional<String> endedBecause(Token token, Instant now) {
        if (!token.signedInAt().plus(config.lifetime()).isAfter(now)) {
            return Optional.of("it began more than " + config.lifetime() + " ago");
        }
        if (!token.lastUsedAt().plus(config.idleTimeout()).isAfter(now)) {
            return Optional.of("it was not used for " + config.idleTimeout());
        }
        return Optional.empty();
    }

    /** Whether this request should carry a renewed token (the last-used time is older than a minute). */
    static boolean renewalDue(Token token, Instant now) {
        return !token.lastUsedAt().plus(RENEW_AFTER).isAfter(now);
    }

    /** Seconds the browser should keep the cookie: the rest of the session's lifetime. */
    long maxAgeSeconds(Token token, Instant now) {
        return Math.max(1, Duration.between(now, token.signedInAt().plus(config.lifetime())).toSeconds());
    }

}
