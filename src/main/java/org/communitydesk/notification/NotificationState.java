package org.communitydesk.notification;

/** Where a notification stands. */
public enum NotificationState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** A channel accepted it. */
    SENT,
    /** Given up after its retries; the last error says why. */
    FAILED,
    /** Never sent: the resident's daily cap was reached, or its channel is not configured. */
    SKIPPED
}
