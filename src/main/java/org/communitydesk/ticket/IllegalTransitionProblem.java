package org.communitydesk.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communitydesk.common.ProblemException;

/** 409: the move is not allowed from the ticket's current state (or, for accept, is already made). */
public class IllegalTransitionProblem extends ProblemException {

    private final TicketStatus current;
    private final String attempted;
    private final List<String> allowed;

    /** The aggregate's own guard: the moves the state allows, whoever asks. */
    IllegalTransitionProblem(String ticketCode, TicketStatus current, String attempted) {
        this(ticketCode, current, attempted, names(current));
    }

    /** The service's refusal: the moves the caller may make now. */
    IllegalTransitionProblem(String ticketCode, TicketStatus current, String attempted, List<String> allowed) {
        this(ticketCode, current, attempted, allowed, "Ticket " + ticketCode + " is " + current + "; '" + attempted
                + "' is not allowed from " + current + ". Allowed: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".");
    }

    IllegalTransitionProblem(String ticketCode, TicketStatus current, String attempted, List<String> allowed,
            String detail) {
        super(409, "illegal-transition", "Illegal transition", detail);
        this.current = current;
        this.attempted = attempted;
        this.allowed = List.copyOf(allowed);
    }

    private static List<String> names(TicketStatus status) {
        return status.allowedActions().stream().map(TicketAction::pathName).sorted().toList();
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("currentStatus", current);
        extensions.put("attempted", attempted);
        extensions.put("allowedActions", allowed);
        return extensions;
    }
}
