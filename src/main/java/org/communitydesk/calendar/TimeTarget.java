package org.communitydesk.calendar;

import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How long something may take: an amount in a unit, such as 3 WORKING_DAYS or 24 HOURS. */
@Schema(description = "An amount of time in a unit: HOURS (wall-clock hours, as every target before units), "
        + "WORKING_HOURS (inside the working hours of working days) or WORKING_DAYS (whole working days after the "
        + "day the clock starts, due at the close of the last one). 0 is due at once.")
public record TimeTarget(@Schema(examples = "3", minimum = "0") int amount, TargetUnit unit) {

    public TimeTarget {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("A time target cannot be negative: " + amount + " " + unit);
        }
    }

    public static TimeTarget hours(int amount) {
        return new TimeTarget(amount, TargetUnit.HOURS);
    }

    public static TimeTarget workingHours(int amount) {
        return new TimeTarget(amount, TargetUnit.WORKING_HOURS);
    }

    public static TimeTarget workingDays(int amount) {
        return new TimeTarget(amount, TargetUnit.WORKING_DAYS);
    }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
