package org.communitydesk.notification;

/** Who a notification is for. */
public enum Audience {
    /** The caller, by text message, only when they agreed at intake. */
    RESIDENT,
    /** An organization's crew, through the targets registered for the organization. */
    ORGANIZATION,
    /** A street office's supervisors, through the targets registered for the street office. */
    SUPERVISOR,
    /** An integration (a 12345 platform, a city dashboard), through a signed webhook registered for the event types it wants. */
    INTEGRATION
}
