package org.communitydesk.directory;

import org.communitydesk.calendar.TimeTarget;

/**
 * How long a category may take, at one priority, to be dispatched and to be resolved, each in its unit
 * (wall-clock hours, working hours or working days); a {@link org.communitydesk.calendar.DueTimes} turns them into due times.
 */
public record SlaTarget(TimeTarget toDispatch, TimeTarget toResolve) {
}
