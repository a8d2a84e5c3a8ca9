package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The pages' texts of urging (督办) and pausing (挂起) a ticket (issue 13, steps 4 and 5), as {@code {hold:key}}:
 * {@code messages/hold.properties} (Chinese) and {@code hold_en.properties}. A bundle of its own, as the page
 * bundle's generated class is at the size the JVM verifies. Flash keys starting with {@code hold} are read from here.
 */
@MessageBundle(value = "hold", locale = "zh")
public interface HoldMessages {

    @Message
    String actionUrge();

    @Message
    String urgeHint();

    @Message
    String urgeNote();

    @Message
    String holdUrged();

    @Message
    String urgedBadge(long count);

    @Message
    String latestUrging(String organization, String at, String by);

    @Message
    String actionPause();

    @Message
    String pauseHint();

    @Message
    String pauseReason();

    @Message
    String pauseReason_WAITING_FOR_RESIDENT();

    @Message
    String pauseReason_WAITING_FOR_THIRD_PARTY();

    @Message
    String pauseComment();

    @Message
    String holdPaused();

    @Message
    String actionResume();

    @Message
    String resumeHint();

    @Message
    String holdResumed();

    @Message
    String pausedBadge();

    @Message
    String pausedSince(String since);

    @Message
    String pausedTotal(String duration);

    @Message
    String pausedOnly();
}
