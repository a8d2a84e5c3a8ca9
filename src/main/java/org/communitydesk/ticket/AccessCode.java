package org.communitydesk.ticket;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The resident's secret for one ticket, read to the caller over the phone with the tracking code.
 * Eight characters from an alphabet without look-alikes (no 0/O/D-style pairs: 0, 1, 2, 5, 8, B, I,
 * L, O, S, V, Z are left out), so 24^8 ≈ 1.1e11 codes. Only a bcrypt hash is stored; guessing online
 * is stopped by the lock-out in the residents' API, the hash slows guessing from a stolen database.
 */
public final class AccessCode {

    static final String ALPHABET = "ACDEFGHJKMNPQRTUWXY34679";
    static final int LENGTH = 8;
    /** About 15 ms a check: cheap enough for a public lookup, far slower than a plain digest. */
    private static final int BCRYPT_COST = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessCode() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String hash(String code) {
        return BcryptUtil.bcryptHash(code, BCRYPT_COST);
    }

    /** What a resident types, as it was issued: case, spaces and dashes do not matter. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static boolean matches(String typed, String hash) {
        String normalized = normalize(typed);
        // Refuse anything that cannot be a code before paying for bcrypt.
        if (hash == null || normalized.length() != LENGTH || !normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return false;
        }
        return BcryptUtil.matches(normalized, hash);
    }
}
