package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.IndexCreationTimes;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableOptions.IndexBuild;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;

/**
 * The walk of an index that UpdateTable adds to a live table (a global or a vector index), read from the clock and
 * the time of the call, so that nothing runs in the background and a durable server that restarts carries on
 * where it was. As on DynamoDB: the table is UPDATING, then ACTIVE again while the index is still CREATING; the
 * index is first allocated ({@code Backfilling} false: it cannot be read, nor deleted), then backfilled
 * ({@code Backfilling} true: still not readable, but a Delete cancels it), then ACTIVE, with no Backfilling field
 * left. Its entries are built, and kept by every write, from the call on, so the first read that succeeds finds
 * every item; until then Query, Scan, PartiQL and SearchVectors refuse it, and DescribeTable shows it empty. While an
 * index is under way no other index of the table may be created or deleted, nor the table deleted, and while the
 * table is UPDATING no other change of it is taken.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html">Managing
 *     global secondary indexes</a>
 */
public final class OnlineIndexes {

    private static final String IN_USE = "Attempt to change a resource which is still in use: ";

    enum Phase { ALLOCATING, BACKFILLING }

    private final Clock clock;
    private final IndexCreationTimes times;

    public OnlineIndexes(Clock clock, IndexCreationTimes times) {
        this.clock = clock;
        this.times = times;
    }

    /** The build under way on {@code table} at {@code now}, or null when its last added index is ACTIVE (or gone). */
    private IndexBuild underWay(TableDefinition table, long now) {
        IndexBuild build = table.options().indexBuild();
        if (build == null || now - build.startedMillis() >= times.allocation().plus(times.backfill()).toMillis()) {
            return null;
        }
        boolean exists = table.globalIndex(build.indexName()) != null
                || table.vectorIndex(build.indexName()) != null;
        return exists ? build : null;
    }

    private boolean tableUpdating(IndexBuild build, long now) {
        return build != null && now - build.startedMillis() < times.tableUpdating().toMillis();
    }

    /** The phase of {@code indexName} at {@code now}, null when it is ACTIVE (or not being built). */
    private Phase phase(IndexBuild build, String indexName, long now) {
        if (build == null || !build.indexName().equals(indexName)) {
            return null;
        }
        return now - build.startedMillis() < times.allocation().toMillis() ? Phase.ALLOCATING : Phase.BACKFILLING;
    }

    /**
     * Shows the build under way in a TableDescription of {@code table} that describes every index ACTIVE; the
     * clock is read once, so that the table's and the index's statuses are those of one moment.
     */
    void describe(ObjectNode description, TableDefinition table) {
        long now = clock.millis();
        IndexBuild build = underWay(table, now);
        if (build == null) {
            return;
        }
        if (tableUpdating(build, now) && "ACTIVE".equals(Json.text(description, "TableStatus"))) {
            description.put("TableStatus", "UPDATING");
        }
        boolean backfilling = phase(build, build.indexName(), now) == Phase.BACKFILLING;
        for (String member : new String[] {"GlobalSecondaryIndexes", "VectorIndexes"}) {
            if (!(description.get(member) instanceof ArrayNode indexes)) {
                continue;
            }
            for (int i = 0; i < indexes.size(); i++) {
                if (build.indexName().equals(Json.text(indexes.get(i), "IndexName"))) {
                    indexes.set(i, creating((ObjectNode) indexes.get(i), backfilling));
                }
            }
        }
    }

    /**
     * The index CREATING, with Backfilling right after its status, where DynamoDB lists it. Like UpdateTable's
     * answer, it counts no items and no bytes yet (DynamoDB refreshes both only every six hours or so) and has no
     * warm throughput until it is ACTIVE.
     */
    private static ObjectNode creating(ObjectNode index, boolean backfilling) {
        ObjectNode shown = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> fields = index.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "Backfilling", "WarmThroughput" -> {
                    // Backfilling goes after IndexStatus; warm throughput comes once the index is ACTIVE
                }
                case "IndexStatus" -> shown.put("IndexStatus", "CREATING").put("Backfilling", backfilling);
                case "IndexSizeBytes", "ItemCount" -> shown.put(field.getKey(), 0);
                default -> shown.set(field.getKey(), field.getValue());
            }
        }
        return shown;
    }

    /**
     * The reads of an index, each with DynamoDB's words for one still being built: refused as if it did not exist
     * while it is allocated, then as backfilling. ExecuteStatement names no index when it finds none, and for
     * want of any record of its own backfilling message answers as Query and Scan do.
     */
    public enum Reader {
        QUERY_OR_SCAN("The table does not have the specified index: %s",
                "Cannot read from backfilling global secondary index: %s"),
        PARTIQL("The table does not have the specified index",
                "Cannot read from backfilling global secondary index: %s"),
        SEARCH_VECTORS("The table does not have the specified index: %s",
                "Cannot search backfilling vector index: %s");

        private final String allocating;
        private final String backfilling;

        Reader(String allocating, String backfilling) {
            this.allocating = allocating;
            this.backfilling = backfilling;
        }
    }

    /** A read of {@code indexName} by {@code reader}, refused while the index is being built. */
    public void checkReadable(TableDefinition table, String indexName, Reader reader) {
        long now = clock.millis();
        Phase phase = phase(underWay(table, now), indexName, now);
        if (phase != null) {
            String message = phase == Phase.ALLOCATING ? reader.allocating : reader.backfilling;
            throw ApiException.validation(String.format(message, indexName));
        }
    }

    /**
     * UpdateTable while an index is being built. Its index creations and deletions come first: one of that index
     * while it is allocated is refused, one while it backfills cancels it, any other waits until the index is
     * ACTIVE. Then, as DynamoDB takes no other UpdateTable while the table is UPDATING, any other change (stream,
     * billing, capacity, table class, deletion protection, warm throughput) waits until the backfill starts.
     */
    void checkUpdate(TableDefinition table, ObjectNode request) {
        long now = clock.millis();
        IndexBuild build = underWay(table, now);
        if (build == null) {
            return;
        }
        for (String member : new String[] {"GlobalSecondaryIndexUpdates", "VectorIndexUpdates"}) {
            for (JsonNode update : request.path(member)) {
                boolean delete = update.hasNonNull("Delete");
                if (!delete && !update.hasNonNull("Create")) {
                    continue;
                }
                String name = Json.text(update.get(delete ? "Delete" : "Create"), "IndexName");
                if (delete && build.indexName().equals(name)) {
                    if (phase(build, name, now) == Phase.ALLOCATING) {
                        throw ApiException.dynamoDb("ResourceInUseException", IN_USE + "Index creation is in"
                                + " resource allocation phase. Retry deletion during backfilling phase or when the"
                                + " index is active. Table: " + table.name() + " Index: " + name);
                    }
                    continue;
                }
                throw ApiException.dynamoDb("LimitExceededException", "Subscriber limit exceeded: Only 1 online"
                        + " index can be created or deleted simultaneously per table");
            }
        }
        if (tableUpdating(build, now)) {
            throw tableBeingUpdated(table);
        }
    }

    private static ApiException tableBeingUpdated(TableDefinition table) {
        return ApiException.dynamoDb("ResourceInUseException", IN_USE + "Table is being updated: " + table.name());
    }

    /** DeleteTable while an index is being built. */
    void checkDeletable(TableDefinition table) {
        long now = clock.millis();
        IndexBuild build = underWay(table, now);
        if (tableUpdating(build, now)) {
            throw tableBeingUpdated(table);
        }
        if (build != null) {
            throw ApiException.dynamoDb("ResourceInUseException", IN_USE + "Cannot delete table while indexes are"
                    + " being created, updated, or deleted.");
        }
    }

    /** The table's options once UpdateTable has applied {@code request}: a created index starts its build. */
    static TableDefinition started(TableDefinition table, ObjectNode request, long now) {
        for (String member : new String[] {"GlobalSecondaryIndexUpdates", "VectorIndexUpdates"}) {
            for (JsonNode update : request.path(member)) {
                if (update.hasNonNull("Create")) {
                    return table.withOptions(table.options().withIndexBuild(
                            new IndexBuild(Json.text(update.get("Create"), "IndexName"), now)));
                }
            }
        }
        return table;
    }
}
