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

    /** The lead organization returned the order (退单): the street office dispatches it again or cancels it. */
    @Message
    String supervisorReturned(String code, String category, String place, String organization, String reason,
            String link);

    /** An order this organization returned (退单) is now accepted by the organization that leads it instead. */
    @Message
    String organizationReturnedAcceptedElsewhere(String code, String category, String place, String organization,
            String link);

    @Message
    String callerLine(String name, String phone);

    @Message
    String nobody();

    @Message
    String supervisorExtensionRequested(String code, String category, String place, String lead, String due,
            String requested, String link);

    @Message
    String organizationExtensionApproved(String code, String category, String place, String due, String link);

    @Message
    String organizationExtensionRejected(String code, String category, String place, String requested, String due,
            String link);
}
