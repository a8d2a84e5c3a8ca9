package org.communitydesk.dashboard;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.communitydesk.common.InvalidRequestProblem;

/** The dashboard's period (local dates, both included) and optional area, as chosen by the user. */
public record StatsFilter(LocalDate from, LocalDate to, String streetOffice, String community) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    /** Reads the query parameters; the period defaults to the last 30 days up to today. */
    public static StatsFilter of(String from, String to, String streetOffice, String community, LocalDate today) {
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(DEFAULT_DAYS - 1));
        if (start.isAfter(end)) {
            throw new PeriodProblem(PeriodProblem.Kind.REVERSED, "from", start + "", end + "",
                    "from (" + start + ") is after to (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new PeriodProblem(PeriodProblem.Kind.TOO_LONG, "from", start + "", end + "",
                    "The period may span at most " + MAX_DAYS + " days.");
        }
        return new StatsFilter(start, end, blankToNull(streetOffice), blankToNull(community));
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new PeriodProblem(PeriodProblem.Kind.NOT_A_DATE, field, null, null,
                    field + " must be a date like 2026-11-01.");
        }
    }

    /** A period the dashboard cannot show; the kind and dates let a page say so in its own language. */
    static final class PeriodProblem extends InvalidRequestProblem {

        enum Kind { REVERSED, TOO_LONG, NOT_A_DATE }

        final Kind kind;
        final String field;
        final String from;
        final String to;

        PeriodProblem(Kind kind, String field, String from, String to, String detail) {
            super(field, detail);
            this.kind = kind;
            this.field = field;
            this.from = from;
            this.to = to;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
