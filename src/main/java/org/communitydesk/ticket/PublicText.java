package org.communitydesk.ticket;

import java.text.Normalizer;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in staff-written text before it leaves through a public endpoint. Staff are
 * asked to keep names out of descriptions and notes; this is the safety net for when they do not.
 *
 * <p>Matching runs on the text normalised to NFKC, so that full-width digits (１３９), full-width
 * separators (－．／) and compatibility forms of names count as their plain forms; what is not masked
 * is published exactly as written (full-width Chinese punctuation stays full-width).
 */
public final class PublicText {

    static final String MASK = "***";

    /**
     * A digit: any Unicode decimal digit (ASCII, and every script's, full-width ones become ASCII under
     * NFKC), or a Chinese numeral as used to read a phone number out (〇零一…九, 幺 for one, and the
     * financial 壹…玖). 十, 百, 千 and 两 are not digits of a phone number and are left out.
     */
    private static final String DIGIT = "[\\p{Nd}〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖]";
    /** What people put between the groups of a number: spaces, dashes, dots, slashes, brackets, plus. */
    private static final String SEPARATOR = "[\\s\\p{Pd}./\\\\()+_·・]";
    /** Phone numbers, ID-card numbers and the like: seven or more digits, up to three separators between two. */
    private static final Pattern LONG_NUMBER = Pattern.compile(DIGIT + "(?:" + SEPARATOR + "{0,3}" + DIGIT + "){6,}");
    private static final int LONG_NUMBER_DIGITS = 7;
    /** The Chinese numerals of {@link #DIGIT}, for counting digits without the pattern. */
    private static final String CHINESE_DIGITS = "〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖";

    private PublicText() {
    }

    /** The text with every given value and every long number replaced by {@value #MASK}; null stays null. */
    public static String redact(String text, Collection<String> personalValues) {
        if (text == null) {
            return null;
        }
        Normalised normalised = Normalised.of(text);
        String folded = normalised.text();
        BitSet masked = new BitSet(text.length());
        // Longest first, so that a name containing a shorter one is masked whole.
        for (String value : personalValues.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> Normalizer.normalize(v.strip(), Normalizer.Form.NFKC))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            for (int at = folded.indexOf(value); at >= 0; at = folded.indexOf(value, at + value.length())) {
                normalised.mark(masked, at, at + value.length());
            }
        }
        if (hasDigits(folded, LONG_NUMBER_DIGITS)) {
            Matcher number = LONG_NUMBER.matcher(folded);
            while (number.find()) {
                normalised.mark(masked, number.start(), number.end());
            }
        }
        return masked.isEmpty() ? text : apply(text, masked);
    }

    /** Whether the text holds at least {@code needed} digits: most texts hold too few for a long number to match. */
    private static boolean hasDigits(String text, int needed) {
        int found = 0;
        for (int i = 0; i < text.length() && found < needed; ) {
            int c = text.codePointAt(i);
            if (Character.isDigit(c) || CHINESE_DIGITS.indexOf(c) >= 0) {
                found++;
            }
            i += Character.charCount(c);
        }
        return found >= needed;
    }

    /** The original text with each masked stretch of characters replaced by one {@value #MASK}. */
    private static String apply(String text, BitSet masked) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (masked.get(i)) {
                out.append(MASK);
                i = masked.nextClearBit(i);
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The NFKC form of a text, normalised one code point at a time, with the position in the original of
     * each character of the normalised form, so that a match in the one masks the same stretch of the other.
     */
    private record Normalised(String text, int[] startInOriginal, int[] endInOriginal) {

        static Normalised of(String original) {
            StringBuilder folded = new StringBuilder(original.length());
            int[] starts = new int[original.length() * 4 + 4];
            int[] ends = new int[starts.length];
            int i = 0;
            while (i < original.length()) {
                int codePoint = original.codePointAt(i);
                int next = i + Character.charCount(codePoint);
                String piece = isOwnNormalForm(codePoint) ? null
                        : Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
                if (piece == null) {
                    if (folded.length() == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[folded.length()] = i;
                    ends[folded.length()] = next;
                    folded.append((char) codePoint);
                    i = next;
                    continue;
                }
                for (int k = 0; k < piece.length(); k++) {
                    if (folded.length() == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[folded.length()] = i;
                    ends[folded.length()] = next;
                    folded.append(piece.charAt(k));
                }
                i = next;
            }
            return new Normalised(folded.toString(), starts, ends);
        }

        /**
         * Characters NFKC leaves as they are, which most of a text is: ASCII and the CJK Unified Ideographs
         * (U+4E00 to U+9FFF have no decomposition). Asking the normaliser about each of them was most of the time
         * that masking took.
         */
        private static boolean isOwnNormalForm(int codePoint) {
            return codePoint < 0x80 || (codePoint >= 0x4E00 && codePoint <= 0x9FFF);
        }

        /** Marks the original characters behind normalised positions [from, to). */
        void mark(BitSet masked, int from, int to) {
            masked.set(startInOriginal[from], endInOriginal[to - 1]);
        }
    }
}
