package org.communitydesk.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * Working time in the installation's zone, as a plain object: the usual week (Monday to Friday on, Saturday
 * and Sunday off), changed by the calendar's exceptions (holidays off, make-up working days on), and the same
 * working hours on every working day. Every computation is in local wall-clock time of the zone.
 * <ul>
 * <li>{@link TargetUnit#HOURS}: start plus the hours, whatever the calendar.</li>
 * <li>{@link TargetUnit#WORKING_HOURS}: the hours are counted inside working periods only, from the start
 * (or from the next opening when the start falls outside them); due the moment the last one is used up.</li>
 * <li>{@link TargetUnit#WORKING_DAYS}: the local day of the start never counts, whatever the hour (Civil Code
 * art. 201: a period in days starts on the next day); the next N working days are counted, and it is due at
 * the close of business of the N-th (art. 203: where there are business hours, the period ends when business
 * stops). So 3 working days from Friday 19:40, or from Friday 08:00, or from Saturday, is Wednesday's closing
 * time in an ordinary week; a holiday or make-up day in between moves it by that day.</li>
 * </ul>
 */
public final class WorkingClock implements DueTimes {

    /** No calendar has ten years without a working day; past that the data is wrong, not the clock. */
    private static final int SEARCH_DAYS = 3660;

    private final ZoneId zone;
    private final WorkingHours hours;
    private final Map<LocalDate, DayKind> exceptions;

    public WorkingClock(ZoneId zone, WorkingHours hours, Map<LocalDate, DayKind> exceptions) {
        this.zone = zone;
        this.hours = hours;
        this.exceptions = Map.copyOf(exceptions);
    }

    public ZoneId zone() {
        return zone;
    }

    public WorkingHours workingHours() {
        return hours;
    }

    /** Weekdays are working days and weekends are not, unless the calendar lists the day. */
    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind == DayKind.MAKEUP_WORKDAY;
        }
        return !isWeekend(date);
    }

    public static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    @Override
    public Instant due(Instant start, TimeTarget target) {
        if (target.amount() == 0) {
            return start;
        }
        return switch (target.unit()) {
            case HOURS -> start.plus(Duration.ofHours(target.amount()));
            case WORKING_HOURS -> plusWorkingTime(start, Duration.ofHours(target.amount()));
            case WORKING_DAYS -> closeOfWorkingDay(start, target.amount());
        };
    }

    /** The moment {@code amount} of working time after {@code start} is used up. */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        LocalDateTime from = LocalDateTime.ofInstant(start, zone);
        Duration left = amount;
        LocalDate day = from.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingHours.Period period : hours.periods()) {
                LocalDateTime close = day.atTime(period.end());
                if (!close.isAfter(from)) {
                    continue;
                }
                LocalDateTime open = day.atTime(period.start());
                LocalDateTime begin = open.isBefore(from) ? from : open;
                Duration available = Duration.between(begin, close);
                if (available.compareTo(left) >= 0) {
                    return begin.plus(left).atZone(zone).toInstant();
                }
                left = left.minus(available);
            }
        }
        throw noWorkingDays(from.toLocalDate());
    }

    /** The close of business on the {@code n}-th working day after the local day of {@code start}. */
    public Instant closeOfWorkingDay(Instant start, int n) {
        LocalDate day = LocalDate.ofInstant(start, zone);
        int counted = 0;
        for (int i = 0; i < SEARCH_DAYS; i++) {
            day = day.plusDays(1);
            if (isWorkingDay(day) && ++counted == n) {
                return day.atTime(hours.closing()).atZone(zone).toInstant();
            }
        }
        throw noWorkingDays(LocalDate.ofInstant(start, zone));
    }

    /** The working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime begin = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = begin.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingHours.Period period : hours.periods()) {
                LocalDateTime open = max(day.atTime(period.start()), begin);
                LocalDateTime close = min(day.atTime(period.end()), end);
                if (close.isAfter(open)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
        }
        return total;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static IllegalStateException noWorkingDays(LocalDate from) {
        return new IllegalStateException("The working calendar has no working day in the ten years after " + from
                + ": remove the holidays that cover them (GET /api/calendar/days?year=...).");
    }
}
