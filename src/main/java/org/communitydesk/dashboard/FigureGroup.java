package org.communitydesk.dashboard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The dashboard's counts for the tickets reported on one day that share a community, category, lead organization
 * and compound: a row of ticket_figures, or the same computed from the tickets themselves ({@link FigureScan}).
 * Every figure of the summary is a sum of these, or a percentile of their merged {@link DurationSketch}es.
 */
final class FigureGroup {

    /** What a group is for: the ticket's report day and the columns the dashboard groups or filters by. */
    record Key(LocalDate day, long streetOfficeId, long communityId, long categoryId, Long leadOrganizationId,
            Long siteId) {
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
    /** At a compound and not cancelled as a duplicate: what trouble spots and the map count. */
    long notDuplicate;
    /** Of {@link #notDuplicate}, resolved after the due time or open past it (the map's "late"). */
    long late;
    /** Tickets of this key (except the day) resolved on this day, whenever reported: the weekly chart. */
    long resolvedThatDay;
    /** The last report of {@link #notDuplicate}, for trouble spots. */
    Instant lastReportedAt;
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
        notDuplicate += o.notDuplicate;
        late += o.late;
        resolvedThatDay += o.resolvedThatDay;
        if (o.lastReportedAt != null && (lastReportedAt == null || o.lastReportedAt.isAfter(lastReportedAt))) {
            lastReportedAt = o.lastReportedAt;
        }
        secondsToDispatch.addAll(o.secondsToDispatch);
        secondsToResolve.addAll(o.secondsToResolve);
    }
}
