package org.communitydesk.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 under keys derived from one stored secret per purpose, so that no two uses share a key. */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    /** The key for one purpose: HMAC of the purpose's name under the stored secret. */
    public static SecretKeySpec derive(String storedSecret, byte[] purpose) {
        return new SecretKeySpec(of(new SecretKeySpec(storedSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM), purpose),
                ALGORITHM);
    }

    public static byte[] of(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
