package org.communitydesk.calendar;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.communitydesk.common.AppConfig;

/**
 * The clock of the installation: its zone, its working hours and the calendar as stored now. Due times are
 * computed once, when something starts (a ticket is reported), and stored; a later change to the calendar
 * changes the due times computed after it, never those already stored.
 */
@ApplicationScoped
public class WorkingCalendar implements DueTimes {

    @Inject
    AppConfig appConfig;

    @Inject
    CalendarConfig config;

    private volatile WorkingHours hours;
    private volatile ZoneId zone;

    /** Reads the settings at start-up, so that a wrong one stops the start and says which. */
    void checkSettings(@Observes StartupEvent started) {
        workingHours();
        zone();
    }

    public WorkingHours workingHours() {
        WorkingHours read = hours;
        if (read == null) {
            try {
                read = WorkingHours.parse(config.workingHours());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("communitydesk.calendar.working-hours='" + config.workingHours()
                        + "' cannot be used: " + e.getMessage() + ". Set it like 09:00-12:00,13:30-17:30.", e);
            }
            hours = read;
        }
        return read;
    }

    public ZoneId zone() {
        ZoneId read = zone;
        if (read == null) {
            read = ZoneId.of(appConfig.zone());
            zone = read;
        }
        return read;
    }

    /** Calendar hours need no calendar, so they read nothing; working units read the calendar from the start's day. */
    @Override
    @Transactional
    public Instant due(Instant start, TimeTarget target) {
        if (target.unit() == TargetUnit.HOURS || target.amount() == 0) {
            return start.plus(java.time.Duration.ofHours(target.amount()));
        }
        return clockFrom(LocalDate.ofInstant(start, zone())).due(start, target);
    }

    /** A clock with the calendar as stored now, good for instants from the start of {@code from} (local) on. */
    @Transactional
    public WorkingClock clockFrom(LocalDate from) {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        for (CalendarDay day : CalendarDay.from(from)) {
            exceptions.put(day.calendarDate, day.kind);
        }
        return new WorkingClock(zone(), workingHours(), exceptions);
    }
}
