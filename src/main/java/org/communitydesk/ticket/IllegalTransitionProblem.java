package org.communitydesk.ticket;

import java.util.LinkedHashMap;
import java.util.Map;
import org.communitydesk.common.ProblemException;

/** 409: the move is not allowed from the ticket's current state. */
public class IllegalTransitionProblem extends ProblemException {

    private final TicketStatus current;
    private final String attempted;

    IllegalTransitionProblem(String ticketCode, TicketStatus current, String attempted) {
        super(409, "illegal-transition", "Illegal transition",
                "Ticket " + ticketCode + " is " + current + "; '" + attempted + "' is not allowed from " + current
                        + ". Allowed: " + (current.allowedActions().isEmpty() ? "none" : names(current)) + ".");
        this.current = current;
        this.attempted = attempted;
    }

    private static String names(TicketStatus status) {
        return String.join(", ", status.allowedActions().stream().map(TicketAction::pathName).sorted().toList());
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("currentStatus", current);
        extensions.put("attempted", attempted);
        extensions.put("allowedActions", current.allowedActions().stream().map(TicketAction::pathName).sorted().toList());
        return extensions;
    }
}
