package org.communitydesk.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import org.communitydesk.common.AppConfig;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Tracking codes such as {@code CD-2026-000042}: the year of the report and a number from a
 * database sequence, so that several instances sharing a database never hand out the same code.
 */
@ApplicationScoped
public class TicketCodes {

    @Inject
    EntityManager entityManager;

    @Inject
    AppConfig config;

    private volatile String nextValueSql;

    public String next(Instant reportedAt) {
        Number value = (Number) entityManager.createNativeQuery(nextValueSql()).getSingleResult();
        int year = reportedAt.atZone(ZoneId.of(config.zone())).getYear();
        return String.format("CD-%d-%06d", year, value.longValue());
    }

    private String nextValueSql() {
        if (nextValueSql == null) {
            // The dialect knows how this database spells "next value of a sequence".
            nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("ticket_code_seq");
        }
        return nextValueSql;
    }
}
