package org.communitydesk.common;

/** 409: the request collides with something that exists, such as a code or user name already taken. */
public class ConflictProblem extends ProblemException {

    public ConflictProblem(String detail) {
        super(409, "conflict", "Conflict", detail);
    }
}
