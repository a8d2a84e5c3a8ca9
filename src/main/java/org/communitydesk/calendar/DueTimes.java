package org.communitydesk.calendar;

import java.time.Instant;

/** When something started at {@code start} with a time target is due. */
@FunctionalInterface
public interface DueTimes {

    Instant due(Instant start, TimeTarget target);
}
