package org.communitydesk.ticket;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.function.BiPredicate;
import org.jboss.logging.Logger;

/**
 * Marks open tickets at risk (past {@link Ticket#AT_RISK_SHARE} of their time to resolve) and overdue (past their
 * due time), each once, with an INTERNAL timeline event that the outbox turns into the organization's notices.
 * Candidates are read in batches; each ticket is then marked in its own short transaction with its row locked
 * and checked again, as {@link AutomaticClosing} closes, so that a move made meanwhile or a second run never
 * marks a ticket twice.
 */
@ApplicationScoped
public class Escalation {

    private static final Logger LOG = Logger.getLogger(Escalation.class);

    static final int BATCH = 200;

    /** Marks what is due at {@code now}; returns how many marks this call made. */
    public long markDue(Instant now) {
        long marked = mark("t.atRiskFrom <= :now and t.dueAt >= :now and t.atRiskMarkedAt is null", now,
                Ticket::markAtRisk);
        return marked + mark("t.dueAt < :now and t.overdueMarkedAt is null", now, Ticket::markOverdue);
    }

    private long mark(String condition, Instant now, BiPredicate<Ticket, Instant> marking) {
        long marked = 0;
        int failed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager()
                    .createQuery("select t.id from Ticket t where t.status in " + TicketStatus.OPEN_STATES_JPQL
                            // A paused ticket's time stands: never marked while it waits (Ticket.isAtRisk/isOverdue).
                            + " and t.pausedAt is null and " + condition + " and t.id > :after order by t.id", Long.class)
                    .setParameter("now", now).setParameter("after", from).setMaxResults(BATCH).getResultList());
            for (Long id : ids) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> markLocked(id, now, marking))) {
                        marked++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.errorf(e, "Ticket id %d could not be marked at risk or overdue; the next run tries again. "
                            + "If this repeats, look at the ticket's data and the error above.", id);
                }
            }
            if (ids.size() < BATCH) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " tickets could not be marked at risk or overdue (" + marked
                    + " were); see the errors above. The next run tries again.");
        }
        return marked;
    }

    private static boolean markLocked(long id, Instant now, BiPredicate<Ticket, Instant> marking) {
        Ticket ticket = Ticket.<Ticket>find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (ticket == null || !marking.test(ticket, now)) {
            return false;
        }
        ticket.flush();
        return true;
    }
}
