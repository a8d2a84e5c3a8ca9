package org.communitydesk.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** A code as people type it: any case, dashes or spaces anywhere ({@code cd 2026 000042}, {@code CD2026000042}). */
    private static final Pattern TYPED = Pattern.compile("CD(\\d{4})(\\d{6,})");

    private volatile String nextValueSql;

    /**
     * The tracking code as stored, from a code as a resident or a colleague types or reads it out: case,
     * dashes and spaces do not matter. Anything that is not a tracking code comes back stripped and
     * upper-cased, and then simply matches no ticket.
     */
    public static String canonical(String typed) {
        if (typed == null) {
            return "";
        }
        String folded = typed.replaceAll("[\\s\\-‐-―－]", "").toUpperCase(Locale.ROOT);
        Matcher matcher = TYPED.matcher(folded);
        return matcher.matches() ? "CD-" + matcher.group(1) + "-" + matcher.group(2) : typed.strip().toUpperCase(Locale.ROOT);
    }

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
