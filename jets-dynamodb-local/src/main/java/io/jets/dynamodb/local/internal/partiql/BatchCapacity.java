package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.ops.Capacity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BatchExecuteStatement's ConsumedCapacity: one entry per table, in the order the batch first names it, summing
 * what its succeeding members cost (the table and each index arm). A member that ran and failed (its condition, or
 * a duplicate INSERT) adds to its table's CapacityUnits but to no arm, so the arms no longer sum to the total.
 * A table none of whose members succeeded has no entry, and a batch where nothing succeeded reports none at all.
 */
final class BatchCapacity {

    private static final String[] ARMS = {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"};

    private final Map<String, ObjectNode> byTable = new LinkedHashMap<>();
    private final Map<String, Double> failed = new LinkedHashMap<>();

    /** Adds the units a member that ran and failed cost its table. */
    void addFailed(String table, double units) {
        failed.merge(table, units, Double::sum);
    }

    /** Adds one member's ConsumedCapacity, as ExecuteStatement answered it with INDEXES. */
    void add(String table, JsonNode capacity) {
        if (capacity == null || capacity.isMissingNode()) {
            return;
        }
        ObjectNode sum = byTable.computeIfAbsent(table, name -> {
            ObjectNode entry = Json.object();
            entry.put("TableName", name);
            entry.put("CapacityUnits", 0.0);
            entry.putObject("Table").put("CapacityUnits", 0.0);
            return entry;
        });
        addUnits(sum, capacity);
        addUnits((ObjectNode) sum.get("Table"), capacity.path("Table"));
        for (String arm : ARMS) {
            capacity.path(arm).fields().forEachRemaining(index -> addUnits(
                    sum.has(arm) ? (ObjectNode) sum.get(arm) : sum.putObject(arm), index.getKey(), index.getValue()));
        }
    }

    private static void addUnits(ObjectNode arms, String index, JsonNode units) {
        if (!arms.has(index)) {
            arms.putObject(index).put("CapacityUnits", 0.0);
        }
        addUnits((ObjectNode) arms.get(index), units);
    }

    private static void addUnits(ObjectNode target, JsonNode units) {
        target.put("CapacityUnits", target.path("CapacityUnits").asDouble()
                + units.path("CapacityUnits").asDouble());
    }

    ObjectNode addTo(ObjectNode response, JsonNode request) {
        String mode = Json.text(request, "ReturnConsumedCapacity");
        if (!Capacity.requested(request) || byTable.isEmpty()) {
            return response;
        }
        failed.forEach((table, units) -> {
            ObjectNode entry = byTable.get(table);
            if (entry != null) {
                entry.put("CapacityUnits", entry.get("CapacityUnits").asDouble() + units);
            }
        });
        ArrayNode list = response.putArray("ConsumedCapacity");
        for (ObjectNode entry : byTable.values()) {
            list.add("INDEXES".equals(mode) ? entry : Json.object().put("TableName", entry.get("TableName").asText())
                    .put("CapacityUnits", entry.get("CapacityUnits").asDouble()));
        }
        return response;
    }
}
