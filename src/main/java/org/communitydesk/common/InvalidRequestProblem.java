package org.communitydesk.common;

import java.util.List;
import java.util.Map;

/** 400 for input that is well-formed but names something that does not fit (an unknown code, a bad combination). */
public class InvalidRequestProblem extends ProblemException {

    private final List<Violation> violations;

    public InvalidRequestProblem(String field, String message) {
        super(400, "invalid-request", "Invalid request", message);
        this.violations = List.of(new Violation(field, message));
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("violations", violations);
    }
}
