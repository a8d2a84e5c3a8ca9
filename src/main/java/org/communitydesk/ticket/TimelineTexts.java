package org.communitydesk.ticket;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The sentences of what the system writes on a timeline ({@link Wording}), in Chinese
 * ({@code messages/timeline.properties}, the default) and English ({@code timeline_en.properties});
 * MessageBundlesTest keeps them in step. Also the fixed words in which Open311 tells a move.
 */
@MessageBundle(value = "timeline", locale = "zh")
public interface TimelineTexts {

    @Message
    String reported(String channel);

    @Message
    String furtherReport(int number, String channel);

    @Message
    String withWords(String text, String words);

    @Message
    String assignment(String name, String role);

    /** A list one item longer (a trailing space in a .properties value would not survive). */
    @Message
    String listMore(String list, String item);

    @Message
    String nobody();

    @Message
    String reassigned(String before, String after);

    @Message
    String resolvedWithCause(String resolution, String cause);

    @Message
    String cancelled(String reason);

    @Message
    String cancelledAsDuplicate(String original);

    @Message
    String residentFeedback(int rating, String verdict);

    @Message
    String followUpFeedback(String recordedBy, int rating, String verdict);

    @Message
    String verdictResolved();

    @Message
    String verdictNotResolved();

    @Message
    String reopenedByResident();

    @Message
    String closedAutomatically();

    @Message
    String accessCodeReissued();

    @Message
    String messagesStopped();

    /** The name of an event type on the pages' timelines; keys eventType_$NOTE, ... */
    @Message
    String eventType(EventType type);

    @Message
    String atRisk();

    @Message
    String overdue();

    @Message
    String accessBlocksLifted();

    @Message
    String photoAdded();

    @Message
    String photoRemoved(int number);

    @Message
    String positionFromPhoto(String latitude, String longitude);

    /** An organization accepted its order (签收). */
    @Message
    String accepted(String name);

    /** The lead organization returned its order (退单), with the reason. */
    @Message
    String returned(String name, String reason);

    @Message
    String returnReason_NOT_OUR_JURISDICTION();

    @Message
    String returnReason_WRONG_ADDRESS();

    @Message
    String returnReason_NEEDS_ANOTHER_AGENCY();

    @Message
    String returnReason_DUPLICATE();

    /** A supervisor urged the lead organization (督办). */
    @Message
    String urged(String name);

    /** The clock was paused (挂起), in words for the resident. */
    @Message
    String paused(String reason);

    @Message
    String resumed();

    @Message
    String pauseReason_WAITING_FOR_RESIDENT();

    @Message
    String pauseReason_WAITING_FOR_THIRD_PARTY();

    @Message
    String notificationSent(String channel, String recipient, String kind);

    @Message
    String notificationFailed(String channel, String recipient, String kind, String error);

    @Message
    String channel_PHONE();

    @Message
    String channel_WALK_IN();

    @Message
    String channel_HOTLINE_12345();

    @Message
    String channel_WEB();

    @Message
    String channel_OPEN311();

    @Message
    String roleLead();

    @Message
    String roleSupport();

    @Message
    String cancelReason_DUPLICATE();

    @Message
    String cancelReason_WITHDRAWN();

    @Message
    String cancelReason_OUT_OF_SCOPE();

    @Message
    String cancelReason_INVALID();

    @Message
    String deliveryChannel_SMS();

    @Message
    String deliveryChannel_WECOM();

    @Message
    String deliveryChannel_DINGTALK();

    @Message
    String deliveryChannel_EMAIL();

    @Message
    String deliveryChannel_WEBHOOK();

    @Message
    String moved_REPORTED();

    @Message
    String moved_DISPATCHED();

    @Message
    String moved_REASSIGNED();

    @Message
    String moved_STARTED();

    @Message
    String moved_RESOLVED();

    @Message
    String moved_CLOSED();

    @Message
    String moved_CANCELLED();

    @Message
    String moved_REOPENED();

    /** The lead asked for a later due time (延期申请); the reason follows as the note. */
    @Message
    String extensionRequested(String time);

    /** The extension approved: the new due time, which residents see. */
    @Message
    String extensionApproved(String time);

    /** The extension rejected; why follows as the note. */
    @Message
    String extensionRejected(String time);
}
