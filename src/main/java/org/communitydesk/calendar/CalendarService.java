package org.communitydesk.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.communitydesk.calendar.CalendarViews.CalendarDayView;
import org.communitydesk.calendar.CalendarViews.CalendarImportView;
import org.communitydesk.calendar.CalendarViews.CalendarYearView;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.LogSafe;
import org.communitydesk.common.NotFoundProblem;
import org.jboss.logging.Logger;

/**
 * ADMIN's upkeep of the working calendar. Writes take the calendar's row of start_lock first, so that two
 * administrators (or instances) writing at once wait for each other instead of colliding on a date.
 * A change applies to due times computed after it; due times already stored stay as they are.
 */
@ApplicationScoped
@Transactional
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @Inject
    WorkingCalendar calendar;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarYearView year(int year) {
        checkYear("year", year);
        List<CalendarDay> days = CalendarDay.ofYear(year);
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        days.forEach(d -> exceptions.put(d.calendarDate, d.kind));
        WorkingClock yearClock = new WorkingClock(calendar.zone(), calendar.workingHours(), exceptions);
        int working = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            working += yearClock.isWorkingDay(d) ? 1 : 0;
        }
        return new CalendarYearView(year, calendar.zone().getId(), calendar.workingHours().toString(), working,
                days.stream().map(CalendarDayView::of).toList());
    }

    /** Sets one day; true in {@link Put#created()} when the day was not listed before. */
    public Put put(String dateText, DayKind kind, String name, String by) {
        LocalDate date = date(dateText);
        String checked;
        try {
            checked = CalendarCsv.checkedName(date, kind, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem(kind == DayKind.MAKEUP_WORKDAY ? "kind" : "name", capitalised(e.getMessage()));
        }
        lock();
        Instant now = clock.instant();
        CalendarDay day = CalendarDay.findByDate(date).orElse(null);
        boolean created = day == null;
        if (created) {
            day = new CalendarDay();
            day.calendarDate = date;
        }
        day.kind = kind;
        day.name = checked;
        day.updatedAt = now;
        day.updatedBy = by;
        if (created) {
            day.persist();
        }
        LOG.infof("Working calendar: %s set to %s by %s; due times computed from now on use it, stored ones stay.",
                date, kind, LogSafe.of(by));
        return new Put(CalendarDayView.of(day), created);
    }

    public record Put(CalendarDayView day, boolean created) {
    }

    /** Removes one day: it is an ordinary day of the week again. */
    public void remove(String dateText, String by) {
        LocalDate date = date(dateText);
        lock();
        CalendarDay day = CalendarDay.findByDate(date).orElseThrow(() -> new NotFoundProblem("calendar day", date.toString()));
        day.delete();
        LOG.infof("Working calendar: %s (%s) removed by %s; due times computed from now on use it, stored ones stay.",
                date, day.kind, LogSafe.of(by));
    }

    /**
     * Imports a file in {@link CalendarCsv}'s format, all or nothing. Each day of the file is set as in
     * {@link #put}; with {@code replace}, the days of the file's years that the file does not list are removed,
     * so that a corrected file for a year replaces the year.
     */
    public CalendarImportView importCsv(String text, boolean replace, String by) {
        List<CalendarCsv.Entry> entries;
        try {
            entries = CalendarCsv.parse(text);
        } catch (CalendarCsv.BadLine bad) {
            throw new CalendarLineProblem(bad.line(), bad.getMessage());
        }
        if (entries.isEmpty()) {
            throw new InvalidRequestProblem("file", "The file lists no day; nothing was imported. "
                    + "Each line is date,kind,name, such as 2031-10-01,HOLIDAY,国庆节.");
        }
        for (CalendarCsv.Entry entry : entries) {
            int year = entry.date().getYear();
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new CalendarLineProblem(entry.line(), "the year " + year + " is outside " + FIRST_YEAR + "–"
                        + LAST_YEAR + ".");
            }
        }
        lock();
        Instant now = clock.instant();
        TreeSet<Integer> years = new TreeSet<>();
        entries.forEach(e -> years.add(e.date().getYear()));
        Map<LocalDate, CalendarDay> existing = new HashMap<>();
        for (int year : years) {
            CalendarDay.ofYear(year).forEach(d -> existing.put(d.calendarDate, d));
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (CalendarCsv.Entry entry : entries) {
            CalendarDay day = existing.remove(entry.date());
            if (day == null) {
                day = new CalendarDay();
                day.calendarDate = entry.date();
                day.kind = entry.kind();
                day.name = entry.name();
                day.updatedAt = now;
                day.updatedBy = by;
                day.persist();
                created++;
            } else if (day.kind != entry.kind() || !Objects.equals(day.name, entry.name())) {
                day.kind = entry.kind();
                day.name = entry.name();
                day.updatedAt = now;
                day.updatedBy = by;
                changed++;
            } else {
                unchanged++;
            }
        }
        int removed = 0;
        if (replace) {
            for (CalendarDay left : existing.values()) {
                left.delete();
                removed++;
            }
        }
        LOG.infof("Working calendar: %d days imported by %s for %s (%d new, %d changed, %d removed); due times "
                + "computed from now on use them, stored ones stay.", entries.size(), LogSafe.of(by), years, created,
                changed, removed);
        return new CalendarImportView(entries.size(), created, changed, unchanged, removed, List.copyOf(years));
    }

    static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestProblem("date", "'" + LogSafe.of(String.valueOf(text)) + "' is not a date like 2031-10-01.");
        }
        checkYear("date", date.getYear());
        return date;
    }

    static void checkYear(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidRequestProblem(field, "The calendar covers the years " + FIRST_YEAR + " to " + LAST_YEAR + ".");
        }
    }

    private void lock() {
        var rows = em.createNativeQuery("SELECT name FROM start_lock WHERE name = 'working-calendar' FOR UPDATE")
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The lock row 'working-calendar' is missing from table start_lock. "
                    + "Migration V25 did not run completely; check the Flyway history and start again.");
        }
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
