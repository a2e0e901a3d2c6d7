package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.IndexEntries;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.AttributeDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.SearchSchemaElement;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * UpdateTable's VectorIndexUpdates: one vector index created (its entries built from the table's items within the
 * call) or deleted per request, with DynamoDB's rules and messages. The answer reports a created index CREATING and
 * not yet backfilling, as DynamoDB's does; {@link OnlineIndexes} walks it to ACTIVE.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_VectorIndexUpdate.html">
 *     VectorIndexUpdate</a>
 */
final class VectorIndexUpdates {

    private VectorIndexUpdates() {
    }

    /** Whether the request changes a vector index. */
    static boolean requested(ObjectNode request) {
        return request.path("VectorIndexUpdates").size() > 0;
    }

    /** The model constraints of each update, reported with the request's other constraint failures. */
    static void constraints(Constraints constraints, JsonNode updates) {
        if (updates == null || !updates.isArray()) {
            return;
        }
        for (int i = 0; i < updates.size(); i++) {
            String path = "vectorIndexUpdates." + (i + 1) + ".member.";
            JsonNode create = updates.get(i).get("Create");
            if (create != null && !create.isNull()) {
                VectorIndexes.constraints(constraints, create, path + "create.");
            }
            JsonNode delete = updates.get(i).get("Delete");
            if (delete != null && !delete.isNull()) {
                constraints.tableName(path + "delete.indexName", delete.get("IndexName"));
            }
        }
    }

    /**
     * The rules checked from the request alone: each update names one action, and one index is created or deleted
     * at a time, counting the global index creations and deletions of the same request.
     */
    static void checkActions(ObjectNode request) {
        JsonNode updates = request.path("VectorIndexUpdates");
        for (JsonNode update : updates) {
            boolean create = update.hasNonNull("Create");
            boolean delete = update.hasNonNull("Delete");
            if (create == delete) {
                throw ApiException.validation("One or more parameter values were invalid: One of"
                        + " VectorIndexUpdate.Create, VectorIndexUpdate.Delete must not be null");
            }
        }
        int online = updates.size();
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            if (update.hasNonNull("Create") || update.hasNonNull("Delete")) {
                online++;
            }
        }
        if (online > 1) {
            throw ApiException.dynamoDb("LimitExceededException", "Subscriber limit exceeded: Only 1 online index"
                    + " can be created or deleted simultaneously per table");
        }
    }

    /** Applies the request's one vector index creation or deletion to the table definition. */
    static TableDefinition apply(TableDefinition table, ObjectNode request, long now) {
        JsonNode update = request.get("VectorIndexUpdates").get(0);
        List<VectorIndexDefinition> indexes = new ArrayList<>(table.vectorIndexes());
        List<AttributeDefinition> definitions = new ArrayList<>(table.attributeDefinitions());
        if (update.hasNonNull("Delete")) {
            String name = Json.text(update.get("Delete"), "IndexName");
            if (!indexes.removeIf(index -> index.name().equals(name))) {
                throw ApiException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
            }
        } else {
            indexes.add(create(table, request, update.get("Create"), definitions, now));
        }
        TableSchema.dropUnusedDefinitions(definitions, table, table.globalIndexes(), indexes);
        return table.withVectorIndexes(indexes, definitions);
    }

    private static VectorIndexDefinition create(TableDefinition table, ObjectNode request, JsonNode create,
                                                List<AttributeDefinition> definitions, long now) {
        if (!"PAY_PER_REQUEST".equals(table.billingMode())) {
            throw VectorIndexes.payPerRequestOnly();
        }
        String name = Json.text(create, "IndexName");
        boolean exists = table.vectorIndex(name) != null
                || IndexEntries.all(table).stream().anyMatch(index -> index.name().equals(name));
        if (exists) {
            throw ApiException.validation("Attempting to create an index which already exists");
        }
        if (table.vectorIndexes().size() >= VectorIndexes.MAX_INDEXES) {
            throw ApiException.dynamoDb("LimitExceededException", "Subscriber limit exceeded: Number of vector"
                    + " secondary indexes exceeds per-table limit of " + VectorIndexes.MAX_INDEXES);
        }
        String vectorAttribute = Json.text(create.get("VectorAttribute"), "AttributeName");
        String existing = table.typeOf(vectorAttribute);
        if (existing != null) {
            throw ApiException.validation("One or more parameter values were invalid: Attributes cannot be"
                    + " redefined. Please check that your attribute has the same type as previously defined."
                    + " Existing schema: Schema:[SchemaElement: key{" + vectorAttribute + ":" + existing + ":"
                    + keyType(table, vectorAttribute) + "}] New schema: VectorIndexSchema:[VectorAttribute: key{"
                    + vectorAttribute + ":L:" + create.path("Dimensions").asLong() + "}]");
        }
        // the search schema's attributes are defined in this request, even those the table defines already
        List<AttributeDefinition> requested = new ArrayList<>();
        for (JsonNode definition : request.path("AttributeDefinitions")) {
            requested.add(new AttributeDefinition(Json.text(definition, "AttributeName"),
                    Json.text(definition, "AttributeType")));
        }
        String path = "vectorIndexUpdates.1.member.create.";
        VectorIndexDefinition created = VectorIndexes.definition(create, path, requested, now);
        VectorIndexes.checkDimensions(table.vectorIndexes(), created);
        for (SearchSchemaElement element : created.searchSchema()) {
            AttributeDefinition given = requested.stream()
                    .filter(definition -> definition.name().equals(element.attributeName())).findFirst().orElseThrow();
            String known = table.typeOf(element.attributeName());
            if (known != null && !known.equals(given.type())) {
                throw ApiException.validation("One or more parameter values were invalid: Attributes cannot be"
                        + " redefined. Please check that your attribute has the same type as previously defined."
                        + " Existing schema: Schema:[SchemaElement: key{" + element.attributeName() + ":" + known
                        + ":" + keyType(table, element.attributeName()) + "}] New schema: VectorIndexSchema:"
                        + "[SearchSchemaElement: key{" + element.attributeName() + ":" + given.type() + ":"
                        + element.type() + "}]");
            }
            if (known == null) {
                definitions.add(given);
            }
        }
        return created;
    }

    /** How the table or one of its indexes keys an attribute: HASH or RANGE. */
    private static String keyType(TableDefinition table, String attribute) {
        if (attribute.equals(table.hashKey())) {
            return "HASH";
        }
        if (attribute.equals(table.rangeKey())) {
            return "RANGE";
        }
        for (IndexDefinition index : IndexEntries.all(table)) {
            if (index.rangeKeys().contains(attribute)) {
                return "RANGE";
            }
        }
        return "HASH";
    }

    /**
     * The answer's VectorIndexes while the change is under way: a created index CREATING and not yet backfilling,
     * a deleted one DELETING.
     */
    static void describeUnderWay(ObjectNode description, TableDefinition before, TableDefinition after,
                                 String region) {
        var indexes = Json.array();
        for (VectorIndexDefinition index : before.vectorIndexes()) {
            boolean kept = after.vectorIndex(index.name()) != null;
            indexes.add(VectorIndexes.describe(index, before, region, kept ? "ACTIVE" : "DELETING", null,
                    new long[2]));
        }
        for (VectorIndexDefinition index : after.vectorIndexes()) {
            if (before.vectorIndex(index.name()) == null) {
                indexes.add(VectorIndexes.describe(index, after, region, "CREATING", false, new long[2]));
            }
        }
        if (indexes.isEmpty()) {
            description.remove("VectorIndexes");
        } else {
            description.set("VectorIndexes", indexes);
        }
    }
}
