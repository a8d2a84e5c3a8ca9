package org.communitydesk.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The application's own metrics, all named here (Prometheus adds {@code _total} to counters and
 * {@code _seconds} to timers). Every tag value comes from a closed set (an enum, a reference code, a
 * key's database id), never from what a client typed, so that no caller can multiply the series.
 */
@ApplicationScoped
public class AppMetrics {

    /** Tickets logged; tags {@value #CHANNEL} (PHONE, WEB, OPEN311, …) and {@value #CATEGORY} (the category's code). */
    public static final String TICKETS_LOGGED = "communitydesk.tickets.logged";
    /** Moves made on tickets; tag {@value #ACTION} (dispatch, start, resolve, close, cancel, reopen). */
    public static final String TICKET_MOVES = "communitydesk.ticket.moves";
    /** Residents' lookups with a tracking and access code; tag {@value #OUTCOME}: found, not-found, refused (429). */
    public static final String PUBLIC_LOOKUPS = "communitydesk.public.lookups";
    /** Answers 429; tag {@value #REASON}: public-lookups or sign-ins. */
    public static final String TOO_MANY_REQUESTS = "communitydesk.too.many.requests";
    /**
     * A client stopped by a limit; tag {@value #KIND}: sign-in-address (30 failures in 5 minutes), sign-in-delayed
     * (an address starts waiting on a name), lookup-address (60 failed lookups a minute), access-code-client and
     * access-code-ticket (the guards of one ticket's access code).
     */
    public static final String LOCKOUTS = "communitydesk.lockouts";
    /** Open311 POSTs; tag {@value #KEY}: the API key's id, or none, unknown, revoked. */
    public static final String OPEN311_REQUESTS = "communitydesk.open311.requests";
    /** Time of the dashboard's statistics queries; tag {@value #QUERY}. */
    public static final String DASHBOARD_QUERY = "communitydesk.dashboard.query";

    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String ACTION = "action";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String KIND = "kind";
    public static final String KEY = "key";
    public static final String QUERY = "query";

    @Inject
    MeterRegistry registry;

    /** Adds one to the counter with these tags (name, value, name, value, …). */
    public void count(String name, String... tags) {
        registry.counter(name, tags).increment();
    }

    /** Runs {@code work}, recording its time under the timer with these tags. */
    public <T> T time(String name, Supplier<T> work, String... tags) {
        return Timer.builder(name).tags(tags).register(registry).record(work);
    }
}
