package org.communitydesk.ticket;

/** What happened to a ticket. */
public enum EventType {
    REPORTED, REPORT_ADDED, DISPATCHED, REASSIGNED, STARTED, RESOLVED, CLOSED, CANCELLED, REOPENED, NOTE, FEEDBACK, ACCESS_CODE_ISSUED, ACCESS_BLOCKS_LIFTED
}
