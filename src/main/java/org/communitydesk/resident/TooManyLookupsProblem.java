package org.communitydesk.resident;

import java.util.Map;
import org.communitydesk.common.ProblemException;

/** 429: too many failed lookups from one client address; Retry-After says when to try again. */
public class TooManyLookupsProblem extends ProblemException {

    private final long retryAfterSeconds;

    TooManyLookupsProblem(long retryAfterSeconds) {
        super(429, "too-many-lookups", "Too many failed lookups",
                "Too many wrong tracking or access codes came from your address within a minute. "
                        + "Try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
