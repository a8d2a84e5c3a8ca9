package org.communitydesk.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.common.FormDraft;
import org.communitydesk.console.FlashMessage;
import org.communitydesk.dashboard.FigureRollups;
import org.communitydesk.notification.Notification;
import org.communitydesk.notification.NotificationConfig;
import org.communitydesk.photo.PhotoOrphans;
import org.communitydesk.security.SecurityEvent;
import org.communitydesk.security.SignInFailure;
import org.communitydesk.ticket.AccessGuard;
import org.communitydesk.ticket.ClientAccessGuard;
import org.jboss.logging.Logger;

/**
 * Removes rows that no longer count for anything: expired guards and throttles, and security-log rows past
 * their retention time; and photo files that no row names. Each table is one line of {@link #sweeps()}, swept in its own transaction.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    /** One table to sweep: its name (for logs) and the delete, given the current time, returning the rows removed. */
    record Sweep(String table, ToLongFunction<Instant> deleteExpired) {
    }

    @Inject
    AppConfig config;

    @Inject
    NotificationConfig notifications;

    @Inject
    PhotoOrphans photoOrphans;

    @Inject
    FigureRollups figureRollups;

    /** A new table of expiring rows is one more line here (its static deleteExpired(Instant now) method). */
    List<Sweep> sweeps() {
        return List.of(
                new Sweep("ticket_access_guard", AccessGuard::deleteExpired),
                new Sweep("ticket_access_block", ClientAccessGuard::deleteExpired),
                new Sweep("client_failure", ClientFailure::deleteExpired),
                new Sweep("sign_in_failure", SignInFailure::deleteExpired),
                new Sweep("flash_message", FlashMessage::deleteExpired),
                new Sweep("form_draft", FormDraft::deleteExpired),
                new Sweep("security_event",
                        now -> SecurityEvent.deleteOlderThan(now.minus(config.securityLog().retention()))),
                new Sweep("notification",
                        now -> Notification.deleteDoneBefore(now.minus(notifications.retentionInForce()))),
                // With the figures job off, nothing reads the marks and the stored days would not be kept up.
                new Sweep("ticket_figures_stale", now -> BackgroundJobs.halfOf(config.jobs().figures().every()).isZero()
                        ? figureRollups.forgetAll() : 0),
                // Not a table: the photo files no ticket_photo row names, past their grace time.
                new Sweep("photo store", photoOrphans::sweep));
    }

    /** Sweeps every table; returns the rows removed. A failing table does not stop the others. */
    public long run(Instant now) {
        long total = 0;
        List<String> failed = new ArrayList<>();
        for (Sweep sweep : sweeps()) {
            try {
                long removed = QuarkusTransaction.requiringNew().call(() -> sweep.deleteExpired().applyAsLong(now));
                if (removed > 0) {
                    LOG.debugf("Housekeeping removed %d rows from %s.", removed, sweep.table());
                }
                total += removed;
            } catch (RuntimeException e) {
                failed.add(sweep.table());
                LOG.errorf(e, "Housekeeping could not clean table %s; its old rows stay until the next run, which "
                        + "tries again. If this repeats, check the error above.", sweep.table());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Housekeeping failed on " + String.join(", ", failed) + " (removed " + total
                    + " rows elsewhere); see the errors above.");
        }
        return total;
    }
}
