package org.communitydesk.directory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.communitydesk.common.NativeWrites;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

/**
 * Keeps every instance's cached areas and categories in step with the database. They live in Hibernate's
 * second-level cache, which hears only of this instance's writes: a change ({@link #changed()}, inside the
 * transaction that makes it) moves a number in the database, and every instance reads that number every few
 * seconds ({@code communitydesk.reference-data.check-every}) and drops its cached copies when it has moved.
 */
@ApplicationScoped
public class ReferenceDataVersion {

    private static final Logger LOG = Logger.getLogger(ReferenceDataVersion.class);

    @Inject
    EntityManager em;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    AgroalDataSource dataSource;

    private long seen = Long.MIN_VALUE;
    private boolean dropAgain;

    /** Marks a change to cached reference data; call it in the transaction that makes the change. */
    void changed() {
        NativeWrites.to(em, "reference_data_version",
                "update reference_data_version set version = version + 1 where id = 1").executeUpdate();
    }

    @Scheduled(identity = "reference-data-check", every = "${communitydesk.reference-data.check-every:5s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void checkOnSchedule() {
        check();
    }

    /**
     * Reads the number, and drops this instance's cached areas, categories and cached queries when it has moved
     * since the last check; returns whether it had. The copies are dropped once more at the next check: a
     * request that read the old row just before the change may have put it back in the meantime.
     */
    public synchronized boolean check() {
        long version;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select version from reference_data_version where id = 1")) {
            if (!row.next()) {
                LOG.error("reference_data_version has no row: another instance's change to areas or categories is"
                        + " not noticed here until a restart. Restore the row with:"
                        + " INSERT INTO reference_data_version (id, version) VALUES (1, 0)");
                return false;
            }
            version = row.getLong(1);
        } catch (SQLException e) {
            LOG.warnf("Could not read reference_data_version (%s): cached areas and categories are kept until the"
                    + " next check. If this repeats, check the database connection.", e.getMessage());
            return false;
        }
        boolean moved = version != seen;
        if (moved || dropAgain) {
            entityManagerFactory.unwrap(SessionFactory.class).getCache().evictAllRegions();
        }
        if (moved && seen != Long.MIN_VALUE) {
            LOG.infof("Areas or categories changed (reference data version %d, was %d): cached copies dropped",
                    version, seen);
        }
        dropAgain = moved;
        seen = version;
        return moved;
    }
}
