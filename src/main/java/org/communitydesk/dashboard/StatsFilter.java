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
            throw new InvalidRequestProblem("from", "from (" + start + ") is after to (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidRequestProblem("from", "The period may span at most " + MAX_DAYS + " days.");
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
            throw new InvalidRequestProblem(field, field + " must be a date like 2026-11-01.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
