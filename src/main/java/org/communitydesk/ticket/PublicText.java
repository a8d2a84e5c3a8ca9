package org.communitydesk.ticket;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Masks personal data in staff-written text before it leaves through a public endpoint. Staff are
 * asked to keep names out of descriptions and notes; this is the safety net for when they do not.
 */
public final class PublicText {

    static final String MASK = "***";
    /** Phone numbers, ID-card numbers and the like: seven or more digits, spaces and dashes allowed between. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d(?:[\\s-]?\\d){6,}");

    private PublicText() {
    }

    /** The text with every given value and every long number replaced by {@value #MASK}; null stays null. */
    public static String redact(String text, Collection<String> personalValues) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        // Longest first, so that a name containing a shorter one is masked whole.
        for (String value : personalValues.stream().filter(v -> v != null && !v.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            redacted = redacted.replace(value.strip(), MASK);
        }
        return LONG_NUMBER.matcher(redacted).replaceAll(MASK);
    }
}
