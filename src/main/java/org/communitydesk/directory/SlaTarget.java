package org.communitydesk.directory;

import java.time.Duration;

/** How long a category may take, at one priority, to be dispatched and to be resolved. */
public record SlaTarget(int hoursToDispatch, int hoursToResolve) {

    public Duration toDispatch() {
        return Duration.ofHours(hoursToDispatch);
    }

    public Duration toResolve() {
        return Duration.ofHours(hoursToResolve);
    }
}
