package org.communitydesk.dashboard;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;
import org.communitydesk.dashboard.StatsViews.Rate;
import org.communitydesk.dashboard.StatsViews.Summary;
import org.communitydesk.web.DurationText;
import org.communitydesk.ticket.TicketViews.Ref;
import org.communitydesk.web.Language;
import org.communitydesk.web.MapMessages;
import org.communitydesk.web.PageMessages;

/** Display logic of the dashboard page: {@code {dash:percent(rate)}}, {@code {dash:duration(seconds)}}, the chart. */
@TemplateExtension(namespace = "dash")
public class DashboardFormats {

    private DashboardFormats() {
    }

    /** "87.5%", or "—" when nothing was counted. */
    static String percent(Rate rate) {
        return rate == null || rate.share() == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate.share() * 100);
    }

    /** A ranking score, "83.25", or "—" when no rate had anything counted. */
    static String score(Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.2f", score);
    }

    /** A weight as configured: "30", "12.5". */
    static String weight(double weight) {
        return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
    }

    /** Null (no ticket reached the milestone) reads "—". */
    static String duration(Long seconds, @TemplateAttribute("locale") Object locale) {
        return DurationText.of(seconds, Language.of(locale));
    }

    /** A compound's circle, read aloud and shown on hover: its tickets, and the categories it is a trouble spot for. */
    static String markLabel(PlaceMap.Mark mark, @TemplateAttribute("locale") Object locale) {
        Language language = Language.of(locale);
        MapMessages msg = language == Language.DEFAULT ? MessageBundles.get(MapMessages.class)
                : MessageBundles.get(MapMessages.class, Localized.Literal.of(language.tag()));
        String label = msg.placeMapMark(name(mark.site(), language), mark.tickets(), mark.overdue());
        if (!mark.troubleSpot()) {
            return label;
        }
        return label + msg.placeMapTrouble(String.join(language == Language.EN ? ", " : "、",
                mark.troubles().stream().map(c -> name(c, language)).toList()));
    }

    private static String name(Ref ref, Language language) {
        return language == Language.EN && ref.nameEn() != null && !ref.nameEn().isBlank() ? ref.nameEn() : ref.nameZh();
    }

    /** The weekly trend as inline SVG, labelled in the page's language. */
    static RawString trendChart(Summary summary, @TemplateAttribute("locale") Object locale) {
        Language language = Language.of(locale);
        PageMessages msg = language == Language.DEFAULT ? MessageBundles.get(PageMessages.class)
                : MessageBundles.get(PageMessages.class, Localized.Literal.of(language.tag()));
        return new RawString(TrendChart.svg(summary.weekly(), new TrendChart.Labels(msg.dashTrendTitle(),
                msg.dashTrendReported(), msg.dashTrendResolved(), msg.dashTrendWeekOf())));
    }
}
