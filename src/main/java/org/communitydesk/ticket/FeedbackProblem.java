package org.communitydesk.ticket;

import org.communitydesk.common.ProblemException;

/** 409: feedback is not taken now: the ticket is not resolved, the 7 days are over, or it was already given. */
public class FeedbackProblem extends ProblemException {

    FeedbackProblem(String type, String title, String detail) {
        super(409, type, title, detail);
    }
}
