package org.communitydesk.common;

/** 403: signed in, but this is not the caller's to do. */
public class ForbiddenProblem extends ProblemException {

    public ForbiddenProblem(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
