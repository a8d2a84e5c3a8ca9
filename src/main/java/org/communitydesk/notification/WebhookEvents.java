package org.communitydesk.notification;

import java.util.List;

/** The event types a webhook may ask for: the ticket's moves that matter outside, AT_RISK and OVERDUE, and URGED (督办). */
final class WebhookEvents {

    static final String OVERDUE = "OVERDUE";

    static final List<String> TYPES = List.of("REPORTED", "DISPATCHED", "REASSIGNED", "STARTED", "RESOLVED", "CLOSED",
            "CANCELLED", "REOPENED", "FEEDBACK", "NOTE", "AT_RISK", OVERDUE, "URGED");

    private WebhookEvents() {
    }
}
