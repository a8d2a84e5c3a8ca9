package org.communitydesk.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The working day; which days are worked is data (table calendar_day), not configuration. */
@ConfigMapping(prefix = "communitydesk.calendar")
public interface CalendarConfig {

    /**
     * The working periods of every working day, local time of communitydesk.zone, in order: "09:00-12:00,13:30-17:30".
     * Targets in working hours count only these; targets in working days fall due when the last one ends.
     */
    @WithDefault("09:00-12:00,13:30-17:30")
    String workingHours();
}
