package org.communitydesk.security;

import java.util.Map;
import org.communitydesk.common.ProblemException;

/**
 * 429: too many failed sign-ins from one client address, over all accounts or on one account (the growing
 * delay of {@link SignInThrottle}). Refused before any password is checked, so a good password is refused
 * too until then; Retry-After says when.
 */
public class TooManySignInsProblem extends ProblemException {

    private final long retryAfterSeconds;
    /** The delay is on one account name (from this address), not on the whole address. */
    private final boolean onAccount;

    TooManySignInsProblem(long retryAfterSeconds) {
        this(retryAfterSeconds, "Too many failed sign-ins came from your address within a few minutes. No password "
                + "is checked from it until then; try again in " + retryAfterSeconds + " seconds.", false);
    }

    private TooManySignInsProblem(long retryAfterSeconds, String detail, boolean onAccount) {
        super(429, "too-many-sign-ins", "Too many failed sign-ins", detail);
        this.retryAfterSeconds = retryAfterSeconds;
        this.onAccount = onAccount;
    }

    public boolean onAccount() {
        return onAccount;
    }

    /** The growing delay for one account name from one address. */
    static TooManySignInsProblem forAccount(long retryAfterSeconds) {
        return new TooManySignInsProblem(retryAfterSeconds, "Sign-ins with this user name from your address failed "
                + "several times; each further attempt waits longer. Try again in " + retryAfterSeconds + " seconds.", true);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
