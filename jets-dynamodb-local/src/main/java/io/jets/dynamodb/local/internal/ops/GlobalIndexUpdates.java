package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.AttributeDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: the rules DynamoDB checks before it changes anything, then the
 * Create and Delete actions applied to the table definition ({@link IndexThroughputUpdates} applies the Update
 * actions, {@link GlobalIndexChanges} describes the changes while they are under way).
 */
final class GlobalIndexUpdates {

    private GlobalIndexUpdates() {
    }

    /**
     * Each GlobalSecondaryIndexUpdates element names exactly one action, and no index is named by two of them:
     * checked from the request alone, before the table is looked up. Answers how many create or delete an index.
     */
    static int checkIndexActions(JsonNode updates) {
        Set<String> named = new LinkedHashSet<>();
        int createsAndDeletes = 0;
        for (JsonNode update : updates) {
            List<String> actions = new ArrayList<>();
            for (String action : List.of("Create", "Update", "Delete")) {
                if (update.hasNonNull(action)) {
                    actions.add(action);
                }
            }
            if (actions.isEmpty()) {
                throw ApiException.validation("One or more parameter values were invalid: One of"
                        + " GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
                        + " GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions.size() > 1) {
                throw ApiException.validation("One or more parameter values were invalid: Only one global secondary"
                        + " index action is allowed per GlobalSecondaryIndexUpdate object");
            }
            String name = Json.text(update.get(actions.get(0)), "IndexName");
            if (name != null && !named.add(name)) {
                throw ApiException.validation("One or more parameter values were invalid: Only one global secondary"
                        + " index update per index is allowed simultaneously. Index: " + name);
            }
            if (!actions.get(0).equals("Update")) {
                createsAndDeletes++;
            }
        }
        return createsAndDeletes;
    }

    /**
     * The rules DynamoDB checks on GlobalSecondaryIndexUpdates before it changes anything: one action per entry
     * and per index, one index created or deleted at a time, no index created twice, and the new key attributes
     * typed in the request's AttributeDefinitions the way the table already types them.
     */
    private static void checkIndexUpdates(TableDefinition table, ObjectNode request) {
        JsonNode newDefinitions = request.get("AttributeDefinitions");
        if (newDefinitions != null && !newDefinitions.isNull()) {
            TableSchema.requireMembers(newDefinitions, "attributeDefinitions", "AttributeName", "AttributeType");
        }
        JsonNode updates = request.get("GlobalSecondaryIndexUpdates");
        if (updates.isEmpty()) {
            throw ApiException.validation("One or more parameter values were invalid: List of"
                    + " GlobalSecondaryIndexUpdates is empty");
        }
        int createsAndDeletes = checkIndexActions(updates);
        if (createsAndDeletes > 1) {
            throw ApiException.dynamoDb("LimitExceededException", "Subscriber limit exceeded: Only 1 online index"
                    + " can be created or deleted simultaneously per table");
        }
        for (JsonNode update : updates) {
            if (update.hasNonNull("Delete")) {
                String name = Json.text(update.get("Delete"), "IndexName");
                if (table.localIndexes().stream().anyMatch(index -> index.name().equals(name))) {
                    throw ApiException.validation("Cannot delete an index that is not a GlobalSecondaryIndex: "
                            + name);
                }
            }
            if (!update.hasNonNull("Create")) {
                continue;
            }
            JsonNode create = update.get("Create");
            String name = Json.text(create, "IndexName");
            boolean exists = table.globalIndexes().stream().anyMatch(index -> index.name().equals(name))
                    || table.localIndexes().stream().anyMatch(index -> index.name().equals(name));
            if (exists) {
                throw ApiException.validation("Attempting to create an index which already exists");
            }
            JsonNode definitions = request.get("AttributeDefinitions");
            if (definitions == null || definitions.isNull()) {
                throw ApiException.validation("One or more parameter values were invalid: AttributeDefinitions is not"
                        + " specified for index: " + name);
            }
            for (JsonNode element : create.path("KeySchema")) {
                String attribute = Json.text(element, "AttributeName");
                String existing = table.typeOf(attribute);
                for (JsonNode definition : definitions) {
                    String type = Json.text(definition, "AttributeType");
                    if (attribute != null && attribute.equals(Json.text(definition, "AttributeName"))
                            && existing != null && !existing.equals(type)) {
                        throw ApiException.validation("One or more parameter values were invalid: Attributes cannot be"
                                + " redefined. Please check that your attribute has the same type as previously"
                                + " defined. Existing schema: Schema:[SchemaElement: key{" + attribute + ":"
                                + existing + ":" + existingKeyType(table, attribute) + "}] New schema:"
                                + " Schema:[SchemaElement: key{" + attribute + ":" + type + ":"
                                + Json.text(element, "KeyType") + "}]");
                    }
                }
            }
        }
    }

    /** How the table or one of its indexes already keys an attribute: HASH or RANGE. */
    private static String existingKeyType(TableDefinition table, String attribute) {
        List<IndexDefinition> indexes = new ArrayList<>(table.globalIndexes());
        indexes.addAll(table.localIndexes());
        if (attribute.equals(table.hashKey())) {
            return "HASH";
        }
        if (attribute.equals(table.rangeKey())) {
            return "RANGE";
        }
        for (IndexDefinition index : indexes) {
            if (index.hashKeys().contains(attribute)) {
                return "HASH";
            }
            if (index.rangeKeys().contains(attribute)) {
                return "RANGE";
            }
        }
        return "HASH";
    }

    /** Applies GlobalSecondaryIndexUpdates (Create, Delete, Update) to a table definition. */
    static TableDefinition updateGlobalIndexes(TableDefinition table, ObjectNode request) {
        checkIndexUpdates(table, request);
        List<IndexDefinition> indexes = new ArrayList<>(table.globalIndexes());
        List<AttributeDefinition> definitions = new ArrayList<>(table.attributeDefinitions());
        JsonNode newDefinitions = request.get("AttributeDefinitions");
        if (newDefinitions != null) {
            for (JsonNode definition : newDefinitions) {
                String name = Json.text(definition, "AttributeName");
                if (table.typeOf(name) == null) {
                    definitions.add(new AttributeDefinition(name, Json.text(definition, "AttributeType")));
                }
            }
        }
        int position = 0;
        for (JsonNode update : request.get("GlobalSecondaryIndexUpdates")) {
            position++;
            if (update.has("Create")) {
                // its name, key schema and projection were checked with the request's other constraints
                String path = "globalSecondaryIndexUpdates." + position + ".member.create.";
                IndexDefinitions.checkProjection(update.get("Create").path("Projection"), path + "projection");
                IndexThroughputUpdates.checkCreate(table, update.get("Create"));
                IndexDefinition index = IndexDefinitions.index(update.get("Create"), new LinkedHashSet<>(),
                        table.billingMode(), true, path);
                if (indexes.stream().anyMatch(i -> i.name().equals(index.name()))) {
                    throw ApiException.validation("One or more parameter values were invalid: Duplicate index name: "
                            + index.name());
                }
                for (String attribute : index.keyNames()) {
                    if (definitions.stream().noneMatch(d -> d.name().equals(attribute))) {
                        throw ApiException.validation("One or more parameter values were invalid: Some index key"
                                + " attributes are not defined in AttributeDefinitions. Keys: [" + attribute + "]");
                    }
                }
                if (indexes.size() == TableSchema.MAX_GLOBAL_INDEXES) {
                    // over the quota, unlike at CreateTable, is a limit rather than an invalid request here
                    throw ApiException.dynamoDb("LimitExceededException", "Subscriber limit exceeded: Number of"
                            + " global secondary indexes exceeds per-table limit of " + TableSchema.MAX_GLOBAL_INDEXES);
                }
                indexes.add(index);
            } else if (update.hasNonNull("Update")) {
                indexes = IndexThroughputUpdates.update(table, indexes, update.get("Update"));
            } else if (update.has("Delete")) {
                String name = Json.text(update.get("Delete"), "IndexName");
                if (!indexes.removeIf(i -> i.name().equals(name))) {
                    throw ApiException.resourceNotFound("Requested resource not found: Index: " + name
                            + " not found");
                }
            }
        }
        // the table keeps the definitions of key attributes only: unused ones given here, and those of a deleted
        // index's key, are dropped
        TableSchema.dropUnusedDefinitions(definitions, table, indexes, table.vectorIndexes());
        return table.withGlobalIndexes(indexes, definitions);
    }
}
