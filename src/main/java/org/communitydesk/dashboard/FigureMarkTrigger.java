package org.communitydesk.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.communitydesk.common.TriggerColumns;
import org.h2.api.Trigger;

/**
 * H2's side of ticket_figures_stale (V34): marks the days whose figures a write makes stale. On ticket, its report
 * day and its resolution day before and after the write, when a column a figure reads changed; on the tables of a
 * ticket's feedback, orders and work-order steps (V34.1, V35.1), their ticket's report day. PostgreSQL runs the
 * same rules in PL/pgSQL (db/postgresql/V34.1 and V35.1).
 */
public class FigureMarkTrigger implements Trigger {

    /** The ticket's columns that some figure reads (FigureScan); a write that changes none of them marks nothing. */
    private static final List<String> READ_BY_FIGURES = List.of("reported_at", "street_office_id", "community_id",
            "category_id", "lead_organization_id", "site_id", "status", "dispatched_at", "dispatch_due_at",
            "resolved_at", "due_at", "paused_at", "seconds_to_dispatch", "seconds_to_resolve", "reopen_count",
            "cancel_reason", "cancelled_at");

    private boolean onTicket;
    private int[] readByFigures;
    private int reportedAt;
    private int resolvedAt;
    private int ticketId;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        TriggerColumns positions = TriggerColumns.of(connection, schema, table, "ticket_figures_stale");
        onTicket = table.equalsIgnoreCase("ticket");
        if (onTicket) {
            readByFigures = new int[READ_BY_FIGURES.size()];
            for (int i = 0; i < readByFigures.length; i++) {
                readByFigures[i] = positions.position(READ_BY_FIGURES.get(i));
            }
            reportedAt = positions.position("reported_at");
            resolvedAt = positions.position("resolved_at");
        } else {
            ticketId = positions.position("ticket_id");
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!onTicket) {
            Set<Object> tickets = new LinkedHashSet<>();
            if (oldRow != null) {
                tickets.add(oldRow[ticketId]);
            }
            if (newRow != null) {
                tickets.add(newRow[ticketId]);
            }
            for (Object ticket : tickets) {
                try (PreparedStatement mark = connection.prepareStatement("INSERT INTO ticket_figures_stale (moment)"
                        + " SELECT reported_at FROM ticket WHERE id = ?")) {
                    mark.setObject(1, ticket);
                    mark.executeUpdate();
                }
            }
            return;
        }
        if (oldRow != null && newRow != null && unchanged(oldRow, newRow)) {
            return;
        }
        Set<Object> moments = new LinkedHashSet<>();
        for (Object[] row : new Object[][] { oldRow, newRow }) {
            if (row != null) {
                moments.add(row[reportedAt]);
                if (row[resolvedAt] != null) {
                    moments.add(row[resolvedAt]);
                }
            }
        }
        for (Object moment : moments) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "INSERT INTO ticket_figures_stale (moment) VALUES (?)")) {
                mark.setObject(1, moment);
                mark.executeUpdate();
            }
        }
    }

    private boolean unchanged(Object[] oldRow, Object[] newRow) {
        for (int position : readByFigures) {
            if (!Objects.equals(oldRow[position], newRow[position])) {
                return false;
            }
        }
        return true;
    }
}
