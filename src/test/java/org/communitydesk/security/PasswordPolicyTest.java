package org.communitydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The password rules and the sign-in delays as plain logic. */
class PasswordPolicyTest {

    @Test
    void lengthIsCountedInCharactersAtLeastAndInBytesAtMost() {
        assertThat(PasswordPolicy.refusal("abcdefgh9", "someone")).isPresent();
        assertThat(PasswordPolicy.refusal("abcdefgh9!", "someone")).isEmpty();
        // Ten Chinese characters are ten characters (30 bytes): long enough.
        assertThat(PasswordPolicy.refusal("下水道堵塞请尽快处理", "someone")).isEmpty();
        assertThat(PasswordPolicy.refusal("下水道堵塞请尽快处理".repeat(3), "someone")).get().asString()
                .contains("72 bytes");
    }

    @Test
    void commonPasswordsAreRefusedAlsoWithDigitsOrSymbolsAround() {
        assertThat(PasswordPolicy.isCommon("qwertyuiop")).isTrue();
        assertThat(PasswordPolicy.isCommon("dragon2024!")).isTrue();
        assertThat(PasswordPolicy.isCommon("!!sunshine99")).isTrue();
        assertThat(PasswordPolicy.isCommon("communitydesk-demo")).isFalse();
        assertThat(PasswordPolicy.isCommon("test-user-password")).isFalse();
    }

    @Test
    void theShippedListNamesItsSourceAndHoldsTensOfThousandsOfEntries() throws IOException {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(PasswordPolicy.LIST)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("# Common and breached passwords").contains("@zxcvbn-ts/language-common", "MIT");
            assertThat(text.lines().filter(line -> !line.startsWith("#")).count()).isGreaterThan(40_000);
            assertThat(text.lines().filter(line -> !line.startsWith("#"))
                    .allMatch(line -> line.length() >= PasswordPolicy.SHORTEST_LISTED)).isTrue();
        }
    }

    @Test
    void delaysDoubleFromTheFourthFailureOfAnAddressAndStopAt15Minutes() {
        assertThat(SignInThrottle.delay(counts(3, 0), false)).isEqualTo(Duration.ZERO);
        assertThat(SignInThrottle.delay(counts(3, 2), false)).isEqualTo(Duration.ZERO);
        assertThat(SignInThrottle.delay(counts(3, 3), false)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.delay(counts(6, 6), false)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInThrottle.delay(counts(40, 40), false)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theAccountsCountDelaysOnlyAddressesThatFailedAndNeverForTheLastAdmin() {
        assertThat(SignInThrottle.delay(counts(14, 0), false)).isEqualTo(Duration.ZERO);
        assertThat(SignInThrottle.delay(counts(14, 1), false)).isEqualTo(Duration.ofSeconds(16));
        assertThat(SignInThrottle.delay(counts(14, 1), true)).isEqualTo(Duration.ZERO);
        assertThat(SignInThrottle.delay(counts(14, 4), true)).isEqualTo(Duration.ofSeconds(2));
    }

    private static SignInFailure.Counts counts(long onAccount, long fromAddress) {
        return new SignInFailure.Counts(onAccount, fromAddress, fromAddress == 0 ? null : Instant.EPOCH);
    }
}
