package org.communitydesk.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.TicketStatus;
import org.jboss.logging.Logger;

/**
 * Finds open tickets whose deadline passed within the last day and writes their overdue notices (to the lead
 * organization and the street office's supervisors), once per deadline and target. Runs on one instance per run.
 */
@ApplicationScoped
public class OverdueNotices {

    private static final Logger LOG = Logger.getLogger(OverdueNotices.class);
    /** Deadlines further back were either told already or passed while the job was off; they are not told late. */
    static final Duration LOOK_BACK = Duration.ofDays(1);
    static final int BATCH = 200;

    @Inject
    Outbox outbox;

    public long writeDue(Instant now) {
        long written = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager()
                    .createQuery("select t.id from Ticket t where t.status in :open and t.pausedAt is null and t.dueAt < :now and t.dueAt >= :since "
                            + "and t.id > :after order by t.id", Long.class)
                    .setParameter("open", TicketStatus.openStates()).setParameter("now", now)
                    .setParameter("since", now.minus(LOOK_BACK)).setParameter("after", from)
                    .setMaxResults(BATCH).getResultList());
            for (Long id : ids) {
                try {
                    written += QuarkusTransaction.requiringNew().call(() -> {
                        Ticket ticket = Ticket.findById(id);
                        return ticket != null && ticket.isOverdue(now) ? outbox.overdue(ticket, now) : 0;
                    });
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Overdue notices of ticket id %d could not be written; the next run tries again.", id);
                }
            }
            if (ids.size() < BATCH) {
                return written;
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
