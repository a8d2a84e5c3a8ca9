package org.communitydesk.ticket;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.communitydesk.common.Hmac;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The resident's secret for one ticket, read to the caller over the phone with the tracking code.
 * Eight characters from an alphabet without look-alikes (no 0/O/D-style pairs: 0, 1, 2, 5, 8, B, I,
 * L, O, S, V, Z are left out), so 24^8 ≈ 1.1e11 codes.
 *
 * <p>Only a keyed hash is stored: HMAC-SHA-256 under a key kept outside the tickets table
 * ({@value #KEY_PROPERTY}, made once in the database's shared-key table, the same on every
 * instance). Online guessing is stopped by the residents' lock-outs; a copy of the tickets table
 * alone cannot be searched for codes without the key. A slow hash (bcrypt, as until December 2026) made every
 * public lookup and every intake cost about 15 ms of CPU to protect nothing a stolen database does
 * not already hold: a code opens only the ticket stored beside it. Codes stored as bcrypt still work
 * and are rewritten keyed on their first good use.
 */
@ApplicationScoped
public class AccessCodes {

    public static final String KEY_PROPERTY = "communitydesk.access-code.key";
    static final String ALPHABET = "ACDEFGHJKMNPQRTUWXY34679";
    static final int LENGTH = 8;
    /** Marks a keyed hash; bcrypt hashes start with "$2". */
    static final String KEYED = "h1:";
    /** Domain separation: the stored key is not used as the HMAC key directly. */
    private static final byte[] PURPOSE = "communitydesk access code v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    AccessCodes(@ConfigProperty(name = KEY_PROPERTY) String storedKey) {
        key = Hmac.derive(storedKey, PURPOSE);
    }

    String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    String hash(String code) {
        return KEYED + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hmac.of(key, code.getBytes(StandardCharsets.US_ASCII)));
    }

    /** What a resident types, as it was issued: case, spaces and dashes do not matter. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** The outcome of a check: whether the code is right, and the keyed hash to store instead of a bcrypt one. */
    record Check(boolean matches, String rehashed) {
        static final Check WRONG = new Check(false, null);
    }

    /**
     * Whether the typed code is right for a code stored keyed; false for a bcrypt one, which the ticket must check
     * itself ({@link Ticket#acceptsAccessCode}) so that the keyed hash replaces it.
     */
    public boolean matchesKeyed(String typed, String stored) {
        return stored != null && stored.startsWith(KEYED) && check(typed, stored).matches();
    }

    Check check(String typed, String stored) {
        String normalized = normalize(typed);
        // Anything that cannot be a code is refused before any hashing.
        if (stored == null || normalized.length() != LENGTH || !normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Check.WRONG;
        }
        if (stored.startsWith(KEYED)) {
            boolean same = MessageDigest.isEqual(hash(normalized).getBytes(StandardCharsets.US_ASCII),
                    stored.getBytes(StandardCharsets.US_ASCII));
            return same ? new Check(true, null) : Check.WRONG;
        }
        return BcryptUtil.matches(normalized, stored) ? new Check(true, hash(normalized)) : Check.WRONG;
    }

}
