package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.expr.MultiKeyCondition;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore.Entry;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore.Position;
import io.jets.dynamodb.local.internal.storage.ItemStore.Bound;
import io.jets.dynamodb.local.internal.table.IndexEntries;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads of a secondary index from its entries ({@link IndexEntries}), kept with every write: a Query reads the
 * entries of one index hash key in order, index range then table key, as a table Query reads one partition; a
 * Scan reads every entry in that order. Sparse indexes have entries only for the items carrying the index key.
 */
final class IndexReads {

    private static final int CHUNK = 256;
    private static final IndexEntryStore ENTRIES = new IndexEntryStore();

    private IndexReads() {
    }

    /**
     * A page of a Query on an index: the items of index hash key {@code hash} with index range within
     * {@code bounds} that satisfy {@code condition}, after {@code start} (an ExclusiveStartKey, or null).
     */
    static ObjectNode query(Connection connection, ReadRequest read, byte[] hash, Bound[] bounds,
                            Predicate<ObjectNode> condition, ObjectNode start, boolean forward, ObjectNode request)
            throws SQLException {
        Position after = null;
        if (start != null) {
            Position startAt = position(read, start);
            int side = Arrays.compareUnsigned(startAt.hash(), hash);
            if (side == 0) {
                after = startAt;
            } else if ((side < 0) != forward) {
                // the start key sorts after every item of this hash key in the direction read
                return read.respond(List.of(), null, request);
            }
        }
        List<ObjectNode> evaluated = new ArrayList<>();
        long bytes = 0;
        while (true) {
            int want = (int) Math.min(CHUNK, (long) read.limit - evaluated.size());
            List<Entry> entries = ENTRIES.partition(connection, read.table.id(), read.index.name(), hash, bounds[0],
                    bounds[1], after, forward, want);
            for (Entry entry : entries) {
                ObjectNode item = entry.row().item();
                if (!condition.test(item)) {
                    continue;
                }
                evaluated.add(item);
                bytes += AttributeValues.itemSize(read.asStored(item));
                if (evaluated.size() >= read.limit || bytes >= ReadRequest.PAGE_BYTES) {
                    return read.respond(evaluated, item, request);
                }
            }
            if (entries.size() < want) {
                return read.respond(evaluated, null, request);
            }
            after = entries.get(entries.size() - 1).position();
        }
    }

    /**
     * A page of a Query on an index with a multi-attribute key: the stored hash is that of every HASH attribute's
     * value, and the equalities on leading RANGE attributes bound the stored range by their prefix.
     */
    static ObjectNode query(Connection connection, ReadRequest read, MultiKeyCondition condition, ObjectNode start,
                            boolean forward, ObjectNode request) throws SQLException {
        IndexDefinition index = read.index;
        Map<String, JsonNode> equalities = condition.equalities();
        byte[] hash = IndexEntries.encode(index.hashKeys(), equalities::get);
        List<String> prefix = new ArrayList<>();
        for (String name : index.rangeKeys()) {
            if (!equalities.containsKey(name)) {
                break;
            }
            prefix.add(name);
        }
        Bound[] bounds = new Bound[2];
        if (index.rangeKeys().size() > 1 && !prefix.isEmpty()) {
            byte[] encoded = IndexEntries.encodeAttributes(prefix, equalities::get);
            bounds[0] = new Bound(encoded, true);
            bounds[1] = QueryOperations.successor(encoded);
        }
        return query(connection, read, hash, bounds, condition::matches, start, forward, request);
    }

    /**
     * A page of a Scan of an index, in index order; {@code inSegment} tells from an item's encoded table hash key
     * whether it belongs to the segment scanned.
     */
    static ObjectNode scan(Connection connection, ReadRequest read, Predicate<byte[]> inSegment, ObjectNode start,
                           ObjectNode request) throws SQLException {
        Position after = start == null ? null : position(read, start);
        List<ObjectNode> evaluated = new ArrayList<>();
        long bytes = 0;
        while (true) {
            List<Entry> entries = ENTRIES.scan(connection, read.table.id(), read.index.name(), after, CHUNK);
            for (Entry entry : entries) {
                if (!inSegment.test(entry.position().itemHash())) {
                    continue;
                }
                ObjectNode item = entry.row().item();
                evaluated.add(item);
                bytes += AttributeValues.itemSize(read.asStored(item));
                if (evaluated.size() >= read.limit || bytes >= ReadRequest.PAGE_BYTES) {
                    return read.respond(evaluated, item, request);
                }
            }
            if (entries.size() < CHUNK) {
                return read.respond(evaluated, null, request);
            }
            after = entries.get(entries.size() - 1).position();
        }
    }

    /** Item count and projected size in bytes of every secondary and vector index, for DescribeTable. */
    static Map<String, long[]> stats(Connection connection, TableDefinition table) throws SQLException {
        List<String> names = new ArrayList<>();
        IndexEntries.all(table).forEach(index -> names.add(index.name()));
        table.vectorIndexes().forEach(index -> names.add(index.name()));
        Map<String, long[]> stats = new HashMap<>();
        for (String name : names) {
            stats.put(name, ENTRIES.stats(connection, table.id(), name));
        }
        return stats;
    }

    /** Where an ExclusiveStartKey (table key plus index key) sorts among the index's entries. */
    private static Position position(ReadRequest read, ObjectNode start) {
        return new Position(IndexEntries.encode(read.index.hashKeys(), start::get),
                IndexEntries.encode(read.index.rangeKeys(), start::get), Keys.hash(read.table, start),
                Keys.range(read.table, start));
    }
}
