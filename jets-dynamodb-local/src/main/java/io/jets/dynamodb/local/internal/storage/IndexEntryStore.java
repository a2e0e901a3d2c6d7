package io.jets.dynamodb.local.internal.storage;

import io.jets.dynamodb.local.internal.storage.ItemStore.Bound;
import io.jets.dynamodb.local.internal.storage.ItemStore.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of secondary indexes: one row per item an index holds, keyed by table id, index name, the index key
 * (encoded so that BLOB order is DynamoDB's order) and the item's table key, so that reading an index in order is
 * a range scan of this table's primary key. An entry keeps the size of the item as the index projects it, for
 * DescribeTable. Every method runs inside the caller's transaction.
 */
public final class IndexEntryStore {

    /** An index read: entries with the items they point at, each found by its primary key. */
    private static final String SELECT = "SELECT e.hash, e.range, e.item_hash, e.item_range, i.item, i.size"
            + " FROM index_entries e JOIN items i"
            + " ON i.table_id = e.table_id AND i.hash = e.item_hash AND i.range = e.item_range"
            + " WHERE e.table_id = ? AND e.index_name = ?";

    /** An entry's place in its index: index key, then table key. */
    public record Position(byte[] hash, byte[] range, byte[] itemHash, byte[] itemRange) {
    }

    /** An entry read with the item it points at. */
    public record Entry(Position position, Row row) {
    }

    public void put(Connection connection, long tableId, String index, Position position, long size)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO index_entries"
                + " (table_id, index_name, hash, range, item_hash, item_range, size) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindKey(upsert, tableId, index, position);
            upsert.setLong(7, size);
            upsert.executeUpdate();
        }
    }

    public void delete(Connection connection, long tableId, String index, Position position) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM index_entries WHERE table_id = ?"
                + " AND index_name = ? AND hash = ? AND range = ? AND item_hash = ? AND item_range = ?")) {
            bindKey(delete, tableId, index, position);
            delete.executeUpdate();
        }
    }

    /** Drops every entry of one index (deleted, or about to be built again). */
    public void deleteIndex(Connection connection, long tableId, String index) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM index_entries WHERE table_id = ? AND index_name = ?")) {
            delete.setLong(1, tableId);
            delete.setString(2, index);
            delete.executeUpdate();
        }
    }

    /** Drops every entry of every index of a table. */
    public void deleteTable(Connection connection, long tableId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM index_entries WHERE table_id = ?")) {
            delete.setLong(1, tableId);
            delete.executeUpdate();
        }
    }

    /** The number of entries of an index and the sum of their projected sizes. */
    public long[] stats(Connection connection, long tableId, String index) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(size), 0)"
                + " FROM index_entries WHERE table_id = ? AND index_name = ?")) {
            select.setLong(1, tableId);
            select.setString(2, index);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    /**
     * Up to {@code limit} entries of one index hash key with their items, in index order ({@code forward}) or
     * reverse: index range within {@code [lower, upper]} (either null for unbounded), strictly after
     * {@code startAfter} (null to start at the first) in the direction read.
     */
    public List<Entry> partition(Connection connection, long tableId, String index, byte[] hash, Bound lower,
                                 Bound upper, Position startAfter, boolean forward, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" AND e.hash = ?");
        List<byte[]> args = new ArrayList<>();
        args.add(hash);
        if (lower != null) {
            sql.append(lower.inclusive() ? " AND e.range >= ?" : " AND e.range > ?");
            args.add(lower.value());
        }
        if (upper != null) {
            sql.append(upper.inclusive() ? " AND e.range <= ?" : " AND e.range < ?");
            args.add(upper.value());
        }
        if (startAfter != null) {
            sql.append(forward ? " AND (e.range, e.item_hash, e.item_range) > (?, ?, ?)"
                    : " AND (e.range, e.item_hash, e.item_range) < (?, ?, ?)");
            args.add(startAfter.range());
            args.add(startAfter.itemHash());
            args.add(startAfter.itemRange());
        }
        sql.append(forward ? " ORDER BY e.range, e.item_hash, e.item_range"
                : " ORDER BY e.range DESC, e.item_hash DESC, e.item_range DESC");
        return entries(connection, sql, tableId, index, args, limit);
    }

    /** Up to {@code limit} entries of an index with their items, in index order after {@code startAfter}. */
    public List<Entry> scan(Connection connection, long tableId, String index, Position startAfter, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT);
        List<byte[]> args = new ArrayList<>();
        if (startAfter != null) {
            sql.append(" AND (e.hash, e.range, e.item_hash, e.item_range) > (?, ?, ?, ?)");
            args.add(startAfter.hash());
            args.add(startAfter.range());
            args.add(startAfter.itemHash());
            args.add(startAfter.itemRange());
        }
        sql.append(" ORDER BY e.hash, e.range, e.item_hash, e.item_range");
        return entries(connection, sql, tableId, index, args, limit);
    }

    private static List<Entry> entries(Connection connection, StringBuilder sql, long tableId, String index,
                                       List<byte[]> args, int limit) throws SQLException {
        sql.append(" LIMIT ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setLong(1, tableId);
            select.setString(2, index);
            int parameter = 3;
            for (byte[] arg : args) {
                select.setBytes(parameter++, arg);
            }
            select.setInt(parameter, limit);
            List<Entry> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Position position = new Position(rows.getBytes(1), rows.getBytes(2), rows.getBytes(3),
                            rows.getBytes(4));
                    result.add(new Entry(position,
                            new Row(position.itemHash(), position.itemRange(), rows.getBytes(5), rows.getLong(6))));
                }
            }
            return result;
        }
    }

    private static void bindKey(PreparedStatement statement, long tableId, String index, Position position)
            throws SQLException {
        statement.setLong(1, tableId);
        statement.setString(2, index);
        statement.setBytes(3, position.hash());
        statement.setBytes(4, position.range());
        statement.setBytes(5, position.itemHash());
        statement.setBytes(6, position.itemRange());
    }
}
