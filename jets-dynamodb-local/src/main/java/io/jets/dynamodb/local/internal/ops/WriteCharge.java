package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The write units one or more writes to a table cost, split as ReturnConsumedCapacity INDEXES shows them: the table
 * write, plus one write per index whose stored view of the item changed (two when its index key moved: a delete
 * and an insert). An index the item is not in, or whose view did not change, costs nothing and shows no entry.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes">
 *     Provisioned throughput considerations for global secondary indexes</a>
 */
public final class WriteCharge {

    private double table;
    private final Map<String, Double> globalIndexes = new TreeMap<>();
    private final Map<String, Double> localIndexes = new TreeMap<>();
    private final Map<String, Double> vectorIndexes = new TreeMap<>();

    /** Adds one write replacing {@code before} (null when absent) with {@code after} (null for a delete). */
    WriteCharge add(TableDefinition definition, ObjectNode before, ObjectNode after) {
        table += Capacity.writeUnits(before, after);
        for (IndexDefinition index : definition.globalIndexes()) {
            charge(globalIndexes, index.name(), indexWrites(definition, index, before, after));
        }
        for (IndexDefinition index : definition.localIndexes()) {
            charge(localIndexes, index.name(), indexWrites(definition, index, before, after));
        }
        for (VectorIndexDefinition index : definition.vectorIndexes()) {
            charge(vectorIndexes, index.name(), VectorWrites.writeBytes(definition, index, before, after));
        }
        return this;
    }

    /** Adds a ConditionCheck: billed on the item it read, as a write of the table only (it changes no index). */
    WriteCharge addCheck(ObjectNode read) {
        table += Capacity.writeUnits(read, null);
        return this;
    }

    private static void charge(Map<String, Double> indexes, String name, double units) {
        if (units > 0) {
            indexes.merge(name, units, Double::sum);
        }
    }

    private double indexUnits() {
        return globalIndexes.values().stream().mapToDouble(Double::doubleValue).sum()
                + localIndexes.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The ConsumedCapacity entry for {@code mode} (TOTAL or INDEXES). */
    ObjectNode describe(String tableName, String mode) {
        return describe(tableName, mode, 1, false);
    }

    /**
     * The ConsumedCapacity entry of a transactional write for {@code mode}: DynamoDB doubles the table arm only (index
     * arms cost what the same write costs outside a transaction) and mirrors each figure into WriteCapacityUnits, at
     * the top level, under Table and on each index arm.
     */
    ObjectNode describeTransactional(String tableName, String mode) {
        return describe(tableName, mode, 2, true);
    }

    private ObjectNode describe(String tableName, String mode, int tableFactor, boolean writeUnits) {
        ObjectNode capacity = Json.object();
        capacity.put("TableName", tableName);
        units(capacity, tableFactor * table + indexUnits(), writeUnits);
        if ("INDEXES".equals(mode)) {
            units(capacity.putObject("Table"), tableFactor * table, writeUnits);
            arms(capacity, "GlobalSecondaryIndexes", globalIndexes, writeUnits);
            arms(capacity, "LocalSecondaryIndexes", localIndexes, writeUnits);
            if (!vectorIndexes.isEmpty()) {
                ObjectNode arms = capacity.putObject("VectorIndexes");
                vectorIndexes.forEach((name, bytes) -> arms.putObject(name).put("VectorWriteRequestBytes", bytes));
            }
        }
        return capacity;
    }

    private static void arms(ObjectNode capacity, String member, Map<String, Double> indexes, boolean writeUnits) {
        if (!indexes.isEmpty()) {
            ObjectNode arms = capacity.putObject(member);
            indexes.forEach((name, units) -> units(arms.putObject(name), units, writeUnits));
        }
    }

    private static void units(ObjectNode node, double units, boolean writeUnits) {
        node.put("CapacityUnits", units);
        if (writeUnits) {
            node.put("WriteCapacityUnits", units);
        }
    }

    /**
     * Sets ConsumedCapacity on a single-item write's response, replacing {@code before} with {@code after}, when the
     * request asks for it; otherwise the item sizes and index views are never computed.
     */
    public static ObjectNode addTo(ObjectNode response, JsonNode request, TableDefinition table,
                                   ObjectNode before, ObjectNode after) {
        if (Capacity.requested(request)) {
            response.set("ConsumedCapacity", new WriteCharge().add(table, before, after)
                    .describe(table.name(), Json.text(request, "ReturnConsumedCapacity")));
        }
        return response;
    }

    private static double indexWrites(TableDefinition table, IndexDefinition index, ObjectNode before,
                                      ObjectNode after) {
        ObjectNode old = view(table, index, before);
        ObjectNode next = view(table, index, after);
        if (old == null && next == null) {
            return 0;
        }
        if (old == null) {
            return Capacity.writeUnits(null, next);
        }
        if (next == null) {
            return Capacity.writeUnits(old, null);
        }
        boolean keyMoved = index.keyNames().stream()
                .anyMatch(name -> !Objects.equals(old.get(name), next.get(name)));
        if (keyMoved) {
            return Capacity.writeUnits(old, null) + Capacity.writeUnits(null, next);
        }
        return old.equals(next) ? 0 : Capacity.writeUnits(old, next);
    }

    /** What the index stores for {@code item}, or null when the item lacks the index key (sparse index). */
    private static ObjectNode view(TableDefinition table, IndexDefinition index, ObjectNode item) {
        if (item == null || !index.keyNames().stream().allMatch(item::has)) {
            return null;
        }
        if ("ALL".equals(index.projectionType())) {
            return item;
        }
        Set<String> names = new LinkedHashSet<>(table.keyNames());
        names.addAll(index.keyNames());
        if ("INCLUDE".equals(index.projectionType())) {
            names.addAll(index.nonKeyAttributes());
        }
        ObjectNode projected = Json.object();
        for (String name : names) {
            JsonNode value = item.get(name);
            if (value != null) {
                projected.set(name, value);
            }
        }
        return projected;
    }
}
