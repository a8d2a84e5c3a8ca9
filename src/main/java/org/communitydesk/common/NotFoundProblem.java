package org.communitydesk.common;

import java.util.Map;

/** 404 for an unknown ticket or reference code. */
public class NotFoundProblem extends ProblemException {

    private final String resource;
    private final String code;

    public NotFoundProblem(String resource, String code) {
        super(404, "not-found", "Not found", "No " + resource + " with code '" + code + "'.");
        this.resource = resource;
        this.code = code;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("resource", resource, "code", code);
    }
}
