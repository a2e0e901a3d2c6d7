package io.jets.dynamodb.local.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore.Position;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.storage.ItemStore.Row;
import io.jets.dynamodb.local.internal.storage.KeyEncoding;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Keeps the entries of a table's secondary indexes ({@link IndexEntryStore}) following its items: which items an
 * index holds, where in the index they sort, and the size of what it projects. Every method runs inside the
 * caller's write transaction, so an index never disagrees with its table.
 *
 * <p>An index key of one attribute is stored as that attribute's {@link KeyEncoding}, as table keys are, so the
 * bounds of a key condition are the same bytes for a table and an index. A multi-attribute key part is the
 * concatenation of its attributes' encodings, each escaped (a 0 byte as 0, 0xFF) and closed by 0, 0: no encoding
 * is then a prefix of another, and the bytes sort as the attributes compared one after another.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/SecondaryIndexes.html">
 *     Improving data access with secondary indexes</a>
 */
public final class IndexEntries {

    private static final byte[] EMPTY = new byte[0];
    private static final int CHUNK = 1024;

    private final ItemStore items = new ItemStore();
    private final IndexEntryStore entries = new IndexEntryStore();

    /** Whether the table has a secondary index: a table without one never reaches this class on a write. */
    public static boolean any(TableDefinition table) {
        return !table.globalIndexes().isEmpty() || !table.localIndexes().isEmpty()
                || !table.vectorIndexes().isEmpty();
    }

    /** The table's local then global secondary indexes. */
    public static List<IndexDefinition> all(TableDefinition table) {
        List<IndexDefinition> indexes = new ArrayList<>(table.localIndexes());
        indexes.addAll(table.globalIndexes());
        return indexes;
    }

    /**
     * Follows one item change: {@code old} (null when the item was absent) replaced by {@code next} (null when it
     * is deleted, else stored with DynamoDB size {@code nextSize}); {@code itemHash} and {@code itemRange} are the
     * item's encoded table key.
     */
    public void change(Connection connection, TableDefinition table, byte[] itemHash, byte[] itemRange,
                       ObjectNode old, ObjectNode next, long nextSize) throws SQLException {
        for (IndexDefinition index : all(table)) {
            follow(connection, table.id(), index.name(),
                    old == null ? null : position(table, index, old, itemHash, itemRange),
                    next == null ? null : position(table, index, next, itemHash, itemRange),
                    () -> projectedSize(table, index, next, nextSize), () -> projectedSize(table, index, old, -1));
        }
        for (VectorIndexDefinition index : table.vectorIndexes()) {
            follow(connection, table.id(), index.name(),
                    old == null ? null : position(table, index, old, itemHash, itemRange),
                    next == null ? null : position(table, index, next, itemHash, itemRange),
                    () -> projectedSize(table, index, next, nextSize), () -> projectedSize(table, index, old, -1));
        }
    }

    /**
     * Moves an item's entry in one index from {@code before} to {@code after} (either null where the index does
     * not hold the item); an entry that keeps its place is written again only when its size changed.
     */
    private void follow(Connection connection, long tableId, String index, Position before, Position after,
                        LongSupplier nextSize, LongSupplier oldSize) throws SQLException {
        boolean samePlace = before != null && after != null && samePlace(before, after);
        if (before != null && !samePlace) {
            entries.delete(connection, tableId, index, before);
        }
        if (after != null) {
            long size = nextSize.getAsLong();
            if (!samePlace || size != oldSize.getAsLong()) {
                entries.put(connection, tableId, index, after, size);
            }
        }
    }

    /** Builds the entries of every index of a table from its items (restored, or stored before entries). */
    public void build(Connection connection, TableDefinition table) throws SQLException {
        for (IndexDefinition index : all(table)) {
            build(connection, table, index);
        }
        for (VectorIndexDefinition index : table.vectorIndexes()) {
            build(connection, table, index);
        }
    }

    /**
     * Brings the entries in line with a changed definition: an index that is gone loses its entries, a new one
     * (a global index created by UpdateTable) gets an entry for every item of the table that it holds.
     */
    public void reconcile(Connection connection, TableDefinition before, TableDefinition after) throws SQLException {
        for (IndexDefinition old : all(before)) {
            if (!holdsSameEntries(before, old, after, find(after, old.name()))) {
                entries.deleteIndex(connection, before.id(), old.name());
            }
        }
        for (IndexDefinition created : all(after)) {
            IndexDefinition old = find(before, created.name());
            if (!holdsSameEntries(before, old, after, created)) {
                build(connection, after, created);
            }
        }
        for (VectorIndexDefinition old : before.vectorIndexes()) {
            if (!old.equals(after.vectorIndex(old.name()))) {
                entries.deleteIndex(connection, before.id(), old.name());
            }
        }
        for (VectorIndexDefinition created : after.vectorIndexes()) {
            if (!created.equals(before.vectorIndex(created.name()))) {
                build(connection, after, created);
            }
        }
    }

    public void deleteTable(Connection connection, long tableId) throws SQLException {
        entries.deleteTable(connection, tableId);
    }

    private void build(Connection connection, TableDefinition table, IndexDefinition index) throws SQLException {
        build(connection, table.id(), index.name(), row -> position(table, index, row.item(), row.hash(), row.range()),
                row -> projectedSize(table, index, row.item(), row.size()));
    }

    /** The entries of a vector index, one for every item of the table that it holds. */
    private void build(Connection connection, TableDefinition table, VectorIndexDefinition index)
            throws SQLException {
        build(connection, table.id(), index.name(), row -> position(table, index, row.item(), row.hash(), row.range()),
                row -> projectedSize(table, index, row.item(), row.size()));
    }

    /**
     * Builds an index's entries anew from every item of its table: {@code position} places an item in the index
     * (null when the index does not hold it) and {@code size} sizes what the index keeps of it.
     */
    private void build(Connection connection, long tableId, String index, Function<Row, Position> position,
                       ToLongFunction<Row> size) throws SQLException {
        entries.deleteIndex(connection, tableId, index);
        byte[] afterHash = null;
        byte[] afterRange = null;
        while (true) {
            List<Row> rows = items.scan(connection, tableId, afterHash, afterRange, CHUNK);
            for (Row row : rows) {
                Position place = position.apply(row);
                if (place != null) {
                    entries.put(connection, tableId, index, place, size.applyAsLong(row));
                }
            }
            if (rows.size() < CHUNK) {
                return;
            }
            afterHash = rows.get(rows.size() - 1).hash();
            afterRange = rows.get(rows.size() - 1).range();
        }
    }

    /**
     * Where an item sits in a vector index, or null when the index does not hold it: its entries are grouped by
     * the value of the search schema's HASH attribute (all in one group without one) and carry no range.
     */
    private static Position position(TableDefinition table, VectorIndexDefinition index, ObjectNode item,
                                     byte[] itemHash, byte[] itemRange) {
        if (!holds(table, index, item)) {
            return null;
        }
        String hash = index.hashAttribute();
        return new Position(hash == null ? EMPTY : KeyEncoding.encode(item.get(hash)), EMPTY, itemHash, itemRange);
    }

    /**
     * Whether a vector index holds the item: a list of exactly its dimensions of numbers within the range of a
     * 32-bit float under the vector attribute, and the HASH attribute of its search schema, if it has one, of
     * the defined type and not empty. Writes refuse other vectors once the index exists; items written before
     * the index was added may carry anything, and stay out of it.
     */
    public static boolean holds(TableDefinition table, VectorIndexDefinition index, ObjectNode item) {
        return VectorValues.floats(item.get(index.vectorAttribute()), index.dimensions()) != null
                && (index.hashAttribute() == null || holdsKey(table, item, index.hashAttribute(), 2048));
    }

    /** The size of the item as a vector index holds it ({@link #projection}). */
    private static long projectedSize(TableDefinition table, VectorIndexDefinition index, ObjectNode item,
                                      long size) {
        if ("ALL".equals(index.projectionType())) {
            return size >= 0 ? size : AttributeValues.itemSize(item);
        }
        return AttributeValues.itemSize(projection(table, index, item));
    }

    /**
     * What a vector index keeps of an item: the whole item for ALL, else its table key, vector and search schema
     * attributes, and with INCLUDE the attributes listed.
     */
    public static ObjectNode projection(TableDefinition table, VectorIndexDefinition index, ObjectNode item) {
        if ("ALL".equals(index.projectionType())) {
            return item;
        }
        List<String> names = new ArrayList<>(table.keyNames());
        names.add(index.vectorAttribute());
        index.searchSchema().forEach(element -> names.add(element.attributeName()));
        if ("INCLUDE".equals(index.projectionType())) {
            names.addAll(index.nonKeyAttributes());
        }
        ObjectNode projected = Json.object();
        for (String name : names) {
            if (item.has(name)) {
                projected.set(name, item.get(name));
            }
        }
        return projected;
    }

    private static IndexDefinition find(TableDefinition table, String name) {
        return all(table).stream().filter(index -> index.name().equals(name)).findFirst().orElse(null);
    }

    /** Whether two definitions of an index select and place the same items, whatever their capacities. */
    private static boolean holdsSameEntries(TableDefinition beforeTable, IndexDefinition before,
                                            TableDefinition afterTable, IndexDefinition after) {
        if (before == null || after == null) {
            return false;
        }
        return before.hashKeys().equals(after.hashKeys()) && before.rangeKeys().equals(after.rangeKeys())
                && before.projectionType().equals(after.projectionType())
                && before.nonKeyAttributes().equals(after.nonKeyAttributes())
                && before.keyNames().stream()
                        .allMatch(name -> Objects.equals(beforeTable.typeOf(name), afterTable.typeOf(name)));
    }

    private static boolean samePlace(Position a, Position b) {
        return Arrays.equals(a.hash(), b.hash()) && Arrays.equals(a.range(), b.range());
    }

    /** Where the item sorts in the index, or null when the index does not hold it. */
    private static Position position(TableDefinition table, IndexDefinition index, ObjectNode item,
                                     byte[] itemHash, byte[] itemRange) {
        if (!holds(table, index, item)) {
            return null;
        }
        return new Position(encode(index.hashKeys(), item::get), encode(index.rangeKeys(), item::get),
                itemHash, itemRange);
    }

    /**
     * The stored form of one part (HASH or RANGE) of an index key, {@code values} giving each attribute's value:
     * empty without attributes, one attribute's key encoding, or several escaped and closed one after another.
     */
    public static byte[] encode(List<String> names, Function<String, JsonNode> values) {
        if (names.isEmpty()) {
            return EMPTY;
        }
        if (names.size() == 1) {
            return KeyEncoding.encode(values.apply(names.get(0)));
        }
        return encodeAttributes(names, values);
    }

    /**
     * Attributes' encodings escaped and closed one after another, as a multi-attribute key part holds them: the
     * encoding of leading attributes of such a part is a prefix of the part's.
     */
    public static byte[] encodeAttributes(List<String> names, Function<String, JsonNode> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            for (byte b : KeyEncoding.encode(values.apply(name))) {
                out.write(b);
                if (b == 0) {
                    out.write(0xFF);
                }
            }
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    /**
     * Whether the index holds the item: every index key attribute present with its defined type, not empty and
     * within the key size limits. Writes refuse other values once the index exists, but items written before an
     * index was added through UpdateTable may carry anything, and DynamoDB leaves those out of the index.
     */
    public static boolean holds(TableDefinition table, IndexDefinition index, ObjectNode item) {
        return index.hashKeys().stream().allMatch(name -> holdsKey(table, item, name, 2048))
                && index.rangeKeys().stream().allMatch(name -> holdsKey(table, item, name, 1024));
    }

    private static boolean holdsKey(TableDefinition table, ObjectNode item, String attribute, int maxBytes) {
        JsonNode value = item.get(attribute);
        String type = table.typeOf(attribute);
        if (value == null || type == null || !value.has(type)) {
            return false;
        }
        String text = value.get(type).asText();
        return switch (type) {
            case "S" -> !text.isEmpty() && text.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
            case "B" -> !text.isEmpty() && decodedLength(text) <= maxBytes;
            default -> true;
        };
    }

    private static long decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException notBase64) {
            return base64.length();
        }
    }

    /** The size of the item as the index holds it; {@code size} is the whole item's, or -1 when not known. */
    private static long projectedSize(TableDefinition table, IndexDefinition index, ObjectNode item, long size) {
        if ("ALL".equals(index.projectionType())) {
            return size >= 0 ? size : AttributeValues.itemSize(item);
        }
        ObjectNode projected = Json.object();
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
        return AttributeValues.itemSize(projected);
    }
}
