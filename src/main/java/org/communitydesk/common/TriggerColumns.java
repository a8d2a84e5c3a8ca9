package org.communitydesk.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a table's columns sit in the rows an H2 trigger receives: the triggers written in Java (the ticket tally,
 * the figure marks) find them by name once, at {@code init}, so that a migration adding a column does not move them.
 */
public final class TriggerColumns {

    private final String trigger;
    private final String table;
    private final Map<String, Integer> positions = new HashMap<>();

    private TriggerColumns(String trigger, String table) {
        this.trigger = trigger;
        this.table = table;
    }

    /** The columns of {@code table}, lower case, with their positions from 0. */
    public static TriggerColumns of(Connection connection, String schema, String table, String trigger)
            throws SQLException {
        TriggerColumns columns = new TriggerColumns(trigger, table);
        try (ResultSet rows = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (rows.next()) {
                columns.positions.put(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        rows.getInt("ORDINAL_POSITION") - 1);
            }
        }
        return columns;
    }

    public boolean has(String column) {
        return positions.containsKey(column);
    }

    /** The column's position; a missing column stops the trigger with a message that names both. */
    public int position(String column) throws SQLException {
        Integer position = positions.get(column);
        if (position == null) {
            throw new SQLException(trigger + " trigger: the table " + table + " has no column " + column
                    + "; the migrations and this class disagree");
        }
        return position;
    }
}
