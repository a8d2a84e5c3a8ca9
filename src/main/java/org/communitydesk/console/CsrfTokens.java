package org.communitydesk.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token every console form carries: an HMAC of the signed-in user's name under a key made at
 * start-up. Another site can make the browser post a form, but cannot know this value. A restart
 * makes old tokens fail, like the sessions themselves unless their key is configured; the user
 * reloads the page.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FIELD = "_csrf";
    private final SecretKeySpec key;

    CsrfTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String tokenFor(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** False for a form whose token is missing or belongs to someone else (or to an earlier start). */
    public boolean accepts(String username, String token) {
        byte[] expected = tokenFor(username).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token == null ? new byte[0] : token.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
