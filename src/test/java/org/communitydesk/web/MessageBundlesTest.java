package org.communitydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Chinese and English labels stay in step. The build already fails when the Chinese (default)
 * file lacks a key of {@link PageMessages}; a key missing from the English file would silently show
 * Chinese on an English page, so this test fails instead.
 */
class MessageBundlesTest {

    static final String CHINESE = "messages/msg.properties";
    static final String ENGLISH = "messages/msg_en.properties";

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> chinese = keys(CHINESE);
        Set<String> english = keys(ENGLISH);

        Set<String> missingInEnglish = new TreeSet<>(chinese);
        missingInEnglish.removeAll(english);
        Set<String> missingInChinese = new TreeSet<>(english);
        missingInChinese.removeAll(chinese);

        assertThat(missingInEnglish).as("keys of %s that %s lacks", CHINESE, ENGLISH).isEmpty();
        assertThat(missingInChinese).as("keys of %s that %s lacks", ENGLISH, CHINESE).isEmpty();
    }

    @Test
    void formMessagesHaveTheSameKeysInBothLanguages() {
        // web.FormMessages: what forms say when refused or stale, confirmations, the residents' feedback form.
        assertThat(keys("messages/form_en.properties")).isEqualTo(keys("messages/form.properties"))
                .contains("confirmCancel", "staleTitle", "statusFeedbackTitle");
    }

    @Test
    void notificationTextsHaveTheSameKeysInBothLanguages() {
        // notification.NotificationTexts: the texts of text messages and robot messages.
        assertThat(keys("messages/note_en.properties")).isEqualTo(keys("messages/note.properties"))
                .contains("residentLogged", "organizationDispatched");
    }

    @Test
    void timelineTextsHaveTheSameKeysInBothLanguages() {
        // ticket.TimelineTexts: what the system writes on a timeline, and Open311's words for the moves.
        assertThat(keys("messages/timeline_en.properties")).isEqualTo(keys("messages/timeline.properties"))
                .contains("reported", "furtherReport", "moved_REPORTED");
    }

    @Test
    void photoTextsHaveTheSameKeysInBothLanguages() {
        // web.PhotoMessages: the photos on the intake, ticket and status pages.
        assertThat(keys("messages/photo_en.properties")).isEqualTo(keys("messages/photo.properties"))
                .contains("photoField", "photoTooLarge", "photoNotAnImage", "photoStep_RESOLVE");
    }

    @Test
    void returnTextsHaveTheSameKeysInBothLanguages() {
        // web.ReturnMessages: returning an order (退单) and the queue's "needs me" view.
        assertThat(keys("messages/returns_en.properties")).isEqualTo(keys("messages/returns.properties"))
                .contains("actionReturn", "returnsDone", "returnedBadge", "needsMe", "reason_$NOT_OUR_JURISDICTION",
                        "reason_$WRONG_ADDRESS", "reason_$NEEDS_ANOTHER_AGENCY", "reason_$DUPLICATE");
    }

    @Test
    void orderTextsHaveTheSameKeysInBothLanguages() {
        // web.OrderMessages: the steps of work orders (accepting) on the ticket page and the dashboard.
        assertThat(keys("messages/order_en.properties")).isEqualTo(keys("messages/order.properties"))
                .contains("actionAccept", "orderAccepted", "dashAcceptedWithinTarget");
    }

    @Test
    void rankingTextsHaveTheSameKeysInBothLanguages() {
        // web.RankingMessages: the unit ranking (考核) on the dashboard.
        assertThat(keys("messages/ranking_en.properties")).isEqualTo(keys("messages/ranking.properties"))
                .contains("rankTitle", "rankScoreDefinition", "rankMissingRate", "rankOnTimeOriginal");
    }

    @Test
    void extensionTextsHaveTheSameKeysInBothLanguages() {
        // web.ExtensionMessages: extension requests (延期申请) on the ticket page.
        assertThat(keys("messages/extension_en.properties")).isEqualTo(keys("messages/extension.properties"))
                .contains("extensionRequestButton", "extensionApproveButton", "extensionOriginalDueAt");
    }

    @Test
    void holdTextsHaveTheSameKeysInBothLanguages() {
        // web.HoldMessages: urging (督办) and pausing (挂起) on the ticket page and the queue.
        assertThat(keys("messages/hold_en.properties")).isEqualTo(keys("messages/hold.properties"))
                .contains("actionUrge", "holdUrged", "actionPause", "holdPaused", "holdResumed", "pausedBadge");
    }

    @Test
    void mapLabelsHaveTheSameKeysInBothLanguages() {
        // web.MapMessages: the labels of the maps.
        assertThat(keys("messages/map_en.properties")).isEqualTo(keys("messages/map.properties"))
                .contains("placeMapTitle", "placeMapMark");
    }

    @Test
    void accountPageTextsHaveTheSameKeysInBothLanguages() {
        // console.AccountMessages: the account pages.
        assertThat(keys("messages/acct_en.properties")).isEqualTo(keys("messages/acct.properties"))
                .contains("passwordTitle", "role_ADMIN");
    }

    @Test
    void operationsLabelsHaveTheSameKeysInBothLanguages() {
        // web.OpsMessages: the notifications page and the dashboard's delivery warning.
        assertThat(keys("messages/ops_en.properties")).isEqualTo(keys("messages/ops.properties"))
                .contains("noteTitle", "notificationState_FAILED", "dashDeliveryFailing");
    }

    @Test
    void noLabelIsEmpty() {
        for (String file : new String[] {CHINESE, ENGLISH, "messages/ops.properties", "messages/ops_en.properties",
                "messages/timeline.properties", "messages/timeline_en.properties"}) {
            Properties labels = load(file);
            Set<String> empty = new TreeSet<>();
            labels.stringPropertyNames().stream().filter(key -> labels.getProperty(key).isBlank()).forEach(empty::add);
            assertThat(empty).as("keys with an empty label in %s", file).isEmpty();
        }
    }

    @Test
    void theFilesAreRead() {
        // Guards the two tests above against comparing two empty sets.
        assertThat(keys(CHINESE)).contains("htmlLang", "statusTitle", "ticketStatus_$IN_PROGRESS");
    }

    private static Set<String> keys(String file) {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as("%s on the class path", file).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
