package org.communitydesk.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The hours worked on a working day, as local times of the installation's zone: one or more periods in order,
 * such as 09:00–12:00 and 13:30–17:30 (the lunch break does not count). Every working day has the same hours.
 */
public record WorkingHours(List<Period> periods) {

    /** One stretch of work, from {@code start} to {@code end} on the same day. */
    public record Period(LocalTime start, LocalTime end) {

        public Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("A working period must end after it starts: " + start + "-" + end);
            }
        }

        Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public WorkingHours {
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("A working day needs at least one working period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("Working periods must be in order and must not overlap: "
                        + periods.get(i - 1) + " then " + periods.get(i));
            }
        }
    }

    /** Reads "09:00-12:00,13:30-17:30": periods separated by commas, each start-end in 24-hour HH:mm. */
    public static WorkingHours parse(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a period like 09:00-12:00");
            }
            try {
                periods.add(new Period(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a period like 09:00-12:00");
            }
        }
        return new WorkingHours(periods);
    }

    /** When the working day ends: the close of business, when a target in working days falls due. */
    public LocalTime closing() {
        return periods.get(periods.size() - 1).end();
    }

    public Duration perDay() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return String.join(",", periods.stream().map(Period::toString).toList());
    }
}
