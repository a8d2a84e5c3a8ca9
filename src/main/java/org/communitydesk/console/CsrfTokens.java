package org.communitydesk.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.communitydesk.common.Hmac;
import org.communitydesk.security.SessionKeySource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token every console form carries: an HMAC of the signed-in user's name and of this browser's
 * console session ({@link ConsoleSession}, a random id in a cookie), under a key derived from the
 * sign-in cookie's key. That key is the same on every instance and after a restart (kept in the
 * database, or set by the operator), so a form rendered by one instance is accepted by another. Another
 * site can make the browser post a form but cannot know this value; a token made for one user is
 * refused for another, and one from before a sign-out (which drops the session id) is refused after it.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FIELD = "_csrf";
    /** Domain separation: the CSRF key is not the cookie key itself. */
    private static final byte[] PURPOSE = "communitydesk console csrf v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    @Inject
    ConsoleSession session;

    @Inject
    CsrfTokens(@ConfigProperty(name = SessionKeySource.PROPERTY) String sessionKey) {
        key = Hmac.derive(sessionKey, PURPOSE);
    }

    /** The token for this user in the current browser session. */
    public String tokenFor(String username) {
        return tokenFor(username, session.id());
    }

    String tokenFor(String username, String sessionId) {
        byte[] data = (username + "\n" + sessionId).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.of(key, data));
    }

    /** Whether the token is this user's for the browser session {@code sessionId} (read from its cookie). */
    boolean accepts(String username, String sessionId, String token) {
        if (sessionId == null || sessionId.isBlank() || token == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(username, sessionId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * False for a form whose token is missing, belongs to someone else, or to another browser session
     * (signed out since, or forged by another site).
     */
    public boolean accepts(String username, String token) {
        if (!session.known()) {
            return false;
        }
        byte[] expected = tokenFor(username).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token == null ? new byte[0] : token.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

}
