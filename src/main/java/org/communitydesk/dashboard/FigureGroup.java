package org.communitydesk.dashboard;

import java.time.LocalDate;

/**
 * The dashboard's counts for the tickets reported on one day that share a community, category and lead
 * organization: a row of ticket_figures, or the same computed from the tickets themselves ({@link FigureScan}).
 * Every figure of the summary is a sum of these, or a percentile of their merged {@link DurationSketch}es.
 */
final class FigureGroup {

    /** What a group is for: the ticket's report day and the columns the dashboard groups or filters by. */
    record Key(LocalDate day, long streetOfficeId, long communityId, long categoryId, Long leadOrganizationId) {
    }

    final Key key;
    long reported;
    long resolved;
    long withinSla;
    long responseCounted;
    long respondedInTime;
    long notCancelled;
    long confirmedResolved;
    long satisfied;
    long rated;
    long acceptanceCounted;
    long acceptedInTime;
    long reopens;
    /** Open, not paused and past due: the organizations' overdue figure. */
    long openOverdue;
    /** Tickets of this key (except the day) resolved on this day, whenever reported: the weekly chart. */
    long resolvedThatDay;
    final DurationSketch secondsToDispatch;
    final DurationSketch secondsToResolve;

    FigureGroup(Key key) {
        this(key, new DurationSketch(), new DurationSketch());
    }

    FigureGroup(Key key, DurationSketch secondsToDispatch, DurationSketch secondsToResolve) {
        this.key = key;
        this.secondsToDispatch = secondsToDispatch;
        this.secondsToResolve = secondsToResolve;
    }

    /** Adds another group's figures to this one's (whatever its key). */
    void add(FigureGroup o) {
        reported += o.reported;
        resolved += o.resolved;
        withinSla += o.withinSla;
        responseCounted += o.responseCounted;
        respondedInTime += o.respondedInTime;
        notCancelled += o.notCancelled;
        confirmedResolved += o.confirmedResolved;
        satisfied += o.satisfied;
        rated += o.rated;
        acceptanceCounted += o.acceptanceCounted;
        acceptedInTime += o.acceptedInTime;
        reopens += o.reopens;
        openOverdue += o.openOverdue;
        resolvedThatDay += o.resolvedThatDay;
        secondsToDispatch.addAll(o.secondsToDispatch);
        secondsToResolve.addAll(o.secondsToResolve);
    }
}
