package org.communitydesk.dashboard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The tickets reported on one day at one compound in one category, duplicates left out: a row of
 * ticket_figures_site, for trouble spots and the map. Apart from {@link FigureGroup} so that a city's thousands of
 * compounds do not multiply the rows every other figure reads.
 */
final class SiteGroup {

    record Key(LocalDate day, long streetOfficeId, long communityId, long siteId, long categoryId) {
    }

    final Key key;
    long tickets;
    /** Of {@link #tickets}, resolved after the due time or open past it (the map's "late"). */
    long late;
    Instant lastReportedAt;

    SiteGroup(Key key) {
        this.key = key;
    }

    void add(long tickets, long late, Instant lastReportedAt) {
        this.tickets += tickets;
        this.late += late;
        if (lastReportedAt != null && (this.lastReportedAt == null || lastReportedAt.isAfter(this.lastReportedAt))) {
            this.lastReportedAt = lastReportedAt;
        }
    }
}
