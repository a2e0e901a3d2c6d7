package io.jets.dynamodb.local.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What the items of a table with point-in-time recovery looked like before each change: every write to such a
 * table first keeps the item it replaces (or notes that there was none) with the time of the change. The items
 * as they were at a time T are then the current items, with each one changed after T put back to the version the
 * first change after T replaced. Tables without recovery keep nothing, and so pay nothing on their writes.
 * Every method runs inside the caller's transaction.
 */
public final class ItemHistory {

    /** Keeps the stored version of one item (none when it is absent) as it was before a change at {@code changed}. */
    public void record(Connection connection, long tableId, byte[] hash, byte[] range, long changed, boolean existed)
            throws SQLException {
        // copied from the row itself, so the kept version is the stored text and size, not a re-serialised one
        String sql = existed
                ? "INSERT INTO item_history (table_id, hash, range, changed, item, size)"
                        + " SELECT table_id, hash, range, ?, item, size FROM items"
                        + " WHERE table_id = ? AND hash = ? AND range = ?"
                : "INSERT INTO item_history (changed, table_id, hash, range, item, size) VALUES (?, ?, ?, ?, NULL, 0)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, changed);
            insert.setLong(2, tableId);
            insert.setBytes(3, hash);
            insert.setBytes(4, range);
            insert.executeUpdate();
        }
    }

    /** Fills table {@code toId} with the items table {@code fromId} held at {@code atMillis}. */
    public void copyAsOf(Connection connection, long fromId, long toId, long atMillis) throws SQLException {
        try (PreparedStatement unchanged = connection.prepareStatement(
                "INSERT INTO items (table_id, hash, range, item, size) SELECT ?, i.hash, i.range, i.item, i.size"
                        + " FROM items i WHERE i.table_id = ? AND NOT EXISTS (SELECT 1 FROM item_history h"
                        + " WHERE h.table_id = i.table_id AND h.hash = i.hash AND h.range = i.range"
                        + " AND h.changed > ?)");
             PreparedStatement changed = connection.prepareStatement(
                "INSERT INTO items (table_id, hash, range, item, size) SELECT ?, h.hash, h.range, h.item, h.size"
                        + " FROM item_history h WHERE h.table_id = ? AND h.changed > ? AND h.item IS NOT NULL"
                        + " AND h.seq = (SELECT MIN(f.seq) FROM item_history f WHERE f.table_id = h.table_id"
                        + " AND f.hash = h.hash AND f.range = h.range AND f.changed > ?)")) {
            unchanged.setLong(1, toId);
            unchanged.setLong(2, fromId);
            unchanged.setLong(3, atMillis);
            unchanged.executeUpdate();
            changed.setLong(1, toId);
            changed.setLong(2, fromId);
            changed.setLong(3, atMillis);
            changed.setLong(4, atMillis);
            changed.executeUpdate();
        }
    }

    /** Drops what no restore can ask for any more: the versions replaced before {@code beforeMillis}. */
    public void trim(Connection connection, long tableId, long beforeMillis) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM item_history WHERE table_id = ? AND changed < ?")) {
            delete.setLong(1, tableId);
            delete.setLong(2, beforeMillis);
            delete.executeUpdate();
        }
    }

    /** Drops a table's whole history, when its recovery is turned off or the table is deleted. */
    public void forget(Connection connection, long tableId) throws SQLException {
        trim(connection, tableId, Long.MAX_VALUE);
    }
}
