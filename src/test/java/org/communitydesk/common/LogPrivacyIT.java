package org.communitydesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 5: no personal data and no secret in any log line. Reads the log the whole @QuarkusTest run
 * (surefire, before this failsafe phase) wrote to target/quarkus-test.log, access log included, and looks for
 * callers' names and phones (the demo callers' and the tests' own), access codes, Open311 API keys, passwords
 * and Basic credentials. Fails when the log is missing or empty, so that it never passes by reading nothing.
 */
class LogPrivacyIT {

    private static final Path LOG = Path.of("target", "quarkus-test.log");

    /** A caller as the demo data and staff write them: a surname and a form of address (王女士, 刘先生, 陈大爷). */
    private static final Pattern CALLER_NAME = Pattern.compile("\\p{IsHan}(女士|先生|大爷|大妈|阿姨|师傅)");
    /** A mainland mobile number, such as the demo callers' 13903520001 and the tests' 13900000000. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    /**
     * A resident's access code (ticket.AccessCodes' alphabet, 8 characters), when it holds a digit and a letter. Not
     * after an underscore: an Open311 key's logged prefix (cd311_M3Y6JJTT) can be spelt from the same alphabet.
     */
    private static final Pattern ACCESS_CODE = Pattern.compile(
            "(?<![A-Za-z0-9_])(?=[ACDEFGHJKMNPQRTUWXY34679]{0,7}[34679])(?=[ACDEFGHJKMNPQRTUWXY34679]{0,7}[A-Z])"
                    + "[ACDEFGHJKMNPQRTUWXY34679]{8}(?![A-Za-z0-9])");
    /** A whole Open311 API key; its prefix (cd311_ and 8 characters) names it and may be logged. */
    private static final Pattern API_KEY = Pattern.compile("cd311_[A-Za-z0-9_-]{9,}");

    @Test
    void theTestRunsLogHoldsNoPersonalDataAndNoSecret() throws IOException {
        assertThat(LOG).as("the log of the @QuarkusTest run; run the unit tests first (./mvnw verify)").exists();
        List<String> lines = new ArrayList<>();
        // The file and any it was rotated into when it reached its size limit (quarkus-test.log.1, …).
        try (var files = Files.list(LOG.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("quarkus-test.log")).toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(lines).as("the log of the @QuarkusTest run").hasSizeGreaterThan(100);
        // The scan must be able to see what it looks for: the run logs its tickets ("Ticket CD-… reported").
        assertThat(lines).anyMatch(line -> line.contains(" reported: category "));

        String basic = Base64.getEncoder().encodeToString(
                (SignInAsAdmin.ADMIN + ":" + SignInAsAdmin.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> secrets = List.of(SignInAsAdmin.ADMIN_PASSWORD, TestUsers.PASSWORD, basic, "测试居民");
        List<String> offending = new ArrayList<>();
        for (String line : lines) {
            boolean leaks = CALLER_NAME.matcher(line).find() || PHONE.matcher(line).find()
                    || ACCESS_CODE.matcher(line).find() || API_KEY.matcher(line).find()
                    || secrets.stream().anyMatch(line::contains);
            if (leaks) {
                offending.add(line);
            }
        }
        assertThat(offending).as("log lines with personal data or a secret").isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        // Guards the patterns themselves against a typo that would make the scan see nothing.
        assertThat(CALLER_NAME.matcher("caller 王女士 called").find()).isTrue();
        assertThat(PHONE.matcher("phone 13903520001.").find()).isTrue();
        assertThat(PHONE.matcher("CD-2026-000011 at 1733100000123").find()).isFalse();
        assertThat(ACCESS_CODE.matcher("code K7MQ3XTA issued").find()).isTrue();
        assertThat(ACCESS_CODE.matcher("status DISPATCHED, REPORTED, ACCEPTED").find()).isFalse();
        assertThat(ACCESS_CODE.matcher("Open311 key cd311_M3Y6JJTT issued by admin").find()).isFalse();
        assertThat(API_KEY.matcher("key cd311_Xq3vT9aBcdEFgh12").find()).isTrue();
        assertThat(API_KEY.matcher("key cd311_Xq3vT9aB of 平城区 revoked").find()).isFalse();
    }
}
