package org.communitydesk.ticket;

import java.util.Map;
import org.communitydesk.common.Problem;
import org.communitydesk.common.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 412: the client's If-Match names a version of the ticket that is no longer current. */
public class StaleTicketProblem extends ProblemException {

    private final long currentVersion;

    StaleTicketProblem(String ticketCode, ExpectedVersion expected, long currentVersion) {
        super(412, "stale-version", "Ticket changed meanwhile",
                expected.sent() + " does not match ticket " + ticketCode + ", which is now at version \""
                        + currentVersion + "\". Reload the ticket and decide again.");
        this.currentVersion = currentVersion;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("currentVersion", currentVersion);
    }

    /** The answer's schema: a Problem that always carries currentVersion. */
    @Schema(name = "StaleVersionProblem", allOf = Problem.class, requiredProperties = "currentVersion",
            description = "412, type urn:communitydesk:problem:stale-version: If-Match names an older version. "
                    + "currentVersion is the version now; read the ticket again and decide again.")
    static final class Body {
        private Body() {
        }
    }
}
