package org.communitydesk.common;

/**
 * Text from a request made safe for one log line: CR, LF and the other line and control characters
 * (NEL, the Unicode line and paragraph separators, ESC for terminal escapes) are written as escapes
 * ({@code \r}, {@code \n}, {@code \u2028}…), so that nobody can start a forged line in our log. Every
 * value a client chose (a path, a user name, an address, a name typed into a form) goes through
 * {@link #of} before it reaches a logger.
 */
public final class LogSafe {

    private LogSafe() {
    }

    /** The value as one line; null stays "null", as the logger would print it. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\\' -> null;
            default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
