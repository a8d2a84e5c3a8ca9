package org.communitydesk.ticket;

/** PUBLIC events may be shown to residents; INTERNAL ones stay with staff. */
public enum Visibility {
    PUBLIC, INTERNAL
}
