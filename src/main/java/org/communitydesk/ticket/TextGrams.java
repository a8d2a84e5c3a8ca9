package org.communitydesk.ticket;

import java.util.Arrays;

/**
 * The three-character pieces of a ticket's text, as keys of {@code ticket_text_gram} (V38): H2's stand-in for the
 * trigram indexes PostgreSQL keeps (V3.1). A key is a gram's 23-bit hash above the ticket's 40-bit id, so one
 * gram's tickets are one range of the table's primary key and a row costs no more than its key. Two grams that
 * share a hash only widen the candidates; the search still checks every candidate's text with ILIKE.
 */
final class TextGrams {

    static final int LENGTH = 3;
    private static final int ID_BITS = 40;
    private static final int HASH_BITS = 23;
    static final long MAX_TICKET_ID = (1L << ID_BITS) - 1;
    private static final long[] NONE = new long[0];

    private TextGrams() {
    }

    /**
     * The character as H2's ILIKE compares it ({@link String#regionMatches(boolean, int, String, int, int)}: equal
     * upper cases, or equal lower cases of those), so text and search fold alike.
     */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The first key of a gram's range; the range runs to {@code first + MAX_TICKET_ID}. */
    static long first(long hash) {
        return hash << ID_BITS;
    }

    /** The distinct gram hashes of the texts, sorted; a gram never spans two texts. */
    static long[] hashes(String... texts) {
        int room = 0;
        for (String text : texts) {
            room += text == null ? 0 : Math.max(0, text.length() - LENGTH + 1);
        }
        if (room == 0) {
            return NONE;
        }
        long[] hashes = new long[room];
        int n = 0;
        for (String text : texts) {
            if (text == null || text.length() < LENGTH) {
                continue;
            }
            char a = fold(text.charAt(0));
            char b = fold(text.charAt(1));
            for (int i = LENGTH - 1; i < text.length(); i++) {
                char c = fold(text.charAt(i));
                hashes[n++] = hash(a, b, c);
                a = b;
                b = c;
            }
        }
        return Arrays.stream(hashes, 0, n).sorted().distinct().toArray();
    }

    /**
     * The gram hashes a search for this text can rely on: every ticket whose description or address holds the
     * text (as ILIKE finds it) has all of them. None when the text is shorter than a gram or holds characters
     * outside the Basic Multilingual Plane, whose case Java folds by code point rather than by character.
     */
    static long[] searchHashes(String text) {
        if (text.length() < LENGTH || text.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            return NONE;
        }
        return hashes(text);
    }

    /** The ticket's key in a gram's range. */
    static long key(long hash, long ticketId) {
        if (ticketId < 0 || ticketId > MAX_TICKET_ID) {
            throw new IllegalArgumentException("ticket id " + ticketId + " does not fit a text gram key");
        }
        return first(hash) | ticketId;
    }

    private static long hash(char a, char b, char c) {
        long mixed = (((long) a << 32) | ((long) b << 16) | c) * 0x9E3779B97F4A7C15L;
        return mixed >>> (Long.SIZE - HASH_BITS);
    }
}
