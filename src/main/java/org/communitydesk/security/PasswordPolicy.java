package org.communitydesk.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be, checked wherever one is set (an ADMIN creating a user or setting a
 * password, a user changing their own, the first administrator at start):
 * <ul>
 * <li>at least {@value #MIN_CHARACTERS} characters, and at most {@value #MAX_BYTES} bytes in UTF-8,
 * because bcrypt reads no further (a longer password would be cut without a word);</li>
 * <li>at least {@value #MIN_DISTINCT} different characters ({@code aaaaaaaaaa} and {@code ababababab} are
 * refused);</li>
 * <li>not the user name, also once the digits and punctuation at either end are taken off
 * ({@code Admin2024!} for {@code admin});</li>
 * <li>not on the list of common and breached passwords shipped in {@value #LIST} (see the README for
 * its source), compared without case, also once the digits and punctuation at either end are taken off
 * ({@code Password2024!} is {@code password}).</li>
 * </ul>
 * The list is read from the class path at each check, not kept in memory: passwords are set rarely.
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 10;
    /** bcrypt reads at most 72 bytes. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_DISTINCT = 5;
    /** Entries shorter than this are not on the list; see its header. */
    static final int SHORTEST_LISTED = 6;
    static final String LIST = "security/common-passwords.txt";

    private PasswordPolicy() {
    }

    /** Why a password is refused: the pages word each in their language, the API and the log in English. */
    public enum Refusal {
        REQUIRED, TOO_SHORT, TOO_LONG, TOO_FEW_DISTINCT, USER_NAME, COMMON
    }

    /** Why this password is refused for this user, in English, or empty when it is fine. */
    public static Optional<String> refusal(String password, String username) {
        return check(password, username).map(refusal -> switch (refusal) {
            case REQUIRED -> "A password is required.";
            case TOO_SHORT -> "The password must have at least " + MIN_CHARACTERS + " characters.";
            case TOO_LONG -> "The password must fit in " + MAX_BYTES + " bytes of UTF-8 (this one takes "
                    + password.getBytes(StandardCharsets.UTF_8).length
                    + "; a Chinese character takes 3), because longer passwords are cut there when checked.";
            case TOO_FEW_DISTINCT -> "The password must have at least " + MIN_DISTINCT + " different characters.";
            case USER_NAME -> "The password must not be the user name.";
            case COMMON -> "This password is on a list of common and breached passwords; choose another one.";
        });
    }

    /** Why this password is refused for this user, or empty when it is fine. */
    public static Optional<Refusal> check(String password, String username) {
        if (password == null) {
            return Optional.of(Refusal.REQUIRED);
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of(Refusal.TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Refusal.TOO_LONG);
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of(Refusal.TOO_FEW_DISTINCT);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        if (!name.isBlank() && (lower.equals(name) || (core(name).length() >= 3 && core(lower).equals(core(name))))) {
            return Optional.of(Refusal.USER_NAME);
        }
        if (isCommon(lower)) {
            return Optional.of(Refusal.COMMON);
        }
        return Optional.empty();
    }

    /** The password without the digits, punctuation, symbols and spaces at its ends. */
    static String core(String password) {
        return password.replaceAll("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$", "");
    }

    /** On the list as it is, or once the digits and punctuation at its ends are taken off. */
    static boolean isCommon(String lower) {
        String core = core(lower);
        boolean checkCore = !core.equals(lower) && core.length() >= SHORTEST_LISTED;
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords " + LIST + " is missing from the build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#") && (line.equals(lower) || (checkCore && line.equals(core)))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LIST, e);
        }
    }
}
