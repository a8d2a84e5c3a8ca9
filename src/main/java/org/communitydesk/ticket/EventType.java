package org.communitydesk.ticket;

/** What happened to a ticket. */
public enum EventType {
    REPORTED, REPORT_ADDED, DISPATCHED, REASSIGNED, STARTED, RESOLVED, CLOSED, CANCELLED, REOPENED, NOTE, FEEDBACK, ACCESS_CODE_ISSUED, ACCESS_BLOCKS_LIFTED,
    /** The resident stopped text messages from the status page. */
    MESSAGES_STOPPED,
    /** A notification about the ticket was delivered (INTERNAL). */
    NOTIFICATION_SENT,
    /** A notification about the ticket was given up after its retries (INTERNAL). */
    NOTIFICATION_FAILED,
    /** A photo was added (photo package); PUBLIC or INTERNAL as the photo is. */
    PHOTO_ADDED,
    /** A photo was removed by an ADMIN, with the reason (INTERNAL). */
    PHOTO_REMOVED,
    /** The escalation job found the ticket past 80% of its time to resolve (INTERNAL, once). */
    AT_RISK,
    /** The escalation job found the ticket past its due time (INTERNAL, once). */
    OVERDUE,
    /** An organization accepted its order (签收): PUBLIC for the lead, INTERNAL for a supporting one. */
    ACCEPTED,
    /** The lead organization returned the order (退单), with a reason and a comment: INTERNAL. */
    RETURNED,
    /** The lead organization asked for a later due time, with the reason (INTERNAL). */
    EXTENSION_REQUESTED,
    /** A supervisor approved the extension: the new due time, for everyone (PUBLIC, without the reason). */
    EXTENSION_APPROVED,
    /** A supervisor rejected the extension, with why (INTERNAL). */
    EXTENSION_REJECTED,
    /** A supervisor urged the lead organization (督办), with a note (INTERNAL). */
    URGED,
    /** Staff paused the ticket's clock (挂起): PUBLIC, in fixed words; the comment is a separate INTERNAL note. */
    PAUSED,
    /** Staff resumed the paused clock (PUBLIC, in fixed words). */
    RESUMED
}
