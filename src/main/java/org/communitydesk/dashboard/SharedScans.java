package org.communitydesk.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The days read from the tickets for one page, kept for its other reads: the dashboard reads the same days for its
 * summary, trouble spots, ranking and map, and a day not stored (today, a day just written to) would otherwise be
 * read from its tickets four times. Each scan is of everything ({@code withUnits}) and at the moment of the first
 * read that needed it. Safe to share with the summary's second thread; made for one request and then dropped.
 */
public final class SharedScans {

    private final ConcurrentHashMap<List<Object>, FigureScan.Result> results = new ConcurrentHashMap<>();

    FigureScan.Result scan(Where area, Instant from, Instant to, Supplier<FigureScan.Result> scanWithUnits) {
        return results.computeIfAbsent(List.of(area.sql(), area.params(), from, to), key -> scanWithUnits.get());
    }
}
