package org.communitydesk.notification;

import java.util.List;

/**
 * The event types a webhook may ask for: the ticket's moves that matter outside, AT_RISK, OVERDUE, RETURNED (the
 * lead organization sent the order back, 退单: the document names the ticket, never the staff's comment),
 * EXTENSION_REQUESTED (an integration that tracks deadlines hears that one may move) and URGED (督办).
 */
final class WebhookEvents {

    static final String OVERDUE = "OVERDUE";

    static final List<String> TYPES = List.of("REPORTED", "DISPATCHED", "REASSIGNED", "STARTED", "RESOLVED", "CLOSED",
            "CANCELLED", "REOPENED", "FEEDBACK", "NOTE", "AT_RISK", OVERDUE,
            "RETURNED", "EXTENSION_REQUESTED", "URGED");

    private WebhookEvents() {
    }
}
