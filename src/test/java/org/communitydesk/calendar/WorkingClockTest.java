package org.communitydesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The working-day clock as a plain object, on a calendar made up here (not an official one): in Asia/Shanghai,
 * with 09:00–12:00 and 13:30–17:30 worked (7 hours), an autumn week off from Wednesday 1 to Tuesday 7 October 2031
 * (the 4th and 5th are a weekend anyway), worked Sunday 28 September and Saturday 11 October instead.
 */
class WorkingClockTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingHours HOURS = WorkingHours.parse("09:00-12:00,13:30-17:30");
    static final Map<LocalDate, DayKind> AUTUMN_2031 = Map.of(
            LocalDate.parse("2031-09-28"), DayKind.MAKEUP_WORKDAY,
            LocalDate.parse("2031-10-01"), DayKind.HOLIDAY,
            LocalDate.parse("2031-10-02"), DayKind.HOLIDAY,
            LocalDate.parse("2031-10-03"), DayKind.HOLIDAY,
            LocalDate.parse("2031-10-04"), DayKind.HOLIDAY,
            LocalDate.parse("2031-10-06"), DayKind.HOLIDAY,
            LocalDate.parse("2031-10-07"), DayKind.HOLIDAY,
            LocalDate.parse("2031-10-11"), DayKind.MAKEUP_WORKDAY);

    final WorkingClock clock = new WorkingClock(SHANGHAI, HOURS, AUTUMN_2031);
    final WorkingClock plainWeeks = new WorkingClock(SHANGHAI, HOURS, Map.of());

    /** An instant given as Shanghai's wall-clock time. */
    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    // --- Which days are worked -----------------------------------------------------------------------

    @Test
    void weekdaysAreWorkedAndWeekendsAreNotUnlessTheCalendarSaysOtherwise() {
        assertThat(plainWeeks.isWorkingDay(LocalDate.parse("2031-09-26"))).as("a Friday").isTrue();
        assertThat(plainWeeks.isWorkingDay(LocalDate.parse("2031-09-27"))).as("a Saturday").isFalse();
        assertThat(plainWeeks.isWorkingDay(LocalDate.parse("2031-09-28"))).as("a Sunday").isFalse();

        assertThat(clock.isWorkingDay(LocalDate.parse("2031-09-28"))).as("a make-up Sunday").isTrue();
        assertThat(clock.isWorkingDay(LocalDate.parse("2031-10-01"))).as("a holiday on a Wednesday").isFalse();
        assertThat(clock.isWorkingDay(LocalDate.parse("2031-10-04"))).as("a holiday on a Saturday").isFalse();
        assertThat(clock.isWorkingDay(LocalDate.parse("2031-10-05"))).as("an unlisted Sunday in the holiday").isFalse();
        assertThat(clock.isWorkingDay(LocalDate.parse("2031-10-08"))).as("the Wednesday after").isTrue();
        assertThat(clock.isWorkingDay(LocalDate.parse("2031-10-11"))).as("a make-up Saturday").isTrue();
    }

    // --- Working days ----------------------------------------------------------------------------------

    /** The day the clock starts never counts, whatever the hour; it is due at the close of the N-th working day after. */
    @ParameterizedTest(name = "{1} working day(s) from {0} is {2}")
    @CsvSource({
            // An ordinary week: Friday evening, Friday before opening and Saturday all give Wednesday.
            "2031-09-12T19:40, 3, 2031-09-17T17:30",
            "2031-09-12T08:00, 3, 2031-09-17T17:30",
            "2031-09-13T10:00, 3, 2031-09-17T17:30",
            "2031-09-12T23:59:59, 1, 2031-09-15T17:30",
            // Just after midnight the new day is the day of the start, and does not count.
            "2031-09-15T00:00:01, 1, 2031-09-16T17:30",
            // Into the made-up holiday: the make-up Sunday counts, the week off does not, the make-up Saturday does.
            "2031-09-26T19:40, 1, 2031-09-28T17:30",
            "2031-09-26T19:40, 2, 2031-09-29T17:30",
            "2031-09-26T19:40, 3, 2031-09-30T17:30",
            "2031-09-26T19:40, 4, 2031-10-08T17:30",
            "2031-09-26T19:40, 7, 2031-10-11T17:30",
            "2031-09-26T19:40, 8, 2031-10-13T17:30",
            // Reported on a holiday: the next working day is the first.
            "2031-10-02T09:30, 1, 2031-10-08T17:30",
    })
    void workingDaysEndAtTheCloseOfTheLastOne(String start, int days, String due) {
        assertThat(clock.due(local(start), TimeTarget.workingDays(days))).isEqualTo(local(due));
    }

    @Test
    void theSameFridayEveningWithoutTheCalendarIsAnOrdinaryWeek() {
        assertThat(plainWeeks.due(local("2031-09-26T19:40"), TimeTarget.workingDays(4))).isEqualTo(local("2031-10-02T17:30"));
    }

    /** Days begin and end in the installation's zone, not in UTC. */
    @Test
    void theDayOfTheStartIsTheLocalDay() {
        // Sunday 17:00 UTC is Monday 01:00 in Shanghai: Monday does not count, so one working day is Tuesday.
        Instant sundayInUtc = Instant.parse("2031-09-14T17:00:00Z");
        assertThat(plainWeeks.due(sundayInUtc, TimeTarget.workingDays(1))).isEqualTo(Instant.parse("2031-09-16T09:30:00Z"));
        WorkingClock utc = new WorkingClock(ZoneId.of("UTC"), HOURS, Map.of());
        assertThat(utc.due(sundayInUtc, TimeTarget.workingDays(1))).isEqualTo(Instant.parse("2031-09-15T17:30:00Z"));
    }

    // --- Working hours ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{1} working hour(s) from {0} is {2}")
    @CsvSource({
            "2031-09-17T10:00, 1, 2031-09-17T11:00",
            // Ending exactly at the lunch break is due then, not after it.
            "2031-09-17T10:00, 2, 2031-09-17T12:00",
            "2031-09-17T10:00, 3, 2031-09-17T14:30",
            // Started in the lunch break, before opening, after closing, or late at night: from the next opening.
            "2031-09-17T12:30, 1, 2031-09-17T14:30",
            "2031-09-17T07:00, 1, 2031-09-17T10:00",
            "2031-09-17T18:00, 1, 2031-09-18T10:00",
            "2031-09-16T23:50, 1, 2031-09-17T10:00",
            // Friday late afternoon into Monday.
            "2031-09-19T17:00, 2, 2031-09-22T10:30",
            // A whole working day is 7 hours.
            "2031-09-17T09:00, 7, 2031-09-17T17:30",
            "2031-09-17T09:00, 8, 2031-09-18T10:00",
            // Across the week off: the last hour of Tuesday 30 September, then Wednesday 8 October in full.
            "2031-09-30T16:30, 8, 2031-10-08T17:30",
            "2031-09-30T16:30, 9, 2031-10-09T10:00",
            // The make-up Sunday is worked with the usual hours.
            "2031-09-26T17:00, 2, 2031-09-28T10:30",
    })
    void workingHoursCountOnlyTheWorkingPeriodsOfWorkingDays(String start, int hours, String due) {
        assertThat(clock.due(local(start), TimeTarget.workingHours(hours))).isEqualTo(local(due));
    }

    @Test
    void secondsAndMicrosecondsOfTheStartAreKept() {
        Instant start = local("2031-09-17T10:15:30").plusNanos(123_000);
        assertThat(clock.due(start, TimeTarget.workingHours(1))).isEqualTo(start.plus(Duration.ofHours(1)));
    }

    @Test
    void workingTimeBetweenIsTheInverseOfAddingIt() {
        assertThat(clock.workingTimeBetween(local("2031-09-19T17:00"), local("2031-09-22T10:30"))).isEqualTo(Duration.ofHours(2));
        assertThat(clock.workingTimeBetween(local("2031-09-30T16:30"), local("2031-10-08T17:30"))).isEqualTo(Duration.ofHours(8));
        assertThat(clock.workingTimeBetween(local("2031-09-17T12:10"), local("2031-09-17T13:20"))).isZero();
        assertThat(clock.workingTimeBetween(local("2031-09-18T10:00"), local("2031-09-17T10:00"))).isZero();
        for (int minutes = 0; minutes < 14 * 24 * 60; minutes += 97) {
            Instant start = local("2031-09-25T00:00").plus(Duration.ofMinutes(minutes));
            for (int hours : new int[] { 1, 5, 13 }) {
                Instant due = clock.due(start, TimeTarget.workingHours(hours));
                assertThat(clock.workingTimeBetween(start, due)).as("from %s, %d working hours", start, hours)
                        .isEqualTo(Duration.ofHours(hours));
            }
        }
    }

    // --- Calendar hours and edge cases --------------------------------------------------------------------

    @Test
    void calendarHoursIgnoreTheCalendar() {
        assertThat(clock.due(local("2031-09-30T19:40"), TimeTarget.hours(48))).isEqualTo(local("2031-10-02T19:40"));
    }

    @Test
    void nothingToCountIsDueAtOnce() {
        Instant start = local("2031-10-02T03:00");
        assertThat(clock.due(start, TimeTarget.workingDays(0))).isEqualTo(start);
        assertThat(clock.due(start, TimeTarget.workingHours(0))).isEqualTo(start);
    }

    @Test
    void negativeTargetsAreRefused() {
        assertThatThrownBy(() -> TimeTarget.workingDays(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Working hours are wall-clock hours; in a zone with summer time the due instant shifts with the clock. */
    @Test
    void workingHoursAreWallClockHoursInAZoneWithSummerTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WorkingClock european = new WorkingClock(berlin, HOURS, Map.of());
        // Summer time began on Sunday 30 March 2031: Friday closes at 16:30 UTC, Monday at 15:30 UTC.
        Instant friday = LocalDateTime.parse("2031-03-28T17:00").atZone(berlin).toInstant();
        assertThat(european.due(friday, TimeTarget.workingDays(1))).isEqualTo(Instant.parse("2031-03-31T15:30:00Z"));
        assertThat(european.due(friday, TimeTarget.workingHours(1))).isEqualTo(Instant.parse("2031-03-31T07:30:00Z"));
    }

    @Test
    void aCalendarWithoutWorkingDaysSaysWhatToFix() {
        Map<LocalDate, DayKind> everyDayOff = new java.util.HashMap<>();
        for (LocalDate d = LocalDate.parse("2031-01-01"); d.getYear() < 2042; d = d.plusDays(1)) {
            everyDayOff.put(d, DayKind.HOLIDAY);
        }
        WorkingClock idle = new WorkingClock(SHANGHAI, HOURS, everyDayOff);
        assertThatThrownBy(() -> idle.due(local("2031-01-01T10:00"), TimeTarget.workingDays(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no working day");
    }

    // --- Working hours as configured ----------------------------------------------------------------------

    @Test
    void workingHoursAreReadFromTheSetting() {
        WorkingHours simple = WorkingHours.parse(" 08:30-17:30 ");
        assertThat(simple.closing()).hasToString("17:30");
        assertThat(simple.perDay()).isEqualTo(Duration.ofHours(9));
        assertThat(HOURS.perDay()).isEqualTo(Duration.ofHours(7));
        assertThat(HOURS).hasToString("09:00-12:00,13:30-17:30");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = { "''", "9-12", "09:00-12:00,11:00-14:00", "13:30-17:30,09:00-12:00", "12:00-09:00",
            "09:00-25:00" })
    void badWorkingHoursAreRefused(String setting) {
        assertThatThrownBy(() -> WorkingHours.parse(setting)).isInstanceOf(IllegalArgumentException.class);
    }
}
