package org.communitydesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mask of public text, as a plain object: every way of writing a phone number, and ordinary text left alone. */
class PublicTextTest {

    private static final String PHONE = "13903520001";

    /** Digit forms: how a number may be typed (IME full-width mode, Chinese numerals read out, other scripts). */
    private static final List<String> DIGIT_FORMS = List.of(
            "0123456789", // ASCII
            "０１２３４５６７８９", // full-width
            "〇一二三四五六七八九", // Chinese numerals
            "零幺二三四五六七八九", // read out: 零, and 幺 for one
            "零壹贰叁肆伍陆柒捌玖", // financial
            "٠١٢٣٤٥٦٧٨٩", // Arabic-Indic
            "०१२३४५६७८९"); // Devanagari

    /** Separators between groups, ASCII and full-width, one or a few characters. */
    private static final List<String> SEPARATORS = List.of("", " ", "-", ".", "/", "\\", "　", "－", "．", "／", "—", "–",
            "‐", "·", "・", " - ", "  ", "_", "(", ") ", "）", "（");

    /** Groupings of the eleven digits. */
    private static final List<int[]> GROUPS = List.of(new int[] { 11 }, new int[] { 3, 4, 4 }, new int[] { 3, 8 },
            new int[] { 4, 7 }, new int[] { 3, 3, 5 }, new int[] { 1, 2, 4, 4 });

    static Stream<String> phoneVariants() {
        List<String> variants = new ArrayList<>();
        for (String forms : DIGIT_FORMS) {
            String digits = PHONE.chars().mapToObj(c -> String.valueOf(forms.charAt(c - '0'))).reduce("", String::concat);
            for (String separator : SEPARATORS) {
                for (int[] groups : GROUPS) {
                    StringBuilder written = new StringBuilder();
                    int at = 0;
                    for (int g = 0; g < groups.length; g++) {
                        if (g > 0) {
                            written.append(separator);
                        }
                        written.append(digits, at, at + groups[g]);
                        at += groups[g];
                    }
                    variants.add(written.toString());
                }
            }
        }
        // Mixed forms, as a hurried typist makes them.
        variants.add("139０３５２0001");
        variants.add("一三九 0352 ０００一");
        variants.add("+86 139.0352.0001");
        variants.add("(0352) 765-4321");
        variants.add("０３５２－７６５４３２１");
        return variants.stream();
    }

    @ParameterizedTest
    @MethodSource("phoneVariants")
    void everyWayOfWritingAPhoneNumberIsMasked(String phone) {
        String note = "已回电 " + phone + "，请勿外传";

        String shown = PublicText.redact(note, Set.of());

        // A leading "+" or "(" may stay: it tells nothing.
        assertThat(shown).as(note).matches("已回电 [+(]?\\*\\*\\*，请勿外传");
    }

    @Test
    void theCharactersTakenAsTheirOwnNormalFormAreSo() {
        // Masking skips the normaliser for ASCII and the CJK Unified Ideographs; that is only right if NFKC keeps them.
        List<Integer> changed = new ArrayList<>();
        for (int c = 0; c <= 0x9FFF; c = c == 0x7F ? 0x4E00 : c + 1) {
            String one = String.valueOf((char) c);
            if (!java.text.Normalizer.normalize(one, java.text.Normalizer.Form.NFKC).equals(one)) {
                changed.add(c);
            }
        }
        assertThat(changed).isEmpty();
        // And a text mixing them with characters NFKC folds is still masked where the folded form matches.
        assertThat(PublicText.redact("王先生（１３９－１２３４－５６７８）说井盖坏了", Set.of("王先生")))
                .isEqualTo("***（***）说井盖坏了");
        // Digits are counted by code point before the pattern runs: eleven Adlam digits (outside the BMP) are masked,
        // six ASCII ones are not.
        String adlam = new StringBuilder().appendCodePoint(0x1E951).appendCodePoint(0x1E953).appendCodePoint(0x1E959)
                .appendCodePoint(0x1E951).appendCodePoint(0x1E952).appendCodePoint(0x1E953).appendCodePoint(0x1E954)
                .appendCodePoint(0x1E955).appendCodePoint(0x1E956).appendCodePoint(0x1E957).appendCodePoint(0x1E958)
                .toString();
        assertThat(PublicText.redact("电话 " + adlam + " 井盖", Set.of())).isEqualTo("电话 *** 井盖");
        assertThat(PublicText.redact("3 号楼 123456 井盖", Set.of())).isEqualTo("3 号楼 123456 井盖");
    }

    @Test
    void theGeneratedListIsLarge() {
        assertThat(phoneVariants().count()).isGreaterThan(900);
    }

    @ParameterizedTest
    @ValueSource(strings = { "二〇二六年十一月三十日上午九点", "一二三四五六号线", "七八九月雨水多", "三三两两的居民",
            "2号楼3单元501室", "十一月一日至十一月七日", "第一二三四五六组", "一楼到六楼，共五十六户", "一一一一一一", "123456",
            "12:30-13:30 停水", "请于（１２月３日）前处理", "万一三五七九", "五十一二十三三十四" })
    void ordinaryTextIsLeftAlone(String text) {
        assertThat(PublicText.redact(text, Set.of())).isEqualTo(text);
    }

    @Test
    void whatIsNotMaskedStaysAsWritten() {
        // NFKC is only for matching: full-width punctuation and digits of short numbers are published as typed.
        assertThat(PublicText.redact("请联系１３９０３５２０００１，２号楼（东）", Set.of()))
                .isEqualTo("请联系***，２号楼（东）");
    }

    @Test
    void namesAreMatchedInTheirCompatibilityFormsToo() {
        assertThat(PublicText.redact("已联系 Ｗａｎｇ　Ｌｉ 和欧阳娜娜", Set.of("Wang Li", "欧阳娜娜")))
                .isEqualTo("已联系 *** 和***");
        assertThat(PublicText.redact("欧阳娜娜说", List.of("娜娜", "欧阳娜娜"))).isEqualTo("***说");
    }

    @Test
    void nullStaysNull() {
        assertThat(PublicText.redact(null, Set.of("x"))).isNull();
    }
}
