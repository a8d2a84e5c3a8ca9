package org.communitydesk.ticket;

/** Who gave the feedback: the resident through the public API, or staff on a follow-up call (回访). */
public enum FeedbackSource {
    RESIDENT, FOLLOW_UP_CALL
}
