package org.communitydesk.resident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.communitydesk.common.AppMetrics;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.common.ClientFailure.Kind;
import org.communitydesk.common.LogSafe;
import org.jboss.logging.Logger;

/**
 * Failed public lookups per client address: past {@link Kind#PUBLIC_LOOKUP}'s limit (60 within a
 * minute) the client gets 429 until enough of them are a minute old, whatever it asks. Counted in the
 * database ({@link ClientFailure}), so that every instance behind a load balancer shares one count.
 * Both methods run in the lookup's transaction: a failure is committed with the 404 it answers.
 */
@ApplicationScoped
public class ClientThrottle {

    private static final Logger LOG = Logger.getLogger(ClientThrottle.class);

    @Inject
    AppMetrics metrics;

    /** Throws 429 when the client already failed as often as it may in the current window. */
    void checkAllowed(String client, Instant now) {
        ClientFailure.refusal(Kind.PUBLIC_LOOKUP, client, now).ifPresent(refusal -> {
            metrics.count(AppMetrics.PUBLIC_LOOKUPS, AppMetrics.OUTCOME, "refused");
            metrics.count(AppMetrics.TOO_MANY_REQUESTS, AppMetrics.REASON, "public-lookups");
            throw new TooManyLookupsProblem(refusal.retryAfterSeconds());
        });
    }

    void recordFailure(String client, Instant now) {
        metrics.count(AppMetrics.PUBLIC_LOOKUPS, AppMetrics.OUTCOME, "not-found");
        if (ClientFailure.record(Kind.PUBLIC_LOOKUP, client, now)) {
            metrics.count(AppMetrics.LOCKOUTS, AppMetrics.KIND, "lookup-address");
            LOG.warnf("Public lookups from %s are refused with 429 for up to %d seconds after %d wrong tracking or "
                    + "access codes. If many residents share this address, check that the reverse proxy's "
                    + "quarkus.http.proxy.* settings are in place.", LogSafe.of(client), Kind.PUBLIC_LOOKUP.window.toSeconds(),
                    Kind.PUBLIC_LOOKUP.maxFailures);
        }
    }
}
