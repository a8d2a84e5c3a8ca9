package org.communitydesk.ticket;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Closes the resolved tickets whose residents did not answer within {@link Ticket#FEEDBACK_WINDOW}.
 * Candidates are read in batches; each ticket is then closed in its own short transaction with its row
 * locked and its state checked again, the way staff moves are made, so a concurrent move, a resident's
 * answer or a second instance running the same job never closes a ticket twice.
 */
@ApplicationScoped
public class AutomaticClosing {

    private static final Logger LOG = Logger.getLogger(AutomaticClosing.class);

    static final int BATCH = 200;

    /** Closes every ticket due at {@code now}; returns how many this call closed. */
    public long closeDue(Instant now) {
        Instant resolvedBefore = now.minus(Ticket.FEEDBACK_WINDOW);
        long closed = 0;
        int failed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager()
                    .createQuery("select t.id from Ticket t where t.status = :resolved and t.resolvedAt < :before "
                            + "and t.id > :after order by t.id", Long.class)
                    .setParameter("resolved", TicketStatus.RESOLVED).setParameter("before", resolvedBefore)
                    .setParameter("after", from).setMaxResults(BATCH).getResultList());
            for (Long id : ids) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> closeIfDue(id, now))) {
                        closed++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.errorf(e, "Ticket id %d could not be closed automatically; it stays RESOLVED and the next run "
                            + "tries again. If this repeats, look at the ticket's data and the error above.", id);
                }
            }
            if (ids.size() < BATCH) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " tickets due for automatic closing could not be closed (" + closed
                    + " were); see the errors above. They stay RESOLVED and the next run tries again.");
        }
        return closed;
    }

    /** Locks the ticket and closes it if it is still due; false when a move or an answer got there first. */
    boolean closeIfDue(long id, Instant now) {
        Ticket ticket = Ticket.<Ticket>find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (ticket == null || !ticket.isDueForAutomaticClosing(now)) {
            return false;
        }
        ticket.closeAutomatically(now);
        ticket.flush();
        LOG.debugf("Ticket %s closed automatically: no answer within %s of its resolution.", ticket.code,
                Ticket.FEEDBACK_WINDOW);
        return true;
    }
}
