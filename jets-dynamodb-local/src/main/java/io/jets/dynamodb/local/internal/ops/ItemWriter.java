package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.expr.Update;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.ItemHistory;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.stream.StreamRecords;
import io.jets.dynamodb.local.internal.table.IndexEntries;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The one way items change: the stored item and its stream record in the caller's transaction. Every write
 * operation (single, batch, transaction, PartiQL, time to live) goes through here.
 */
public final class ItemWriter {

    static final long MAX_ITEM_SIZE = 400 * 1024;
    /** DynamoDB's limit on nested levels, the item itself counted as the first. */
    static final int MAX_NESTING = 32;

    /** Items read in the current write transaction, by identity, with the text and size they are stored with. */
    private static final String STORED_ROWS = "stored-rows";

    private final Database database;
    private final ItemStore items;
    private final StreamRecords records;
    private final ItemHistory history;
    private final Clock clock;
    private final IndexEntries indexEntries = new IndexEntries();

    public ItemWriter(Database database, ItemStore items, StreamRecords records, ItemHistory history, Clock clock) {
        this.database = database;
        this.items = items;
        this.records = records;
        this.history = history;
        this.clock = clock;
    }

    public ObjectNode read(Connection connection, TableDefinition table, JsonNode key) throws SQLException {
        ItemStore.Row row = row(connection, table, key);
        if (row == null) {
            return null;
        }
        ObjectNode item = row.item();
        if (database.inWriteTransaction() && table.streamEnabled()) {
            // the change this read comes before records the old image as stored, not written out again
            storedRows().put(item, row);
        }
        return item;
    }

    /** The stored item of a key as the store holds it (text and size), or null. */
    public ItemStore.Row row(Connection connection, TableDefinition table, JsonNode key) throws SQLException {
        return items.row(connection, table.id(), Keys.hash(table, key), Keys.range(table, key));
    }

    @SuppressWarnings("unchecked")
    private Map<ObjectNode, ItemStore.Row> storedRows() {
        return (Map<ObjectNode, ItemStore.Row>) database.transactionState()
                .computeIfAbsent(STORED_ROWS, name -> new IdentityHashMap<ObjectNode, ItemStore.Row>());
    }

    /**
     * Stores {@code next} (null deletes) replacing {@code old} (null when absent) and records the change, once
     * {@code next} has passed the table's index value checks ({@link IndexValueChecks}, in a put's words).
     */
    public void write(Connection connection, TableDefinition table, ObjectNode key, ObjectNode old,
                      ObjectNode next, boolean byService) throws SQLException {
        write(connection, table, key, old, next, sizeOf(next), byService);
    }

    /** {@link #write} for a caller that has sized {@code next} already ({@link #checkSize}). */
    void write(Connection connection, TableDefinition table, ObjectNode key, ObjectNode old, ObjectNode next,
               long nextSize, boolean byService) throws SQLException {
        if (next != null) {
            IndexValueChecks.Refusal refusal = IndexValueChecks.refusal(table, next, old, false);
            if (refusal != null) {
                throw refusal.error();
            }
        }
        writeChecked(connection, table, key, old, next, nextSize, byService);
    }

    /**
     * {@link #write} for a caller that has run the index value checks itself, to word a refusal as its request
     * does or to report it as a transaction's cancellation reason.
     */
    void writeChecked(Connection connection, TableDefinition table, ObjectNode key, ObjectNode old,
                      ObjectNode next, boolean byService) throws SQLException {
        writeChecked(connection, table, key, old, next, sizeOf(next), byService);
    }

    /** The size of the item a write leaves: 0 for a delete. */
    private static long sizeOf(ObjectNode next) {
        return next == null ? 0 : AttributeValues.itemSize(next);
    }

    private void writeChecked(Connection connection, TableDefinition table, ObjectNode key, ObjectNode old,
                              ObjectNode next, long nextSize, boolean byService) throws SQLException {
        byte[] hash = Keys.hash(table, key);
        byte[] range = Keys.range(table, key);
        StreamRecords.Image nextImage = null;
        if (next == null && old == null) {
            return;
        }
        if (table.options().recoveryPeriodInDays() > 0) {
            history.record(connection, table.id(), hash, range, clock.millis(), old != null);
        }
        if (next == null) {
            items.delete(connection, table.id(), hash, range);
        } else {
            // written out and sized once: the stored item and the stream record's NewImage are the same text
            nextImage = new StreamRecords.Image(next, Json.write(next), nextSize);
            items.put(connection, table.id(), hash, range, nextImage.json(), nextImage.size());
        }
        if (items.keepsTotals(table.id())) {
            // DescribeTable's item count and size follow the write once it commits
            ItemStore.Row stored = old != null && table.streamEnabled() ? storedRows().get(old) : null;
            long bytes = (nextImage == null ? 0 : nextImage.size())
                    - (old == null ? 0 : stored != null ? stored.size() : AttributeValues.itemSize(old));
            long count = (next == null ? 0 : 1) - (old == null ? 0 : 1);
            long tableId = table.id();
            database.onCommit(() -> items.adjustTotals(tableId, count, bytes));
        }
        if (IndexEntries.any(table)) {
            // secondary indexes follow in the same transaction; a table without any pays nothing for them
            indexEntries.change(connection, table, hash, range, old, next, nextImage == null ? 0 : nextImage.size());
        }
        if (!table.streamEnabled()) {
            return;
        }
        StreamRecords.Image oldImage = null;
        if (old != null) {
            ItemStore.Row stored = storedRows().remove(old);
            oldImage = stored != null
                    ? new StreamRecords.Image(old, new String(stored.bytes(), StandardCharsets.UTF_8), stored.size())
                    : new StreamRecords.Image(old, Json.write(old), AttributeValues.itemSize(old));
        }
        records.append(connection, table, Keys.project(table, old != null ? old : next), oldImage, nextImage,
                byService);
    }

    /** Refuses an UpdateItem whose statement is charged past the item limit, whatever item it would leave. */
    public static void checkUpdateCharge(Update update) {
        if (update != null && update.charge() > MAX_ITEM_SIZE) {
            throw ApiException.validation("Item size to update has exceeded the maximum allowed size");
        }
    }

    /** {@link #checkSize} for the item an update leaves, which DynamoDB words as the item to update. */
    public static void checkUpdatedSize(ObjectNode item) {
        if (AttributeValues.itemSize(item) > MAX_ITEM_SIZE) {
            throw ApiException.validation("Item size to update has exceeded the maximum allowed size");
        }
        checkSize(item);
    }

    /** Rejects items over DynamoDB's 400 KB limit, and items nested deeper than its 32 levels; returns the size. */
    public static long checkSize(ObjectNode item) {
        long size = AttributeValues.itemSize(item);
        if (size > MAX_ITEM_SIZE) {
            throw ApiException.validation("Item size has exceeded the maximum allowed size");
        }
        for (JsonNode value : item) {
            // the item is the first level, so an attribute may hold 31 levels of maps and lists
            if (containerDepth(value) > MAX_NESTING - 1) {
                throw ApiException.validation("Nesting Levels have exceeded supported limits: Attributes in the item"
                        + " have nested levels beyond supported limit");
            }
        }
        return size;
    }

    /** How many maps and lists are nested in a value, itself included. */
    private static int containerDepth(JsonNode value) {
        JsonNode members = value.has("M") ? value.get("M") : value.get("L");
        if (members == null || !members.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode member : members) {
            deepest = Math.max(deepest, containerDepth(member));
        }
        return 1 + deepest;
    }
}
