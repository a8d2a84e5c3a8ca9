package org.communitydesk.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of notifications: Qute message templates in {@code messages/note.properties} (Chinese, the default)
 * and {@code messages/note_en.properties}. Each carries the tracking code and a link; only the first message to
 * the resident carries the access code, and none carries anyone else's data.
 */
@MessageBundle(value = "note", locale = "zh")
public interface NotificationTexts {

    @Message
    String residentLogged(String code, String accessCode, String link);

    @Message
    String residentDispatched(String code, String link);

    @Message
    String residentResolved(String code, String deadline, String link);

    @Message
    String residentReopened(String code, String link);

    @Message
    String residentClosedAutomatically(String code, String link);

    @Message
    String organizationDispatched(String code, String category, String place, String summary, String caller, String link);

    @Message
    String organizationAtRisk(String code, String category, String place, String due, String link);

    @Message
    String organizationUrged(String code, String category, String place, String due, String link);

    @Message
    String organizationOverdue(String code, String category, String place, String due, String link);

    @Message
    String supervisorOverdue(String code, String category, String place, String lead, String due, String link);

    @Message
    String supervisorNotResolved(String code, String category, String place, String lead, String link);

    @Message
    String callerLine(String name, String phone);

    @Message
    String nobody();
}
