package io.jets.dynamodb.local.internal.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Items by table id and encoded key ({@link KeyEncoding}); a table without a sort key stores an empty range.
 * Every method runs inside the caller's transaction.
 */
public final class ItemStore {

    private final java.util.Map<Long, long[]> totals = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A stored item with its encoded key and DynamoDB size, as scans and queries page through them. The item's
     * JSON is parsed only when asked for: a plain Query or Scan answers with the stored text as it is.
     */
    public static final class Row {
        private final byte[] hash;
        private final byte[] range;
        private final byte[] json;
        private final long size;
        private ObjectNode item;

        Row(byte[] hash, byte[] range, byte[] json, long size) {
            this.hash = hash;
            this.range = range;
            this.json = json;
            this.size = size;
        }

        public byte[] hash() {
            return hash;
        }

        public byte[] range() {
            return range;
        }

        /** The stored text's bytes, for a caller that keeps them as they are. */
        public byte[] bytes() {
            return json;
        }

        /** The item as stored: DynamoDB JSON in UTF-8, numbers already normalised. */
        public StoredJson json() {
            return new StoredJson(json);
        }

        public long size() {
            return size;
        }

        public ObjectNode item() {
            if (item == null) {
                item = Json.parseObject(json);
            }
            return item;
        }
    }

    /** The stored item of a key with its stored text and size, or null. */
    public Row row(Connection connection, long tableId, byte[] hash, byte[] range) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT item, size FROM items WHERE table_id = ? AND hash = ? AND range = ?")) {
            select.setLong(1, tableId);
            select.setBytes(2, hash);
            select.setBytes(3, range);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Row(hash, range, rows.getBytes(1), rows.getLong(2)) : null;
            }
        }
    }

    /** Stores an item given as its DynamoDB JSON, {@code size} being its DynamoDB item size. */
    public void put(Connection connection, long tableId, byte[] hash, byte[] range, String itemJson, long size)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT OR REPLACE INTO items (table_id, hash, range, item, size) VALUES (?, ?, ?, ?, ?)")) {
            upsert.setLong(1, tableId);
            upsert.setBytes(2, hash);
            upsert.setBytes(3, range);
            upsert.setString(4, itemJson);
            upsert.setLong(5, size);
            upsert.executeUpdate();
        }
    }

    public void delete(Connection connection, long tableId, byte[] hash, byte[] range) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM items WHERE table_id = ? AND hash = ? AND range = ?")) {
            delete.setLong(1, tableId);
            delete.setBytes(2, hash);
            delete.setBytes(3, range);
            delete.executeUpdate();
        }
    }

    /**
     * Up to {@code limit} items of one partition in sort-key order ({@code forward}) or reverse, with sort keys
     * within {@code [lower, upper]} (either null for unbounded; inclusive unless told), after {@code startAfter}.
     */
    public List<Row> partition(Connection connection, long tableId, byte[] hash, Bound lower, Bound upper,
                               byte[] startAfter, boolean forward, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT hash, range, item, size FROM items WHERE table_id = ? AND hash = ?");
        List<byte[]> args = new ArrayList<>();
        if (lower != null) {
            sql.append(lower.inclusive() ? " AND range >= ?" : " AND range > ?");
            args.add(lower.value());
        }
        if (upper != null) {
            sql.append(upper.inclusive() ? " AND range <= ?" : " AND range < ?");
            args.add(upper.value());
        }
        if (startAfter != null) {
            sql.append(forward ? " AND range > ?" : " AND range < ?");
            args.add(startAfter);
        }
        sql.append(forward ? " ORDER BY range ASC" : " ORDER BY range DESC").append(" LIMIT ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setLong(1, tableId);
            select.setBytes(2, hash);
            int index = 3;
            for (byte[] arg : args) {
                select.setBytes(index++, arg);
            }
            select.setInt(index, limit);
            return rows(select);
        }
    }

    /** Up to {@code limit} items of a table in key order after the given key (both null to start). */
    public List<Row> scan(Connection connection, long tableId, byte[] afterHash, byte[] afterRange, int limit)
            throws SQLException {
        String sql = afterHash == null
                ? "SELECT hash, range, item, size FROM items WHERE table_id = ? ORDER BY hash, range LIMIT ?"
                : "SELECT hash, range, item, size FROM items WHERE table_id = ? AND (hash, range) > (?, ?)"
                        + " ORDER BY hash, range LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, tableId);
            int index = 2;
            if (afterHash != null) {
                select.setBytes(index++, afterHash);
                select.setBytes(index++, afterRange);
            }
            select.setInt(index, limit);
            return rows(select);
        }
    }

    /** An item's key (as stored) and the text of a Number attribute it carries. */
    public record NumberAttribute(byte[] hash, byte[] range, String number) {
    }

    /**
     * Up to {@code limit} items of a table, in key order after the given key (both null to start), that carry
     * {@code attribute} as a Number: their keys and the number's text, read by SQLite from the stored JSON without
     * handing whole items over. Null when the name cannot be written as a JSON path (it holds a quote or backslash).
     */
    public List<NumberAttribute> numberAttributes(Connection connection, long tableId, String attribute,
                                                  byte[] afterHash, byte[] afterRange, int limit)
            throws SQLException {
        if (attribute.indexOf('"') >= 0 || attribute.indexOf('\\') >= 0) {
            return null;
        }
        String sql = "SELECT hash, range, json_extract(item, ?) AS number FROM items WHERE table_id = ?"
                + (afterHash == null ? "" : " AND (hash, range) > (?, ?)")
                + " AND number IS NOT NULL ORDER BY hash, range LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, "$.\"" + attribute + "\".N");
            select.setLong(2, tableId);
            int index = 3;
            if (afterHash != null) {
                select.setBytes(index++, afterHash);
                select.setBytes(index++, afterRange);
            }
            select.setInt(index, limit);
            List<NumberAttribute> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new NumberAttribute(rows.getBytes(1), rows.getBytes(2), rows.getString(3)));
                }
            }
            return found;
        }
    }

    /**
     * A table's item count and total item size as last counted and kept since, or null while it has not been
     * counted. The array is never changed: a write replaces it.
     */
    public long[] knownTotals(long tableId) {
        return totals.get(tableId);
    }

    /**
     * Counts a table's items and their total size, and keeps the totals from then on (through
     * {@link #adjustTotals}): DescribeTable, which clients call over and over, then answers without reading every
     * item. Call inside a write transaction, so that no write commits between the count and the first change kept.
     */
    public long[] countTotals(Connection connection, long tableId) throws SQLException {
        long[] counted = {count(connection, tableId), totalSize(connection, tableId)};
        totals.put(tableId, counted);
        return counted;
    }

    /** Whether a write to the table must report its change of the totals. */
    public boolean keepsTotals(long tableId) {
        return totals.containsKey(tableId);
    }

    /** Applies a committed write's change: {@code items} more (or fewer) items of {@code bytes} more in all. */
    public void adjustTotals(long tableId, long items, long bytes) {
        totals.computeIfPresent(tableId, (id, was) -> new long[] {was[0] + items, was[1] + bytes});
    }

    /** Forgets a deleted table's totals. */
    public void forgetTotals(long tableId) {
        totals.remove(tableId);
    }

    public long count(Connection connection, long tableId) throws SQLException {
        return aggregate(connection, "SELECT COUNT(*) FROM items WHERE table_id = ?", tableId);
    }

    public long totalSize(Connection connection, long tableId) throws SQLException {
        return aggregate(connection, "SELECT COALESCE(SUM(size), 0) FROM items WHERE table_id = ?", tableId);
    }

    private static long aggregate(Connection connection, String sql, long tableId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, tableId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Row> rows(PreparedStatement select) throws SQLException {
        List<Row> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new Row(rows.getBytes(1), rows.getBytes(2), rows.getBytes(3), rows.getLong(4)));
            }
        }
        return result;
    }

    /** One end of a sort-key range. */
    public record Bound(byte[] value, boolean inclusive) {
    }
}
