package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The Update actions of UpdateTable's GlobalSecondaryIndexUpdates, and what a billing switch does to the global
 * indexes: an index of a provisioned table takes a new capacity, an index in either mode a higher warm throughput
 * (never a lower one), and a table switched to PROVISIONED needs a capacity for every index in the same request.
 * DynamoDB applies the change after it answers, so the answer shows the index as it was, the change under way.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateGlobalSecondaryIndexAction.html">
 *     UpdateGlobalSecondaryIndexAction</a>
 */
final class IndexThroughputUpdates {

    private IndexThroughputUpdates() {
    }

    /** What DynamoDB refuses in an index action before it looks for the table: its shape. */
    static void checkShape(JsonNode request) {
        // the constraints of every action are reported together, in the order of the actions
        Constraints constraints = new Constraints();
        int position = 0;
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            position++;
            JsonNode delete = update.get("Delete");
            if (delete != null && delete.isObject()) {
                constraints.tableName("globalSecondaryIndexUpdates." + position + ".member.delete.indexName",
                        delete.get("IndexName"));
            }
            JsonNode create = update.get("Create");
            if (create != null && create.isObject()) {
                String path = "globalSecondaryIndexUpdates." + position + ".member.create.";
                constraints.tableName(path + "indexName", create.get("IndexName"))
                        .required(path + "keySchema", create.get("KeySchema"))
                        .keyAttributeNames(path + "keySchema", create.get("KeySchema"))
                        .required(path + "projection", create.get("Projection"))
                        .nonKeyAttributes(path + "projection.nonKeyAttributes",
                                create.path("Projection").get("NonKeyAttributes"));
            }
            JsonNode action = update.get("Update");
            if (action != null && !action.isNull()) {
                constraints.tableName("globalSecondaryIndexUpdates." + position + ".member.update.indexName",
                        action.get("IndexName")).capacity("globalSecondaryIndexUpdates." + position
                        + ".member.update.provisionedThroughput", action.get("ProvisionedThroughput"));
            }
        }
        constraints.check();
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            JsonNode action = update.get("Update");
            if (action == null || action.isNull()) {
                continue;
            }
            JsonNode warm = action.get("WarmThroughput");
            if (warm != null && !warm.isNull() && !warm.hasNonNull("ReadUnitsPerSecond")
                    && !warm.hasNonNull("WriteUnitsPerSecond")) {
                throw ApiException.validation("One or more parameter values were invalid: WarmThroughput must have"
                        + " at least one of ReadUnitsPerSecond or WriteUnitsPerSecond specified for index: "
                        + Json.text(action, "IndexName"));
            }
        }
    }

    /** A Create action's capacity: required on a provisioned table, refused on an on-demand one. */
    static void checkCreate(TableDefinition table, JsonNode create) {
        String name = Json.text(create, "IndexName");
        boolean hasCapacity = create.hasNonNull("ProvisionedThroughput");
        if ("PAY_PER_REQUEST".equals(table.billingMode()) && hasCapacity) {
            throw ApiException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                    + " WriteCapacityUnits can be specified for index: " + name + " when BillingMode is"
                    + " PAY_PER_REQUEST");
        }
        if (!"PAY_PER_REQUEST".equals(table.billingMode()) && !hasCapacity) {
            throw ApiException.validation("One or more parameter values were invalid: Both ReadCapacityUnits and"
                    + " WriteCapacityUnits must be specified for index: " + name);
        }
    }

    /** The global indexes after one Update action, on a table already in its new billing mode. */
    static List<IndexDefinition> update(TableDefinition table, List<IndexDefinition> indexes, JsonNode action) {
        String name = Json.text(action, "IndexName");
        int position = -1;
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i).name().equals(name)) {
                position = i;
            }
        }
        if (position < 0 && table.localIndexes().stream().anyMatch(index -> index.name().equals(name))) {
            throw ApiException.validation("Cannot update an index that is not a GlobalSecondaryIndex: " + name);
        }
        if (position < 0) {
            throw ApiException.resourceNotFound("Requested resource not found: Index " + name + " for table "
                    + table.name());
        }
        IndexDefinition index = indexes.get(position);
        JsonNode capacity = action.get("ProvisionedThroughput");
        JsonNode warm = action.get("WarmThroughput");
        boolean hasCapacity = capacity != null && !capacity.isNull();
        boolean hasWarm = warm != null && !warm.isNull();
        JsonNode onDemand = action.path("OnDemandThroughput");
        boolean hasOnDemand = onDemand.hasNonNull("MaxReadRequestUnits") || onDemand.hasNonNull("MaxWriteRequestUnits");
        if ("PAY_PER_REQUEST".equals(table.billingMode()) && (hasCapacity || !(hasWarm || hasOnDemand))) {
            throw ApiException.validation("One or more parameter values were invalid: The only Updates for index: "
                    + name + " when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput,"
                    + " WarmThroughput");
        }
        if (hasCapacity) {
            long read = capacity.path("ReadCapacityUnits").asLong();
            long write = capacity.path("WriteCapacityUnits").asLong();
            if (read == index.readCapacityUnits() && write == index.writeCapacityUnits()) {
                throw ApiException.validation("The provisioned throughput for the index " + name + " will not change."
                        + " The requested value equals the current value. Current ReadCapacityUnits provisioned for"
                        + " index " + name + ": " + read + ". Requested ReadCapacityUnits: " + read + ". Current"
                        + " WriteCapacityUnits provisioned for index " + name + ": " + write + ". Requested"
                        + " WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB Developer Guide for"
                        + " current limits and how to request higher limits.");
            }
            // warm throughput never falls: what the index reached stays when its capacity is lowered
            long[] reached = WarmThroughput.of(table, index);
            index = index.withThroughput(read, write).withWarmThroughput(reached[0], reached[1]);
        }
        if (hasWarm) {
            long[] raised = WarmThroughput.raised(warm, WarmThroughput.of(table, index), "index " + name);
            index = index.withWarmThroughput(raised[0], raised[1]);
        }
        List<IndexDefinition> updated = new ArrayList<>(indexes);
        updated.set(position, index);
        return updated;
    }

    /**
     * The table after a switch of billing mode: each global index keeps the warm throughput it reached, drops to
     * no capacity on demand, and must be given one in the same request when the table becomes PROVISIONED.
     */
    static TableDefinition afterBillingSwitch(TableDefinition before, TableDefinition after, JsonNode request) {
        if (before.billingMode().equals(after.billingMode())) {
            return after;
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        for (IndexDefinition index : before.globalIndexes()) {
            if ("PROVISIONED".equals(after.billingMode()) && capacityFor(request, index.name()) == null) {
                throw ApiException.validation("One or more parameter values were invalid: ProvisionedThroughput must"
                        + " be specified for index: " + index.name());
            }
            long[] reached = WarmThroughput.of(before, index);
            indexes.add(index.withThroughput(0, 0).withWarmThroughput(reached[0], reached[1]));
        }
        return after.withGlobalIndexes(indexes, after.attributeDefinitions());
    }

    private static JsonNode capacityFor(JsonNode request, String index) {
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            JsonNode action = update.path("Update");
            if (index.equals(Json.text(action, "IndexName")) && action.hasNonNull("ProvisionedThroughput")) {
                return action.get("ProvisionedThroughput");
            }
        }
        return null;
    }

    /**
     * The answer while the updates are under way: an index given a new capacity shows the old one and UPDATING, an
     * index given a higher warm throughput shows the old value with its status UPDATING. A billing switch answers
     * with the new capacities at once.
     */
    static void describeUnderWay(ObjectNode description, TableDefinition before, TableDefinition after) {
        if (!before.billingMode().equals(after.billingMode())) {
            return;
        }
        for (JsonNode node : description.path("GlobalSecondaryIndexes")) {
            String name = Json.text(node, "IndexName");
            IndexDefinition old = before.globalIndex(name);
            IndexDefinition now = after.globalIndex(name);
            if (old == null || now == null) {
                continue;
            }
            ObjectNode shown = (ObjectNode) node;
            if (old.readCapacityUnits() != now.readCapacityUnits()
                    || old.writeCapacityUnits() != now.writeCapacityUnits()) {
                shown.put("IndexStatus", "UPDATING");
                ((ObjectNode) shown.get("ProvisionedThroughput")).put("ReadCapacityUnits", old.readCapacityUnits())
                        .put("WriteCapacityUnits", old.writeCapacityUnits());
            }
            long[] warmBefore = WarmThroughput.of(before, old);
            if (!java.util.Arrays.equals(warmBefore, WarmThroughput.of(after, now))) {
                shown.set("WarmThroughput", WarmThroughput.description(warmBefore, "UPDATING"));
            }
        }
    }
}
