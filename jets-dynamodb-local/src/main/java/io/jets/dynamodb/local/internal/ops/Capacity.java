package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;

/** ConsumedCapacity in the shape DynamoDB returns when ReturnConsumedCapacity is TOTAL or INDEXES. */
public final class Capacity {

    private Capacity() {
    }

    /** Whether the request asks for ConsumedCapacity, so that item sizes are worth working out. */
    public static boolean requested(JsonNode request) {
        String mode = Json.text(request, "ReturnConsumedCapacity");
        return "TOTAL".equals(mode) || "INDEXES".equals(mode);
    }

    public static ObjectNode add(ObjectNode response, JsonNode request, String tableName, double units) {
        if (requested(request)) {
            response.set("ConsumedCapacity", of(tableName, units, Json.text(request, "ReturnConsumedCapacity")));
        }
        return response;
    }

    /**
     * ItemCollectionMetrics for ReturnItemCollectionMetrics SIZE: DynamoDB reports them only for tables with local
     * secondary indexes, keyed by the item's partition key.
     */
    static ObjectNode addCollectionMetrics(ObjectNode response, JsonNode request,
                                           io.jets.dynamodb.local.internal.table.TableDefinition table,
                                           ObjectNode key) {
        if ("SIZE".equals(Json.text(request, "ReturnItemCollectionMetrics")) && !table.localIndexes().isEmpty()) {
            response.set("ItemCollectionMetrics", collectionMetrics(table, key));
        }
        return response;
    }

    /**
     * ItemCollectionMetrics of a batch or transaction for ReturnItemCollectionMetrics SIZE: per table with local
     * secondary indexes, one entry per item collection (partition key) its writes touched, keyed by the table as the
     * request named it ({@code labels}: its name or its ARN); null when there is none.
     */
    static ObjectNode collectionMetricsByTable(JsonNode request, java.util.List<String> labels,
                                               java.util.List<io.jets.dynamodb.local.internal.table.TableDefinition> tables,
                                               java.util.List<ObjectNode> keys) {
        if (!"SIZE".equals(Json.text(request, "ReturnItemCollectionMetrics"))) {
            return null;
        }
        ObjectNode byTable = Json.object();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < tables.size(); i++) {
            var table = tables.get(i);
            JsonNode partition = keys.get(i).get(table.hashKey());
            String label = labels.get(i);
            if (!table.localIndexes().isEmpty() && seen.add(label + "\u0000" + partition)) {
                java.util.Optional.ofNullable((com.fasterxml.jackson.databind.node.ArrayNode) byTable.get(label))
                        .orElseGet(() -> byTable.putArray(label))
                        .add(collectionMetrics(table, keys.get(i)));
            }
        }
        return byTable.isEmpty() ? null : byTable;
    }

    private static ObjectNode collectionMetrics(io.jets.dynamodb.local.internal.table.TableDefinition table,
                                                ObjectNode key) {
        ObjectNode metrics = Json.object();
        metrics.putObject("ItemCollectionKey").set(table.hashKey(), key.get(table.hashKey()));
        metrics.putArray("SizeEstimateRangeGB").add(0.0).add(1.0);
        return metrics;
    }

    /**
     * Read units as DynamoDB charges them: one per started 4 KB of the bytes read (at least one), halved for an
     * eventually consistent read.
     */
    public static double readUnits(long bytes, boolean consistent) {
        long units = Math.max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2.0;
    }

    /** Write units: one per started 1 KB of the larger of the item before and after the write (at least one). */
    public static double writeUnits(ObjectNode before, ObjectNode after) {
        long bytes = Math.max(before == null ? 0 : AttributeValues.itemSize(before),
                after == null ? 0 : AttributeValues.itemSize(after));
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /**
     * A read of a secondary index: with INDEXES, DynamoDB charges the index under GlobalSecondaryIndexes or
     * LocalSecondaryIndexes and shows the table at zero, or at {@code tableUnits} when a local index fetched items
     * from it.
     */
    public static ObjectNode addIndexRead(ObjectNode response, JsonNode request, String tableName, String indexName,
                                   boolean global, double units, double tableUnits) {
        String mode = Json.text(request, "ReturnConsumedCapacity");
        if ("TOTAL".equals(mode)) {
            response.set("ConsumedCapacity", of(tableName, units + tableUnits, mode));
        } else if ("INDEXES".equals(mode)) {
            ObjectNode capacity = Json.object();
            capacity.put("TableName", tableName);
            capacity.put("CapacityUnits", units + tableUnits);
            capacity.putObject("Table").put("CapacityUnits", tableUnits);
            capacity.putObject(global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes").putObject(indexName)
                    .put("CapacityUnits", units);
            response.set("ConsumedCapacity", capacity);
        }
        return response;
    }

    /** The per-table list BatchGetItem, BatchWriteItem and the transactions return, in request order. */
    static ObjectNode addPerTable(ObjectNode response, JsonNode request, java.util.Map<String, Double> units) {
        String mode = Json.text(request, "ReturnConsumedCapacity");
        if ("TOTAL".equals(mode) || "INDEXES".equals(mode)) {
            com.fasterxml.jackson.databind.node.ArrayNode list = response.putArray("ConsumedCapacity");
            units.forEach((table, tableUnits) -> list.add(of(table, tableUnits, mode)));
        }
        return response;
    }

    /**
     * Transactions: DynamoDB charges twice the units of the plain operation and, unlike single-item operations,
     * splits them into {@code ReadCapacityUnits} or {@code WriteCapacityUnits} (also under Table with INDEXES).
     */
    static ObjectNode addTransactional(ObjectNode response, JsonNode request, java.util.Map<String, Double> units,
                                       String splitField) {
        String mode = Json.text(request, "ReturnConsumedCapacity");
        if ("TOTAL".equals(mode) || "INDEXES".equals(mode)) {
            com.fasterxml.jackson.databind.node.ArrayNode list = response.putArray("ConsumedCapacity");
            units.forEach((table, tableUnits) -> {
                ObjectNode capacity = list.addObject();
                capacity.put("TableName", table);
                capacity.put("CapacityUnits", tableUnits);
                capacity.put(splitField, tableUnits);
                if ("INDEXES".equals(mode)) {
                    capacity.putObject("Table").put("CapacityUnits", tableUnits).put(splitField, tableUnits);
                }
            });
        }
        return response;
    }

    static ObjectNode of(String tableName, double units, String mode) {
        ObjectNode capacity = Json.object();
        capacity.put("TableName", tableName);
        capacity.put("CapacityUnits", units);
        if ("INDEXES".equals(mode)) {
            capacity.putObject("Table").put("CapacityUnits", units);
        }
        return capacity;
    }
}
