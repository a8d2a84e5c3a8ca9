package org.communitydesk.resident;

import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.resident.PublicTicketView.Name;

/**
 * A ticket this client may not open for now after too many wrong access codes. The API answers exactly as for
 * an unknown ticket (the same 404); the status page tells the resident to call the community office instead
 * of "wrong code" forever, since only staff can lift the block (a new access code does).
 */
class TicketBlockedProblem extends NotFoundProblem {

    private final transient Name community;
    private final String officePhone;

    TicketBlockedProblem(String code, Name community, String officePhone) {
        super("ticket", code);
        this.community = community;
        this.officePhone = officePhone;
    }

    Name community() {
        return community;
    }

    String officePhone() {
        return officePhone;
    }
}
