package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.storage.ItemStore.Row;
import io.jets.dynamodb.local.internal.storage.KeyEncoding;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads of a secondary index, derived from the table on each read: the items carrying the index key (sparse
 * indexes leave the others out), ordered by index hash, index range, then table key. A local server holds
 * developer-sized tables, so the simplicity is worth more than an index kept on every write.
 */
final class IndexReads {

    private IndexReads() {
    }

    static List<ObjectNode> query(Connection connection, ItemStore items, ReadRequest read,
                                  Predicate<ObjectNode> condition, boolean forward) throws SQLException {
        List<ObjectNode> matching = new ArrayList<>();
        byte[] afterHash = null;
        byte[] afterRange = null;
        while (true) {
            List<Row> rows = items.scan(connection, read.table.id(), afterHash, afterRange, 1024);
            for (Row row : rows) {
                ObjectNode item = row.item();
                if (!holds(read.table, read.index, item)) {
                    continue;
                }
                if (condition == null || condition.test(item)) {
                    matching.add(item);
                }
            }
            if (rows.size() < 1024) {
                break;
            }
            afterHash = rows.get(rows.size() - 1).hash();
            afterRange = rows.get(rows.size() - 1).range();
        }
        Comparator<ObjectNode> order = order(read);
        matching.sort(forward ? order : order.reversed());
        return matching;
    }

    /** Item count and projected size in bytes of every secondary index, for DescribeTable. */
    static Map<String, long[]> stats(Connection connection, ItemStore items, TableDefinition table)
            throws SQLException {
        List<IndexDefinition> indexes = new ArrayList<>(table.localIndexes());
        indexes.addAll(table.globalIndexes());
        Map<String, long[]> stats = new HashMap<>();
        indexes.forEach(index -> stats.put(index.name(), new long[2]));
        byte[] afterHash = null;
        byte[] afterRange = null;
        while (true) {
            List<Row> rows = items.scan(connection, table.id(), afterHash, afterRange, 1024);
            for (Row row : rows) {
                for (IndexDefinition index : indexes) {
                    ObjectNode item = row.item();
                    if (holds(table, index, item)) {
                        long[] entry = stats.get(index.name());
                        entry[0]++;
                        entry[1] += "ALL".equals(index.projectionType()) ? row.size()
                                : AttributeValues.itemSize(projected(table, index, item));
                    }
                }
            }
            if (rows.size() < 1024) {
                return stats;
            }
            afterHash = rows.get(rows.size() - 1).hash();
            afterRange = rows.get(rows.size() - 1).range();
        }
    }

    /**
     * Whether the index holds the item: every index key attribute present with its defined type, not empty and
     * within the key size limits. Writes refuse other values once the index exists, but items written before an
     * index was added through UpdateTable may carry anything, and DynamoDB leaves those out of the index.
     */
    static boolean holds(TableDefinition table, IndexDefinition index, ObjectNode item) {
        return index.hashKeys().stream().allMatch(name -> holdsKey(table, item, name, 2048))
                && index.rangeKeys().stream().allMatch(name -> holdsKey(table, item, name, 1024));
    }

    private static boolean holdsKey(TableDefinition table, ObjectNode item, String attribute, int maxBytes) {
        var value = item.get(attribute);
        String type = table.typeOf(attribute);
        if (value == null || type == null || !value.has(type)) {
            return false;
        }
        String text = value.get(type).asText();
        return switch (type) {
            case "S" -> !text.isEmpty() && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= maxBytes;
            case "B" -> !text.isEmpty() && decodedLength(text) <= maxBytes;
            default -> true;
        };
    }

    private static long decodedLength(String base64) {
        try {
            return java.util.Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException notBase64) {
            return base64.length();
        }
    }

    private static ObjectNode projected(TableDefinition table, IndexDefinition index, ObjectNode item) {
        ObjectNode projected = item.objectNode();
        List<String> names = new ArrayList<>(table.keyNames());
        names.addAll(index.keyNames());
        if ("INCLUDE".equals(index.projectionType())) {
            names.addAll(index.nonKeyAttributes());
        }
        for (String name : names) {
            if (item.has(name)) {
                projected.set(name, item.get(name));
            }
        }
        return projected;
    }

    /** The items after {@code start} (an ExclusiveStartKey) in the read's order. */
    static List<ObjectNode> after(ReadRequest read, List<ObjectNode> ordered, ObjectNode start, boolean forward) {
        if (start == null) {
            return ordered;
        }
        Comparator<ObjectNode> order = forward ? order(read) : order(read).reversed();
        return ordered.stream().filter(item -> order.compare(item, start) > 0).toList();
    }

    private static Comparator<ObjectNode> order(ReadRequest read) {
        // a multi-attribute key sorts by its RANGE attributes compared one after another, in key schema order
        List<String> names = new ArrayList<>(read.index.keyNames());
        for (String name : read.table.keyNames()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return (a, b) -> {
            for (String name : names) {
                int compared = Arrays.compareUnsigned(KeyEncoding.encode(a.get(name)), KeyEncoding.encode(b.get(name)));
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        };
    }
}
