package org.communitydesk.security;

import java.util.Map;
import org.communitydesk.common.ProblemException;

/**
 * 429: too many failed sign-ins from one client address. Refused before any password is checked, so a
 * good password is refused too until the window has room again; Retry-After says when.
 */
public class TooManySignInsProblem extends ProblemException {

    private final long retryAfterSeconds;

    TooManySignInsProblem(long retryAfterSeconds) {
        super(429, "too-many-sign-ins", "Too many failed sign-ins",
                "Too many failed sign-ins came from your address within a few minutes. No password is checked "
                        + "from it until then; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
