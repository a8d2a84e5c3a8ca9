package org.communitydesk.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.communitydesk.dashboard.StatsService.Selection;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.communitydesk.ticket.Channel;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.ticket.TicketStatus;
import org.communitydesk.web.Language;
import org.communitydesk.web.PageMessages;

/**
 * The tickets behind a dashboard view, as CSV for Excel: UTF-8 with a byte-order mark (without it
 * Excel reads Chinese as mojibake), read in pages of {@value #CHUNK} by id, each page in its own short
 * transaction, so a year of tickets streams without holding them all. Callers' names and phones are
 * left out: a spreadsheet travels further than the console.
 */
@ApplicationScoped
public class TicketExport {

    public static final int CHUNK = 1000;
    static final String[] HEADER = { "编号 code", "状态 status", "类别 category", "优先级 priority", "街道 street office",
            "社区 community", "小区 site", "牵头单位 lead organization", "报告时间 reported", "派单时间 dispatched",
            "解决时间 resolved", "关闭时间 closed", "期限 due", "超期 overdue", "派单用时(秒) seconds to dispatch",
            "解决用时(秒) seconds to resolve", "重开次数 reopened", "渠道 channel", "描述 description" };
    /** Characters of the description in the file: enough to tell tickets apart, not the whole story. */
    static final int DESCRIPTION_LENGTH = 60;

    @Inject
    StatsService stats;

    @Inject
    EntityManager em;

    /** Checks the filter against the caller's scope before anything is streamed (400 and 403 come from here). */
    public Selection select(StatsFilter filter, TicketScope scope) {
        return stats.select(filter, scope);
    }

    /** Statuses and channels in the page's language. */
    public void write(Selection selection, Language language, OutputStream out) throws IOException {
        writeRows(afterId -> page(selection.cohort(), afterId), language, out);
    }

    /**
     * The tickets another list selects (the queue's filters, checked against the caller's scope there), as
     * the same CSV: {@code nextIds} gives the ids after an id, in id order, at most {@value #CHUNK} at a time.
     */
    public void writeIds(java.util.function.LongFunction<List<Long>> nextIds, Language language, OutputStream out)
            throws IOException {
        writeRows(afterId -> {
            List<Long> ids = nextIds.apply(afterId);
            return ids.isEmpty() ? List.of() : rows(ids);
        }, language, out);
    }

    private void writeRows(java.util.function.LongFunction<List<Object[]>> chunks, Language language, OutputStream out)
            throws IOException {
        PageMessages msg = language == Language.DEFAULT ? MessageBundles.get(PageMessages.class)
                : MessageBundles.get(PageMessages.class, Localized.Literal.of(language.tag()));
        Instant now = stats.now();
        ZoneId zone = stats.zone();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(HEADER).get());
        long afterId = 0;
        while (true) {
            List<Object[]> rows = chunks.apply(afterId);
            for (Object[] row : rows) {
                Instant due = StatsService.instant(row[12]);
                boolean open = List.of("REPORTED", "DISPATCHED", "IN_PROGRESS").contains((String) row[1]);
                csv.printRecord(text(row[0]), msg.ticketStatus(TicketStatus.valueOf((String) row[1])), text(row[2]), row[3], text(row[4]), text(row[5]), text(row[6]),
                        text(row[7]), format(time, row[8]), format(time, row[9]), format(time, row[10]),
                        format(time, row[11]), time.format(due), open && due.isBefore(now) ? "是 yes" : "", row[13],
                        row[14], row[15], msg.channel(Channel.valueOf((String) row[16])), text(excerpt(row[18])));
                afterId = ((Number) row[17]).longValue();
            }
            csv.flush();
            if (rows.size() < CHUNK) {
                return;
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Object[]> page(Where cohort, long afterId) {
        return select(cohort.and("t.id > :afterId").with("afterId", afterId));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Object[]> rows(List<Long> ids) {
        return select(new Where("t.id in (:ids)", java.util.Map.of("ids", ids)));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> select(Where where) {
        var query = where.bind(em.createNativeQuery("select t.code, t.status, c.name_zh, t.priority, so.name_zh,"
                + " cm.name_zh, s.name_zh, o.name_zh, t.reported_at, t.dispatched_at, t.resolved_at, t.closed_at,"
                + " t.due_at, t.seconds_to_dispatch, t.seconds_to_resolve, t.reopen_count, t.channel, t.id, t.description"
                + " from ticket t join service_category c on c.id = t.category_id"
                + " join area so on so.id = t.street_office_id join area cm on cm.id = t.community_id"
                + " left join site s on s.id = t.site_id left join organization o on o.id = t.lead_organization_id"
                + " where " + where.sql() + " order by t.id"));
        query.setMaxResults(CHUNK);
        return new ArrayList<>((List<Object[]>) query.getResultList());
    }

    private static String excerpt(Object description) {
        String flat = description == null ? "" : description.toString().strip().replaceAll("\\s+", " ");
        return flat.length() <= DESCRIPTION_LENGTH ? flat : flat.substring(0, DESCRIPTION_LENGTH - 1) + "…";
    }

    private static String format(DateTimeFormatter time, Object value) {
        return value == null ? "" : time.format(StatsService.instant(value));
    }

    /** Names typed by people could start with = + - @ and run as a formula in Excel; a leading quote stops that. */
    private static String text(Object value) {
        String s = value == null ? "" : value.toString();
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
