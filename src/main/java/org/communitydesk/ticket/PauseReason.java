package org.communitydesk.ticket;

/** Why a ticket's clock is paused (挂起): what the work waits on. */
public enum PauseReason {
    /** The resident must let the crew in, or answer: no access to the flat, say. */
    WAITING_FOR_RESIDENT,
    /** Another party (a utility, the property manager, a supplier) must act first. */
    WAITING_FOR_THIRD_PARTY
}
