package org.communitydesk.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communitydesk.common.IdentityEntity;

/** A day that differs from the usual week: a holiday, or a weekend day worked (调休). ADMIN maintains them. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends IdentityEntity {

    @Column(nullable = false, unique = true)
    public LocalDate calendarDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DayKind kind;

    /** What the day is, such as 国庆节 or 国庆节调休; may be null. */
    public String name;

    @Column(nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public String updatedBy;

    public static Optional<CalendarDay> findByDate(LocalDate date) {
        return find("calendarDate", date).firstResultOptional();
    }

    public static List<CalendarDay> ofYear(int year) {
        return list("calendarDate >= ?1 and calendarDate <= ?2 order by calendarDate",
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Every listed day from {@code from} on: what a clock starting that day may need. */
    public static List<CalendarDay> from(LocalDate from) {
        return list("calendarDate >= ?1", from);
    }
}
