package org.communitydesk.ticket;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ticket state machine: every allowed move is listed here and nowhere else.
 * <pre>
 * REPORTED -> DISPATCHED -> IN_PROGRESS -> RESOLVED -> CLOSED
 * any open state -> CANCELLED;  RESOLVED | CLOSED -> DISPATCHED (reopen);  DISPATCHED -> REPORTED (return, 退单)
 * </pre>
 * Dispatching again while DISPATCHED or IN_PROGRESS changes the assignments and keeps the state; so does
 * accepting (签收), which each organization dispatched to does once, the extension steps (延期申请: request, approve,
 * reject), which move the due time, not the state, urging (督办), pausing and resuming (挂起). Who may make each move is in
 * {@link MovePermissions}, beside this table.
 */
public enum TicketStatus {
    REPORTED, DISPATCHED, IN_PROGRESS, RESOLVED, CLOSED, CANCELLED;

    private static final Map<TicketStatus, Map<TicketAction, TicketStatus>> MOVES = new EnumMap<>(TicketStatus.class);

    static {
        move(REPORTED, TicketAction.DISPATCH, DISPATCHED);
        move(REPORTED, TicketAction.CANCEL, CANCELLED);
        move(DISPATCHED, TicketAction.DISPATCH, DISPATCHED);
        move(DISPATCHED, TicketAction.START, IN_PROGRESS);
        move(DISPATCHED, TicketAction.CANCEL, CANCELLED);
        move(DISPATCHED, TicketAction.ACCEPT, DISPATCHED);
        move(DISPATCHED, TicketAction.RETURN, REPORTED);
        move(DISPATCHED, TicketAction.REQUEST_EXTENSION, DISPATCHED);
        move(DISPATCHED, TicketAction.APPROVE_EXTENSION, DISPATCHED);
        move(DISPATCHED, TicketAction.REJECT_EXTENSION, DISPATCHED);
        move(IN_PROGRESS, TicketAction.DISPATCH, IN_PROGRESS);
        move(IN_PROGRESS, TicketAction.RESOLVE, RESOLVED);
        move(IN_PROGRESS, TicketAction.CANCEL, CANCELLED);
        move(IN_PROGRESS, TicketAction.ACCEPT, IN_PROGRESS);
        move(IN_PROGRESS, TicketAction.REQUEST_EXTENSION, IN_PROGRESS);
        move(IN_PROGRESS, TicketAction.APPROVE_EXTENSION, IN_PROGRESS);
        move(IN_PROGRESS, TicketAction.REJECT_EXTENSION, IN_PROGRESS);
        move(DISPATCHED, TicketAction.URGE, DISPATCHED);
        move(IN_PROGRESS, TicketAction.URGE, IN_PROGRESS);
        for (TicketStatus open : new TicketStatus[] { REPORTED, DISPATCHED, IN_PROGRESS }) {
            move(open, TicketAction.PAUSE, open);
            move(open, TicketAction.RESUME, open);
        }
        move(RESOLVED, TicketAction.CLOSE, CLOSED);
        move(RESOLVED, TicketAction.REOPEN, DISPATCHED);
        move(CLOSED, TicketAction.REOPEN, DISPATCHED);
    }

    private static void move(TicketStatus from, TicketAction action, TicketStatus to) {
        MOVES.computeIfAbsent(from, s -> new EnumMap<>(TicketAction.class)).put(action, to);
    }

    /** The state after {@code action}, or empty when the action is not allowed from this state. */
    public Optional<TicketStatus> after(TicketAction action) {
        return Optional.ofNullable(MOVES.getOrDefault(this, Map.of()).get(action));
    }

    public Set<TicketAction> allowedActions() {
        Map<TicketAction, TicketStatus> moves = MOVES.get(this);
        return moves == null ? Set.of() : Collections.unmodifiableSet(moves.keySet());
    }

    /** Open tickets still need work: they count in the backlog and can become overdue. */
    public boolean isOpen() {
        return this == REPORTED || this == DISPATCHED || this == IN_PROGRESS;
    }

    /** Another call about the same problem can be added only while the ticket is open. */
    public boolean acceptsReports() {
        return isOpen();
    }

    /** A resolution can be rated while it stands: resolved, or closed by staff before the resident answered. */
    public boolean acceptsFeedback() {
        return this == RESOLVED || this == CLOSED;
    }

    public static Set<TicketStatus> openStates() {
        return Set.of(REPORTED, DISPATCHED, IN_PROGRESS);
    }

    /**
     * The open states as a JPQL list of enum literals, "(…REPORTED, …)": with a list parameter instead,
     * Hibernate translates the query anew on every call, and these queries run on every ticket view.
     */
    public static final String OPEN_STATES_JPQL = openStates().stream().sorted()
            .map(status -> TicketStatus.class.getName() + "." + status.name())
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
}
