package org.communitydesk.ticket;

/**
 * What the system wrote on a timeline, as a key: stored with the event (column {@code wording}) beside its
 * parameters, and turned into a sentence in the reader's language only when shown ({@link EventTexts}).
 * A key is never renamed: rows keep it.
 */
public enum Wording {
    /** Received through a channel: {@code channel}. */
    REPORTED,
    /** Another call about the same problem: {@code number}, {@code channel}; the caller's words stay in the note. */
    FURTHER_REPORT,
    /** The organizations of a first dispatch: {@code assignments} (code, zh, en, role). */
    ASSIGNED,
    /** The organizations before and after a second dispatch: {@code before}, {@code after}. */
    REASSIGNED,
    /** A resolution with its root cause: {@code cause}; the resolution stays in the note. */
    RESOLVED_WITH_CAUSE,
    /** Why a ticket was cancelled: {@code reason}, and {@code original} for a duplicate. */
    CANCELLED,
    /** The resident's own rating: {@code rating}, {@code resolved}. */
    RESIDENT_FEEDBACK,
    /** A rating taken on a follow-up call: {@code recordedBy}, {@code rating}, {@code resolved}. */
    FOLLOW_UP_FEEDBACK,
    /** The resident said the problem is not solved: the reopening that follows their rating. */
    REOPENED_BY_RESIDENT,
    CLOSED_AUTOMATICALLY,
    ACCESS_CODE_REISSUED,
    MESSAGES_STOPPED,
    ACCESS_BLOCKS_LIFTED,
    PHOTO_ADDED,
    /** An ADMIN removed a photo: {@code number}, the ticket's photo it was; the reason is the note. */
    PHOTO_REMOVED,
    /** Staff took a photo's GPS position as the ticket's: {@code latitude}, {@code longitude} (WGS-84, as text). */
    POSITION_FROM_PHOTO,
    /** A notification delivered: {@code channel}, {@code recipient} (masked), {@code kind}. */
    NOTIFICATION_SENT,
    /** A notification given up: as {@link #NOTIFICATION_SENT}, and {@code error}. */
    NOTIFICATION_FAILED,
    /** Marked at risk by the escalation job. */
    AT_RISK,
    /** Marked overdue by the escalation job. */
    OVERDUE,
    /** An organization accepted its order: {@code code}, {@code zh}, {@code en} (its names then), {@code role}. */
    ACCEPTED,
    /** The lead returned the order: {@code code}, {@code zh}, {@code en} (its names then), {@code reason}. */
    RETURNED,
    /** An extension asked for: {@code dueAt} (ISO) and {@code local} (the installation's time then), as requested. */
    EXTENSION_REQUESTED,
    /** An extension approved: the new due time, as {@link #EXTENSION_REQUESTED}. */
    EXTENSION_APPROVED,
    /** An extension rejected: the due time that was asked for, as {@link #EXTENSION_REQUESTED}. */
    EXTENSION_REJECTED,
    /** A supervisor urged an organization: {@code code}, {@code zh}, {@code en} (its names then); the note is the note. */
    URGED,
    /** The clock was paused: {@code reason} (a PauseReason). */
    PAUSED,
    /** The clock runs again: {@code reason}, the pause's. */
    RESUMED
}
