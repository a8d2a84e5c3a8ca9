package org.communitydesk.ticket;

/** Every dispatch has exactly one LEAD organization; the others SUPPORT it. */
public enum AssignmentRole {
    LEAD, SUPPORT
}
