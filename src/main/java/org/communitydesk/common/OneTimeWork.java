package org.communitydesk.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Start-up work that must happen once however many instances start at the same moment on one database.
 * The work runs in a transaction that first locks its row of {@code start_lock} (SELECT ... FOR UPDATE):
 * a second instance waits on that row until the first commits, then checks again and finds the work done.
 */
@ApplicationScoped
public class OneTimeWork {

    private static final Logger LOG = Logger.getLogger(OneTimeWork.class);

    /** H2 gives up on a lock after LOCK_TIMEOUT (10 s in our URLs); waiting this many times covers a slow first start. */
    static final int MAX_WAITS = 30;

    @Inject
    EntityManager em;

    /** Runs {@code work} in a new transaction holding the named lock; the work checks whether it is still to do. */
    public void run(String lockName, Runnable work) {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    lock(lockName);
                    work.run();
                });
                return;
            } catch (RuntimeException e) {
                if (!isLockTimeout(e) || attempt >= MAX_WAITS) {
                    throw e;
                }
                LOG.infof("Another instance is doing the start-up work '%s'; still waiting for it (%d).", lockName,
                        attempt);
            }
        }
    }

    private void lock(String lockName) {
        var rows = em.createNativeQuery("SELECT name FROM start_lock WHERE name = ?1 FOR UPDATE")
                .setParameter(1, lockName).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The start-up lock '" + lockName + "' is missing from table start_lock. "
                    + "The database migrations did not run completely; check the Flyway history and start again.");
        }
    }

    /** A lock wait that ran out: H2's LOCK_TIMEOUT (HYT00) or a PostgreSQL lock_timeout (55P03), if one is set. */
    static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("HYT00".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
