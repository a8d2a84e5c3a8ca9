package org.communitydesk.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Objects;
import org.communitydesk.common.TriggerColumns;
import org.h2.api.Trigger;

/**
 * H2's side of {@code ticket_tally} (V9): for each ticket row written, one less in its old community, category
 * and status and one more in the new, in the ticket's stripe (V33). PostgreSQL runs the same rules in PL/pgSQL
 * (db/postgresql/V33.1).
 */
public class TicketTallyTrigger implements Trigger {

    /** As many as V33's check allows: a ticket counts in stripe {@code id % STRIPES}, all its life. */
    static final int STRIPES = 16;

    private static final String DUPLICATE_KEY = "23505";

    /** One row of ticket_tally; the order is the key's, in which both databases lock the rows. */
    record Cell(long streetOfficeId, long communityId, long categoryId, String status) {
        static final Comparator<Cell> KEY_ORDER = Comparator.comparingLong(Cell::communityId)
                .thenComparingLong(Cell::categoryId).thenComparing(Cell::status);
    }

    /**
     * Whether ticket_tally has its stripes yet. Migrations before V33 that move tickets run this class against the
     * old table; db/h2/V33.1 creates the trigger anew after V33, so that it looks again.
     */
    private boolean striped;
    private int id;
    private int streetOffice;
    private int community;
    private int category;
    private int status;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        TriggerColumns positions = TriggerColumns.of(connection, schema, table, "ticket_tally");
        striped = TriggerColumns.of(connection, schema, "TICKET_TALLY", "ticket_tally").has("stripe");
        id = positions.position("id");
        streetOffice = positions.position("street_office_id");
        community = positions.position("community_id");
        category = positions.position("category_id");
        status = positions.position("status");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Cell before = oldRow == null ? null : cell(oldRow);
        Cell after = newRow == null ? null : cell(newRow);
        if (Objects.equals(before, after)) {
            return;
        }
        Integer stripe = striped ? (int) (((Number) (newRow == null ? oldRow : newRow)[id]).longValue() % STRIPES) : null;
        if (before != null && after != null && Cell.KEY_ORDER.compare(after, before) < 0) {
            count(connection, after, stripe, 1);
            count(connection, before, stripe, -1);
            return;
        }
        if (before != null) {
            count(connection, before, stripe, -1);
        }
        if (after != null) {
            count(connection, after, stripe, 1);
        }
    }

    private Cell cell(Object[] row) {
        return new Cell(((Number) row[streetOffice]).longValue(), ((Number) row[community]).longValue(),
                ((Number) row[category]).longValue(), (String) row[status]);
    }

    /** One more or one less in the cell's row of the stripe (or, before V33, in the cell's only row). */
    private static void count(Connection connection, Cell cell, Integer stripe, int change) throws SQLException {
        if (update(connection, cell, stripe, change)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(stripe == null
                ? "INSERT INTO ticket_tally (street_office_id, community_id, category_id, status, tickets)"
                        + " VALUES (?, ?, ?, ?, ?)"
                : "INSERT INTO ticket_tally (street_office_id, community_id, category_id, status, tickets, stripe)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, cell.streetOfficeId());
            insert.setLong(2, cell.communityId());
            insert.setLong(3, cell.categoryId());
            insert.setString(4, cell.status());
            insert.setInt(5, change);
            if (stripe != null) {
                insert.setInt(6, stripe);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            // Another transaction added the row first (it waited for that one to end): count in it.
            if (!DUPLICATE_KEY.equals(e.getSQLState()) || !update(connection, cell, stripe, change)) {
                throw e;
            }
        }
    }

    private static boolean update(Connection connection, Cell cell, Integer stripe, int change) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ticket_tally SET tickets = tickets + ?"
                + " WHERE community_id = ? AND category_id = ? AND status = ?" + (stripe == null ? "" : " AND stripe = ?"))) {
            update.setInt(1, change);
            update.setLong(2, cell.communityId());
            update.setLong(3, cell.categoryId());
            update.setString(4, cell.status());
            if (stripe != null) {
                update.setInt(5, stripe);
            }
            return update.executeUpdate() > 0;
        }
    }
}
