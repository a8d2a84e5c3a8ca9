package org.communitydesk.calendar;

/** What a time target counts. */
public enum TargetUnit {
    /** Hours on the wall clock, nights, weekends and holidays included (every target before issue 13). */
    HOURS,
    /** Hours inside the working hours of working days ({@code communitydesk.calendar.working-hours}). */
    WORKING_HOURS,
    /**
     * Whole working days after the day the clock starts (that day never counts), due at the close of the
     * last one: the rule of the Civil Code of the PRC for periods counted in days (articles 201 and 203).
     */
    WORKING_DAYS
}
