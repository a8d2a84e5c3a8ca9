package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Labels of the notifications page and the dashboard's delivery warning, as {@code {ops:key}}: texts in
 * {@code messages/ops.properties} (Chinese) and {@code ops_en.properties}, checked like {@link PageMessages}. Kept
 * apart from {@code msg} because Quarkus 3.34.1 generated an unverifiable class (VerifyError in
 * PageMessages_Bundle's split resolve method) once that bundle grew by these keys.
 */
@MessageBundle(value = "ops", locale = "zh")
public interface OpsMessages {

    @Message
    String navNotifications();

    @Message
    String dashDeliveryFailing();

    @Message
    String dashDeliveryFailed(long failed);

    @Message
    String dashDeliveryLate(long minutes);

    @Message
    String dashDeliveryLink();

    @Message
    String noteTitle();

    @Message
    String noteIntro();

    @Message
    String noteFieldState();

    @Message
    String noteFieldAudience();

    @Message
    String noteFieldChannel();

    @Message
    String noteFieldTicket();

    @Message
    String noteFieldKind();

    @Message
    String noteFieldRecipient();

    @Message
    String noteFieldAttempts();

    @Message
    String noteFieldCreated();

    @Message
    String noteFieldLastError();

    @Message
    String noteFilter();

    @Message
    String noteEmpty();

    @Message
    String noteRetry();

    @Message
    String noteRetried();

    @Message
    String noteNotRetried();

    @Message
    String noteFormExpired();

    @Message
    String noteBadFilter();

    @Message
    String notePageOf(int page, int pages, long total);

    @Message
    String notePrevious();

    @Message
    String noteNext();

    @Message
    String notificationState(org.communitydesk.notification.NotificationState value);

    @Message
    String audience(org.communitydesk.notification.Audience value);

    @Message
    String channelKind(org.communitydesk.notification.ChannelKind value);

    // --- What a message was about (notification.Outbox's kinds); an integration's event shows its type -----
    @Message
    String noteKindLogged();

    @Message
    String noteKindDispatched();

    @Message
    String noteKindResolved();

    @Message
    String noteKindReopened();

    @Message
    String noteKindClosedAutomatically();

    @Message
    String noteKindDispatchedToYou();

    @Message
    String noteKindOverdue();

    @Message
    String noteKindNotResolved();
}
