package org.communitydesk.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.communitydesk.dashboard.StatsViews.Week;

/**
 * The weekly trend as an inline SVG bar chart, drawn on the server so the dashboard needs no
 * JavaScript: reported and resolved side by side per week, a y axis with round steps and
 * gridlines, and the week's Monday under each pair (thinned out when there are many weeks).
 */
public final class TrendChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int TOP = 28;
    static final int BOTTOM = 34;
    static final int MAX_X_LABELS = 12;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private TrendChart() {
    }

    /** Labels come from the message bundle of the page's language. */
    public record Labels(String title, String reported, String resolved, String weekOf) {
    }

    public static String svg(List<Week> weeks, Labels labels) {
        long max = weeks.stream().mapToLong(w -> Math.max(w.reported(), w.resolved())).max().orElse(0);
        long step = niceStep(max);
        long top = Math.max(step, ((max + step - 1) / step) * step);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = weeks.isEmpty() ? plotWidth : plotWidth / weeks.size();
        double bar = Math.max(1, Math.min(24, slot * 0.35));

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(escape(labels.title())).append("\">");
        svg.append("<title>").append(escape(labels.title())).append("</title>");
        // Legend.
        svg.append(legend(LEFT, 14, "reported", labels.reported()));
        svg.append(legend(LEFT + 130, 14, "resolved", labels.resolved()));
        // Y axis: gridlines and round values.
        for (long value = 0; value <= top; value += step) {
            double y = TOP + plotHeight - plotHeight * value / top;
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"y-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, value));
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, TOP + (int) plotHeight, WIDTH - RIGHT, TOP + (int) plotHeight));
        int labelEvery = Math.max(1, (int) Math.ceil(weeks.size() / (double) MAX_X_LABELS));
        int labelled = 0;
        for (int i = 0; i < weeks.size(); i++) {
            Week week = weeks.get(i);
            double centre = LEFT + slot * i + slot / 2;
            String day = DAY.format(week.weekStart());
            svg.append(bar("reported", centre - bar, bar, week.reported(), top, plotHeight,
                    labels.weekOf() + " " + week.weekStart() + ": " + labels.reported() + " " + week.reported()));
            svg.append(bar("resolved", centre, bar, week.resolved(), top, plotHeight,
                    labels.weekOf() + " " + week.weekStart() + ": " + labels.resolved() + " " + week.resolved()));
            if (i % labelEvery == 0) {
                // Every other label is "alt": a phone, whose larger text would make them overlap, leaves those out.
                svg.append(String.format(Locale.ROOT,
                        "<text class=\"x-label%s\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        labelled++ % 2 == 1 ? " alt" : "", centre, HEIGHT - BOTTOM + 16, day));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String bar(String series, double x, double width, long value, long top, double plotHeight,
            String tooltip) {
        double height = plotHeight * value / top;
        return String.format(Locale.ROOT,
                "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" data-value=\"%d\">"
                        + "<title>%s</title></rect>",
                series, x, TOP + plotHeight - height, width, height, value, escape(tooltip));
    }

    private static String legend(int x, int y, String series, String text) {
        return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>"
                + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>", series, x, y - 10, x + 18, y, escape(text));
    }

    /** 1, 2 or 5 times a power of ten, so that about four steps reach the largest value. */
    static long niceStep(long max) {
        if (max <= 4) {
            return 1;
        }
        double raw = max / 4.0;
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        for (long factor : new long[] { 1, 2, 5, 10 }) {
            if (factor * magnitude >= raw) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
