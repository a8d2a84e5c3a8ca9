package org.communitydesk.dashboard;

import java.time.LocalDate;

/**
 * The unit ranking's counts for the tickets reported on one day in one community that count for one organization: a
 * row of ticket_figures_unit. Orders to accept, returns, extension requests and urgings count for the organization
 * they name, which a return or a re-dispatch may have made other than the ticket's lead, so they cannot share
 * {@link FigureGroup}'s key; resolutions late only against the original due time count for the lead.
 */
final class UnitGroup {

    /** The organization is null only for tickets never dispatched (of those, none counts here). */
    record Key(LocalDate day, long streetOfficeId, long communityId, Long organizationId) {
    }

    final Key key;
    /** Orders accepted, or still not accepted when the target passed while the order stood. */
    long acceptanceCounted;
    long acceptedInTime;
    long returns;
    long extensionsRequested;
    long extensionsApproved;
    long urgings;
    /** Resolved after the original due time but by the one an approved extension set. */
    long lateOnlyByOriginal;

    UnitGroup(Key key) {
        this.key = key;
    }

    void add(UnitGroup o) {
        acceptanceCounted += o.acceptanceCounted;
        acceptedInTime += o.acceptedInTime;
        returns += o.returns;
        extensionsRequested += o.extensionsRequested;
        extensionsApproved += o.extensionsApproved;
        urgings += o.urgings;
        lateOnlyByOriginal += o.lateOnlyByOriginal;
    }
}
