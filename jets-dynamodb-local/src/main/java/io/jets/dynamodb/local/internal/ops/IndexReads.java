package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.storage.ItemStore.Row;
import io.jets.dynamodb.local.internal.storage.KeyEncoding;
import io.jets.dynamodb.local.internal.table.IndexEntries;
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
 * indexes leave the others out), ordered by index hash, index range, then table key. DescribeTable's figures come
 * from the index entries kept with every write ({@link IndexEntries}).
 */
final class IndexReads {

    private static final IndexEntryStore ENTRIES = new IndexEntryStore();

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
                if (!IndexEntries.holds(read.table, read.index, item)) {
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
    static Map<String, long[]> stats(Connection connection, TableDefinition table) throws SQLException {
        Map<String, long[]> stats = new HashMap<>();
        for (IndexDefinition index : IndexEntries.all(table)) {
            stats.put(index.name(), ENTRIES.stats(connection, table.id(), index.name()));
        }
        return stats;
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
