package org.communitydesk.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.communitydesk.dashboard.StatsViews.Ranking;
import org.communitydesk.dashboard.StatsViews.Rate;
import org.communitydesk.dashboard.StatsViews.UnitFigures;

/**
 * The unit ranking as CSV for Excel, as the ticket export writes it (UTF-8 with a byte-order mark, headers in
 * Chinese and English): one line for all the period's tickets, then the organizations, then the communities, with
 * the figures of GET /api/stats/ranking (each rate as its part and whole, the score as the API rounds it).
 */
final class RankingExport {

    static final String[] HEADER = { "单位类型 unit type", "排名 rank", "代码 code", "名称 name", "工单数 tickets",
            "综合得分 score", "响应 responded in time", "响应基数 response counted", "解决 confirmed resolved",
            "解决基数 resolution counted", "满意 satisfied", "评价数 rated", "按时签收 accepted within target",
            "应签收 due to be accepted", "退单 returns", "延期申请 extensions requested", "延期批准 extensions approved",
            "督办 urgings", "重开 reopenings", "按原期限办结 resolved by original due", "按批准期限办结 resolved by approved due",
            "已办结 resolved" };

    private RankingExport() {
    }

    static void write(Ranking ranking, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(HEADER).get());
        csv.printRecord(line("overall", ranking.overall()));
        for (UnitFigures o : ranking.organizations()) {
            csv.printRecord(line("organization", o));
        }
        for (UnitFigures c : ranking.communities()) {
            csv.printRecord(line("community", c));
        }
        csv.flush();
    }

    private static List<Object> line(String type, UnitFigures u) {
        List<Object> cells = new ArrayList<>();
        cells.add(type);
        cells.add(u.rank());
        cells.add(u.unit() == null ? "" : u.unit().code());
        cells.add(u.unit() == null ? "" : text(u.unit().nameZh()));
        cells.add(u.tickets());
        cells.add(u.score() == null ? "" : String.format(Locale.ROOT, "%.2f", u.score()));
        both(cells, u.responseRate());
        both(cells, u.resolutionRate());
        both(cells, u.satisfactionRate());
        both(cells, u.acceptedWithinTarget());
        cells.add(u.returns());
        cells.add(u.extensionsRequested());
        cells.add(u.extensionsApproved());
        cells.add(u.urgings());
        cells.add(u.reopenings());
        cells.add(u.resolvedOnTimeOriginal().part());
        cells.add(u.resolvedOnTimeApproved().part());
        cells.add(u.resolvedOnTimeApproved().whole());
        return cells;
    }

    private static void both(List<Object> cells, Rate rate) {
        cells.add(rate.part());
        cells.add(rate.whole());
    }

    /** Names typed by people could start with = + - @ and run as a formula in Excel; a leading quote stops that. */
    private static String text(String s) {
        return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
