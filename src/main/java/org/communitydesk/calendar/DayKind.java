package org.communitydesk.calendar;

/** How a day of the working calendar differs from the usual week (Monday to Friday on, Saturday and Sunday off). */
public enum DayKind {
    /** A day off, such as a public holiday on a weekday (a weekend day may be listed too, for its name). */
    HOLIDAY,
    /** A Saturday or Sunday worked in exchange for a longer holiday (调休上班), with the usual working hours. */
    MAKEUP_WORKDAY
}
