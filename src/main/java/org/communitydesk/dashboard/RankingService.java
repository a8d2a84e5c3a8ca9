package org.communitydesk.dashboard;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.communitydesk.common.AppMetrics;
import org.communitydesk.dashboard.StatsService.Names;
import org.communitydesk.dashboard.StatsService.RateRow;
import org.communitydesk.dashboard.StatsService.Selection;
import org.communitydesk.dashboard.StatsViews.Period;
import org.communitydesk.dashboard.StatsViews.RankingWeights;
import org.communitydesk.dashboard.StatsViews.Ranking;
import org.communitydesk.dashboard.StatsViews.Rate;
import org.communitydesk.dashboard.StatsViews.UnitFigures;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.ticket.TicketViews.Ref;

/**
 * The unit ranking (考核): organizations (by the ticket's lead organization) and communities scored by the weighted
 * hotline rates, beside the counts of the work-order steps. Over the dashboard's cohort (the period's tickets in the
 * caller's scope and area), keyed by (organization, community), so that both rankings and the overall line are sums
 * of the same rows, all per report day from {@link FigureRollups}: the rates and ratings (the summary's own groups),
 * and the orders to accept and the steps (returns, extension requests, urgings; {@link UnitGroup}). Resolved on time
 * against the original due time is the SLA share less the tickets resolved after COALESCE(original_due_at, due_at)
 * but by due_at, which only an approved extension makes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RankingService {

    @Inject
    StatsService stats;

    @Inject
    FigureRollups rollups;

    @Inject
    RankingConfig config;

    @Inject
    AppMetrics metrics;

    /** A wrong weight stops the start and says which. */
    void checkWeights(@Observes StartupEvent started) {
        weights();
    }

    RankingWeights weights() {
        RankingConfig.Weights w = config.weights();
        for (var weight : Map.of("response", w.response(), "resolution", w.resolution(), "satisfaction",
                w.satisfaction()).entrySet()) {
            if (!(weight.getValue() >= 0) || Double.isInfinite(weight.getValue())) {
                throw new IllegalStateException("communitydesk.ranking.weights." + weight.getKey() + "="
                        + weight.getValue() + " cannot be used: a weight is a number of 0 or more. Set it like 30.");
            }
        }
        if (w.response() + w.resolution() + w.satisfaction() <= 0) {
            throw new IllegalStateException("communitydesk.ranking.weights.* are all 0: the score would weigh "
                    + "nothing. Give at least one of response, resolution and satisfaction a weight above 0 "
                    + "(default 30, 35, 35).");
        }
        return new RankingWeights(w.response(), w.resolution(), w.satisfaction());
    }

    /** The ranking; its time is recorded under {@link AppMetrics#DASHBOARD_QUERY} (query=ranking). */
    public Ranking ranking(StatsFilter filter, TicketScope scope) {
        return ranking(filter, scope, null);
    }

    /** The ranking, its days read from the tickets kept in {@code shared} (when not null) for a page's other reads. */
    public Ranking ranking(StatsFilter filter, TicketScope scope, SharedScans shared) {
        return metrics.time(AppMetrics.DASHBOARD_QUERY, () -> compute(filter, scope, shared), AppMetrics.QUERY,
                "ranking");
    }

    /** One unit's sums. */
    private static final class Counts {
        RateRow rates = RateRow.EMPTY;
        long reopenings;
        long lateOnlyByOriginal;
        long satisfied;
        long rated;
        long accepted;
        long toAccept;
        long returns;
        long extensionsRequested;
        long extensionsApproved;
        long urgings;

        void add(Counts o) {
            rates = rates.plus(o.rates);
            reopenings += o.reopenings;
            lateOnlyByOriginal += o.lateOnlyByOriginal;
            satisfied += o.satisfied;
            rated += o.rated;
            accepted += o.accepted;
            toAccept += o.toAccept;
            returns += o.returns;
            extensionsRequested += o.extensionsRequested;
            extensionsApproved += o.extensionsApproved;
            urgings += o.urgings;
        }
    }

    /** (organization, community): the organization is null for tickets never dispatched. */
    private record Key(Long organization, long community) {
    }

    private Ranking compute(StatsFilter filter, TicketScope scope, SharedScans shared) {
        Instant now = stats.now();
        Selection selection = stats.select(filter, scope);
        Map<Key, Counts> rows = new HashMap<>();

        FigureRollups.Figures figures = rollups.groupsAndUnits(selection.area(),
                scope.kind() != TicketScope.Kind.ORGANIZATION, filter.from(), filter.to().plusDays(1), now, shared);
        // The rates, reopenings and ratings per lead organization and community: the summary's groups per day.
        for (FigureGroup g : figures.groups().values()) {
            if (g.reported > 0) {
                Counts c = rows.computeIfAbsent(new Key(g.key.leadOrganizationId(), g.key.communityId()),
                        k -> new Counts());
                c.rates = c.rates.plus(new RateRow(g.reported, g.resolved, g.withinSla, g.responseCounted,
                        g.respondedInTime, g.notCancelled, g.confirmedResolved, null));
                c.reopenings += g.reopens;
                c.satisfied += g.satisfied;
                c.rated += g.rated;
            }
        }
        // The orders and steps count for the organization they name (the one that accepted, returned, asked, was
        // urged), which a return or a re-dispatch may have made other than the ticket's lead now.
        for (UnitGroup u : figures.units().values()) {
            Counts c = rows.computeIfAbsent(new Key(u.key.organizationId(), u.key.communityId()), k -> new Counts());
            c.toAccept += u.acceptanceCounted;
            c.accepted += u.acceptedInTime;
            c.returns += u.returns;
            c.extensionsRequested += u.extensionsRequested;
            c.extensionsApproved += u.extensionsApproved;
            c.urgings += u.urgings;
            c.lateOnlyByOriginal += u.lateOnlyByOriginal;
        }

        RankingWeights weights = weights();
        Map<Long, Counts> byOrganization = new HashMap<>();
        Map<Long, Counts> byCommunity = new HashMap<>();
        Counts overall = new Counts();
        rows.forEach((key, counts) -> {
            if (key.organization() != null) {
                byOrganization.computeIfAbsent(key.organization(), k -> new Counts()).add(counts);
            }
            byCommunity.computeIfAbsent(key.community(), k -> new Counts()).add(counts);
            overall.add(counts);
        });
        Names names = new Names();
        return new Ranking(new Period(filter.from(), filter.to(), stats.zone().getId()),
                Ref.of(selection.streetOffice()), Ref.of(selection.community()), weights,
                figures(0, null, overall, weights),
                ranked(byOrganization, names::organization, weights),
                ranked(byCommunity, names::area, weights));
    }

    private static List<UnitFigures> ranked(Map<Long, Counts> units, Function<Long, Ref> name, RankingWeights weights) {
        List<UnitFigures> unranked = units.entrySet().stream()
                .map(e -> figures(0, name.apply(e.getKey()), e.getValue(), weights))
                .sorted(Comparator.comparing((UnitFigures u) -> u.score() == null ? -1 : u.score()).reversed()
                        .thenComparing(u -> u.unit().code()))
                .toList();
        List<UnitFigures> result = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            UnitFigures u = unranked.get(i);
            result.add(new UnitFigures(i + 1, u.unit(), u.tickets(), u.score(), u.responseRate(), u.resolutionRate(),
                    u.satisfactionRate(), u.acceptedWithinTarget(), u.returns(), u.extensionsRequested(),
                    u.extensionsApproved(), u.urgings(), u.reopenings(), u.resolvedOnTimeOriginal(),
                    u.resolvedOnTimeApproved()));
        }
        return result;
    }

    private static UnitFigures figures(int rank, Ref unit, Counts c, RankingWeights weights) {
        Rate response = c.rates.responseRate();
        Rate resolution = c.rates.resolutionRate();
        Rate satisfaction = Rate.of(c.satisfied, c.rated);
        return new UnitFigures(rank, unit, c.rates.reported(), score(weights, response, resolution, satisfaction),
                response, resolution, satisfaction, Rate.of(c.accepted, c.toAccept), c.returns, c.extensionsRequested,
                c.extensionsApproved, c.urgings, c.reopenings,
                Rate.of(c.rates.withinSla() - c.lateOnlyByOriginal, c.rates.resolved()),
                Rate.of(c.rates.withinSla(), c.rates.resolved()));
    }

    /**
     * The weighted mean of the rates that have something counted, in percent, rounded to 0.01: a rate with a whole
     * of 0 is left out (neither 0% nor 100%) and the weights of the others are taken in proportion; null when no
     * rate with a weight above 0 has anything counted.
     */
    static Double score(RankingWeights weights, Rate response, Rate resolution, Rate satisfaction) {
        double weighted = 0;
        double weightSum = 0;
        double[] w = { weights.response(), weights.resolution(), weights.satisfaction() };
        Rate[] rates = { response, resolution, satisfaction };
        for (int i = 0; i < 3; i++) {
            if (rates[i].share() != null && w[i] > 0) {
                weighted += w[i] * rates[i].share();
                weightSum += w[i];
            }
        }
        return weightSum == 0 ? null : Math.round(weighted / weightSum * 10000) / 100.0;
    }
}
