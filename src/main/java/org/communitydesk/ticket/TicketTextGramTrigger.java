package org.communitydesk.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import org.communitydesk.common.TriggerColumns;
import org.h2.api.Trigger;

/**
 * Keeps {@code ticket_text_gram} (V38) in step with each ticket's description and address on H2 (db/h2/V38.1);
 * PostgreSQL needs no such table, its trigram indexes do the same.
 */
public class TicketTextGramTrigger implements Trigger {

    private static final String INSERT = "INSERT INTO ticket_text_gram (gram_key) SELECT k FROM UNNEST(CAST(? AS BIGINT ARRAY)) AS u(k)";
    private static final String DELETE = "DELETE FROM ticket_text_gram WHERE gram_key = ANY(CAST(? AS BIGINT ARRAY))";

    private int id;
    private int description;
    private int addressDetail;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        TriggerColumns positions = TriggerColumns.of(connection, schema, table, "ticket_text_gram");
        id = positions.position("id");
        description = positions.position("description");
        addressDetail = positions.position("address_detail");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && Objects.equals(oldRow[description], newRow[description])
                && Objects.equals(oldRow[addressDetail], newRow[addressDetail])) {
            return;
        }
        long before = oldRow == null ? -1 : ((Number) oldRow[id]).longValue();
        long after = newRow == null ? -1 : ((Number) newRow[id]).longValue();
        long[] was = oldRow == null ? new long[0] : TextGrams.hashes(text(oldRow));
        long[] is = newRow == null ? new long[0] : TextGrams.hashes(text(newRow));
        if (before == after) {
            write(connection, DELETE, before, Arrays.stream(was).filter(h -> Arrays.binarySearch(is, h) < 0).toArray());
            write(connection, INSERT, after, Arrays.stream(is).filter(h -> Arrays.binarySearch(was, h) < 0).toArray());
        } else {
            write(connection, DELETE, before, was);
            write(connection, INSERT, after, is);
        }
    }

    private String[] text(Object[] row) {
        return new String[] {(String) row[description], (String) row[addressDetail]};
    }

    private static void write(Connection connection, String sql, long ticketId, long[] hashes) throws SQLException {
        if (hashes.length == 0) {
            return;
        }
        Long[] keys = new Long[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            keys[i] = TextGrams.key(hashes[i], ticketId);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, keys);
            statement.executeUpdate();
        }
    }

    /**
     * Indexes the tickets there are, once, when db/h2/V38.1 brings the table: in slices by id, so that a large
     * database is not read into memory at once.
     */
    public static void indexAll(Connection connection) throws SQLException {
        long last = 0;
        try (PreparedStatement slice = connection.prepareStatement(
                "SELECT id, description, address_detail FROM ticket WHERE id > ? ORDER BY id FETCH FIRST 5000 ROWS ONLY")) {
            while (true) {
                slice.setLong(1, last);
                int read = 0;
                try (ResultSet rows = slice.executeQuery()) {
                    while (rows.next()) {
                        last = rows.getLong(1);
                        write(connection, INSERT, last, TextGrams.hashes(rows.getString(2), rows.getString(3)));
                        read++;
                    }
                }
                if (read == 0) {
                    return;
                }
            }
        }
    }
}
