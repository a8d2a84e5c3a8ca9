package org.communitydesk.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * H2's side of ticket_figures_stale (V34): marks the days whose figures a write makes stale. On ticket, its report
 * day and its resolution day before and after the write, when a column a figure reads changed; on ticket_feedback
 * and ticket_assignment, their ticket's report day. PostgreSQL runs the same rules in PL/pgSQL (db/postgresql/V34.1).
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
        Map<String, Integer> positions = columns(connection, schema, table);
        onTicket = table.equalsIgnoreCase("ticket");
        if (onTicket) {
            readByFigures = new int[READ_BY_FIGURES.size()];
            for (int i = 0; i < readByFigures.length; i++) {
                readByFigures[i] = position(positions, READ_BY_FIGURES.get(i), table);
            }
            reportedAt = position(positions, "reported_at", table);
            resolvedAt = position(positions, "resolved_at", table);
        } else {
            ticketId = position(positions, "ticket_id", table);
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

    /** A table's columns, lower case, with their positions from 0. */
    private static Map<String, Integer> columns(Connection connection, String schema, String table) throws SQLException {
        Map<String, Integer> positions = new HashMap<>();
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                positions.put(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        columns.getInt("ORDINAL_POSITION") - 1);
            }
        }
        return positions;
    }

    private static int position(Map<String, Integer> positions, String column, String table) throws SQLException {
        Integer position = positions.get(column);
        if (position == null) {
            throw new SQLException("ticket_figures_stale trigger: the table " + table + " has no column " + column
                    + "; the migrations and FigureMarkTrigger disagree");
        }
        return position;
    }
}
