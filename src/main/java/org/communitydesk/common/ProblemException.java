package org.communitydesk.common;

import java.util.Map;

/**
 * A failure the client can act on. {@link ProblemMapper} turns it into an RFC 9457 body;
 * the fields beyond type/title/status/detail go out as extension members.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    protected ProblemException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** A short slug; the mapper turns it into the problem's type URI. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return Map.of();
    }

    /** HTTP headers the answer carries besides the body, such as Retry-After. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
