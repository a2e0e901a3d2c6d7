package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;

/** ConsumedCapacity in the shape DynamoDB returns when ReturnConsumedCapacity is TOTAL or INDEXES. */
final class Capacity {

    private Capacity() {
    }

    static ObjectNode add(ObjectNode response, JsonNode request, String tableName, double units) {
        String mode = Json.text(request, "ReturnConsumedCapacity");
        if ("TOTAL".equals(mode) || "INDEXES".equals(mode)) {
            response.set("ConsumedCapacity", of(tableName, units, mode));
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
            ObjectNode metrics = response.putObject("ItemCollectionMetrics");
            metrics.putObject("ItemCollectionKey").set(table.hashKey(), key.get(table.hashKey()));
            metrics.putArray("SizeEstimateRangeGB").add(0.0).add(1.0);
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
