package org.communitydesk.calendar;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the working-calendar endpoints. */
public final class CalendarViews {

    private CalendarViews() {
    }

    @Schema(description = "A day that differs from the usual week (Monday to Friday worked, Saturday and Sunday off).")
    public record CalendarDayView(
            @Schema(examples = "2031-10-01") LocalDate date,
            @Schema(description = "The day of the week, for checking a file by eye", examples = "WEDNESDAY") DayOfWeek dayOfWeek,
            DayKind kind,
            @Schema(nullable = true, examples = "国庆节") String name,
            Instant updatedAt,
            @Schema(description = "The administrator who set it last") String updatedBy) {

        static CalendarDayView of(CalendarDay day) {
            return new CalendarDayView(day.calendarDate, day.calendarDate.getDayOfWeek(), day.kind, day.name,
                    day.updatedAt, day.updatedBy);
        }
    }

    @Schema(description = "A year of the working calendar: its exceptions, and what they make of it.")
    public record CalendarYearView(
            @Schema(examples = "2031") int year,
            @Schema(description = "The installation's zone (communitydesk.zone), in which days begin and end",
                    examples = "Asia/Shanghai") String zone,
            @Schema(description = "The working periods of every working day (communitydesk.calendar.working-hours)",
                    examples = "09:00-12:00,13:30-17:30") String workingHours,
            @Schema(description = "Working days in the year: weekdays, less holidays, plus make-up days", examples = "249")
            int workingDays,
            @Schema(description = "The year's exceptions, by date") List<CalendarDayView> days) {
    }

    /** A holiday or make-up working day as ADMIN sets it; the date is in the path. */
    public record CalendarDayRequest(
            @NotNull DayKind kind,
            @Size(max = CalendarCsv.MAX_NAME) @Schema(nullable = true, examples = "国庆节") String name) {
    }

    @Schema(description = "What an import did. All or nothing: a file with a bad line changes nothing (400).")
    public record CalendarImportView(
            @Schema(description = "Days in the file") int days,
            @Schema(description = "Days that were not listed before") int created,
            @Schema(description = "Listed days whose kind or name changed") int changed,
            @Schema(description = "Listed days the file repeats as they were") int unchanged,
            @Schema(description = "With replace=true: days of the file's years that the file no longer lists, removed")
            int removed,
            @Schema(description = "The years the file covers") List<Integer> years) {
    }

    @Schema(description = "When something started at 'from' with the target would be due, by the calendar as it is now.")
    public record DueView(Instant from, TimeTarget target, Instant dueAt,
            @Schema(description = "dueAt in the installation's zone", examples = "2031-10-09T17:30+08:00") String localDueAt) {
    }
}
