package org.communitydesk.ticket;

/** How a problem reached the community office. */
public enum Channel {
    PHONE, WALK_IN, HOTLINE_12345, WEB, OPEN311
}
