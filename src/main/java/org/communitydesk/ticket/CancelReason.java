package org.communitydesk.ticket;

/** Why a ticket was cancelled; DUPLICATE names the ticket it duplicates. */
public enum CancelReason {
    DUPLICATE, WITHDRAWN, OUT_OF_SCOPE, INVALID
}
