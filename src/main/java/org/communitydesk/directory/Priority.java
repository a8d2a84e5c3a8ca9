package org.communitydesk.directory;

/** How urgent a ticket is; it picks the SLA targets of the ticket's category. */
public enum Priority {
    LOW, NORMAL, URGENT
}
