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
 * The key schema, attribute definitions and indexes of a CreateTable request, validated as DynamoDB does: every
 * key attribute defined, no definition left unused.
 */
record TableSchema(List<AttributeDefinition> attributeDefinitions, String hashKey, String rangeKey,
                   List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes) {

    private static final Set<String> SCALAR_TYPES = Set.of("S", "N", "B");
    /** DynamoDB's default quotas of indexes per table. */
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_GLOBAL_INDEXES = 20;

    static TableSchema parse(ObjectNode request) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        requireMembers(request.get("AttributeDefinitions"), "attributeDefinitions", "AttributeName",
                "AttributeType");
        requireMembers(request.get("KeySchema"), "keySchema", "AttributeName", "KeyType");
        int position = 0;
        for (JsonNode definition : request.get("AttributeDefinitions")) {
            position++;
            String type = Json.text(definition, "AttributeType");
            if (type == null || !SCALAR_TYPES.contains(type)) {
                throw ApiException.validation("1 validation error detected: Value '" + type + "' at"
                        + " 'attributeDefinitions." + position + ".member.attributeType' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [B, N, S]");
            }
            String name = Json.text(definition, "AttributeName");
            if (definitions.stream().anyMatch(known -> known.name().equals(name))) {
                throw ApiException.validation("Attribute Name is duplicated: " + name);
            }
            definitions.add(new AttributeDefinition(name, type));
        }
        String[] key = keySchema(request.get("KeySchema"), "keySchema");
        Set<String> used = new LinkedHashSet<>(List.of(key[0]));
        if (key[1] != null) {
            used.add(key[1]);
        }
        JsonNode localIndexes = request.get("LocalSecondaryIndexes");
        if (key[1] == null && localIndexes != null && !localIndexes.isNull() && !localIndexes.isEmpty()) {
            throw ApiException.validation("One or more parameter values were invalid: Table KeySchema does not have a"
                    + " range key, which is required when specifying a LocalSecondaryIndex");
        }
        List<IndexDefinition> locals = indexes(localIndexes, used, null);
        for (IndexDefinition index : locals) {
            if (index.rangeKey() == null) {
                throw ApiException.validation("One or more parameter values were invalid: Index KeySchema does not"
                        + " have a range key for index: " + index.name());
            }
            if (!index.hashKey().equals(key[0])) {
                throw ApiException.validation("One or more parameter values were invalid: Index KeySchema does not"
                        + " have the same leading hash key as table KeySchema for index: " + index.name()
                        + ". index hash key: " + index.hashKey() + ", table hash key: " + key[0]);
            }
        }
        if (locals.size() > MAX_LOCAL_INDEXES) {
            throw ApiException.validation("One or more parameter values were invalid: Number of"
                    + " LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
        }
        List<IndexDefinition> globals = indexes(request.get("GlobalSecondaryIndexes"), used, request);
        for (IndexDefinition global : globals) {
            // one IndexName space for both kinds: a read names its index without saying which kind it is
            if (locals.stream().anyMatch(local -> local.name().equals(global.name()))) {
                throw ApiException.validation("One or more parameter values were invalid: Duplicate index name: "
                        + global.name());
            }
        }
        if (globals.size() > MAX_GLOBAL_INDEXES) {
            throw ApiException.validation("One or more parameter values were invalid: GlobalSecondaryIndex count"
                    + " exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
        }
        checkDefinitions(definitions, used, !locals.isEmpty() || !globals.isEmpty());
        return new TableSchema(definitions, key[0], key[1], globals, locals);
    }

    /** Every element of a list member must be an object carrying both named members. */
    private static void requireMembers(JsonNode list, String member, String first, String second) {
        if (!list.isArray()) {
            throw ApiException.serialization(null);
        }
        Constraints constraints = new Constraints();
        for (int i = 0; i < list.size(); i++) {
            String prefix = member + "." + (i + 1) + ".member.";
            constraints.required(prefix + Character.toLowerCase(first.charAt(0)) + first.substring(1),
                    list.get(i).get(first));
            constraints.required(prefix + Character.toLowerCase(second.charAt(0)) + second.substring(1),
                    list.get(i).get(second));
        }
        constraints.check();
    }

    /**
     * DynamoDB picks its message by comparing how many attributes are defined with how many keys use one, and by
     * whether the request declares an index; only then does it look at which names differ.
     */
    private static void checkDefinitions(List<AttributeDefinition> definitions, Set<String> used,
                                         boolean indexed) {
        List<String> defined = definitions.stream().map(AttributeDefinition::name).toList();
        if (defined.size() == used.size() && defined.containsAll(used)) {
            return;
        }
        if (defined.size() > used.size()) {
            throw ApiException.validation(indexed
                    ? "One or more parameter values were invalid: Some AttributeDefinitions are not used."
                            + " AttributeDefinitions: [" + String.join(", ", defined) + "], keys used: ["
                            + String.join(", ", used) + "]"
                    : "One or more parameter values were invalid: Number of attributes in KeySchema does not"
                            + " exactly match number of attributes defined in AttributeDefinitions");
        }
        if (defined.size() < used.size() && !indexed) {
            throw ApiException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        // with an index only the undefined keys are named; without one, every key of the table
        List<String> keys = indexed ? used.stream().filter(name -> !defined.contains(name)).toList()
                : List.copyOf(used);
        throw ApiException.validation("One or more parameter values were invalid: Some index key attributes"
                + " are not defined in AttributeDefinitions. Keys: [" + String.join(", ", keys)
                + "], AttributeDefinitions: [" + String.join(", ", defined) + "]");
    }

    /** A KeySchema list the way DynamoDB echoes it in a constraint failure: as its Java model prints it. */
    static String printed(JsonNode schema) {
        List<String> elements = new ArrayList<>();
        schema.forEach(element -> elements.add("KeySchemaElement(attributeName="
                + Json.text(element, "AttributeName") + ", keyType=" + Json.text(element, "KeyType") + ")"));
        return elements.toString();
    }

    private static String[] keySchema(JsonNode schema, String member) {
        if (schema.size() < 1 || schema.size() > 2) {
            throw ApiException.validation("1 validation error detected: Value '" + printed(schema) + "' at '"
                    + member + "' failed to satisfy constraint: Member must have length "
                    + (schema.size() < 1 ? "greater than or equal to 1" : "less than or equal to 2"));
        }
        for (int i = 0; i < schema.size(); i++) {
            String keyType = Json.text(schema.get(i), "KeyType");
            if (!"HASH".equals(keyType) && !"RANGE".equals(keyType)) {
                throw ApiException.validation("1 validation error detected: Value '" + keyType + "' at '" + member + "."
                        + (i + 1) + ".member.keyType' failed to satisfy constraint: Member must satisfy enum value"
                        + " set: [HASH, RANGE]");
            }
        }
        if (!"HASH".equals(Json.text(schema.get(0), "KeyType"))) {
            throw ApiException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        String hash = Json.text(schema.get(0), "AttributeName");
        String range = null;
        if (schema.size() == 2) {
            range = Json.text(schema.get(1), "AttributeName");
            // an attribute named twice is found before a second element that is not RANGE
            if (range.equals(hash)) {
                throw ApiException.validation("Invalid KeySchema: Some index key attribute have no definition");
            }
            if (!"RANGE".equals(Json.text(schema.get(1), "KeyType"))) {
                throw ApiException.validation(
                        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
        }
        return new String[] {hash, range};
    }

    private static List<IndexDefinition> indexes(JsonNode indexes, Set<String> used, ObjectNode tableRequest) {
        List<IndexDefinition> result = new ArrayList<>();
        if (indexes == null || indexes.isNull()) {
            return result;
        }
        Set<String> names = new LinkedHashSet<>();
        String member = tableRequest == null ? "localSecondaryIndexes" : "globalSecondaryIndexes";
        if (indexes.isEmpty()) {
            throw ApiException.validation("One or more parameter values were invalid: List of "
                    + Character.toUpperCase(member.charAt(0)) + member.substring(1) + " is empty");
        }
        // a table created without a BillingMode is PROVISIONED
        String requestedMode = tableRequest == null ? null : Json.text(tableRequest, "BillingMode");
        String billingMode = tableRequest == null ? null : requestedMode == null ? "PROVISIONED" : requestedMode;
        for (JsonNode index : indexes) {
            String path = member + "." + (result.size() + 1) + ".member.";
            new Constraints().tableName(path + "indexName", index.get("IndexName")).check();
            checkProjection(index.path("Projection"), path + "projection");
            result.add(index(index, used, billingMode, tableRequest != null, path));
            if (tableRequest != null) {
                checkIndexThroughput(index, billingMode);
            }
            if (!names.add(result.get(result.size() - 1).name())) {
                throw ApiException.validation("One or more parameter values were invalid: Duplicate index name: "
                        + result.get(result.size() - 1).name());
            }
        }
        return result;
    }

    /** A global index of a provisioned table has its own capacity; one of an on-demand table has none. */
    private static void checkIndexThroughput(JsonNode index, String billingMode) {
        boolean given = index.hasNonNull("ProvisionedThroughput");
        String name = Json.text(index, "IndexName");
        if ("PAY_PER_REQUEST".equals(billingMode) && given) {
            throw ApiException.validation("One or more parameter values were invalid: ProvisionedThroughput should"
                    + " not be specified for index: " + name + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!"PAY_PER_REQUEST".equals(billingMode) && !given) {
            throw ApiException.validation("One or more parameter values were invalid: ProvisionedThroughput is not"
                    + " specified for index: " + name);
        }
    }

    /** {@code path}: where the index sits in the request, e.g. {@code globalSecondaryIndexes.1.member.} */
    static IndexDefinition index(JsonNode index, Set<String> used, String billingMode, boolean global, String path) {
        JsonNode schema = index.get("KeySchema");
        List<List<String>> multi = global ? multiAttributeKey(schema) : null;
        if (schema != null && schema.size() == 2 && Json.text(schema.get(0), "AttributeName") != null
                && Json.text(schema.get(0), "AttributeName").equals(Json.text(schema.get(1), "AttributeName"))) {
            throw ApiException.validation("Both the Hash Key and the Range Key element in the KeySchema have the"
                    + " same name");
        }
        String[] key = multi == null ? keySchema(index.get("KeySchema"), path + "keySchema")
                : new String[] {multi.get(0).get(0), multi.get(1).isEmpty() ? null : multi.get(1).get(0)};
        if (multi == null) {
            used.add(key[0]);
            if (key[1] != null) {
                used.add(key[1]);
            }
        } else {
            multi.forEach(used::addAll);
        }
        JsonNode projection = index.path("Projection");
        String type = projection.path("ProjectionType").asText("ALL");
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asText()));
        long[] throughput = billingMode == null || "PAY_PER_REQUEST".equals(billingMode) ? new long[] {0, 0}
                : new long[] {index.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(),
                    index.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong()};
        // a warm throughput asked for at creation is kept like a raise: a unit left out is what the billing gives
        JsonNode warm = index.path("WarmThroughput");
        if (global && "PAY_PER_REQUEST".equals(billingMode)) {
            WarmThroughput.checkIndexAtCreate(warm, Json.text(index, "IndexName"));
        }
        return new IndexDefinition(Json.text(index, "IndexName"), key[0], key[1], type, nonKey, throughput[0],
                throughput[1], multi == null ? null : multi.get(0), multi == null ? null : multi.get(1))
                .withWarmThroughput(warm.path("ReadUnitsPerSecond").asLong(0),
                        warm.path("WriteUnitsPerSecond").asLong(0));
    }

    /**
     * The HASH and RANGE attributes of a global index key with more than one of either: one to four HASH elements
     * followed by up to four RANGE elements, each attribute once. Null for a key of one HASH and at most one RANGE
     * element, and for the shapes the single-attribute rules already refuse (an unknown key type, a first element
     * that is not HASH).
     */
    private static List<List<String>> multiAttributeKey(JsonNode schema) {
        if (schema == null || !schema.isArray() || schema.size() < 2) {
            return null;
        }
        for (JsonNode element : schema) {
            if (!Set.of("HASH", "RANGE").contains(String.valueOf(Json.text(element, "KeyType")))) {
                return null;
            }
        }
        if (!"HASH".equals(Json.text(schema.get(0), "KeyType"))
                || (schema.size() == 2 && "RANGE".equals(Json.text(schema.get(1), "KeyType")))) {
            return null;
        }
        List<String> hash = new ArrayList<>();
        List<String> range = new ArrayList<>();
        for (JsonNode element : schema) {
            boolean isHash = "HASH".equals(Json.text(element, "KeyType"));
            if (isHash && !range.isEmpty()) {
                throw ApiException.validation("One or more parameter values were invalid: All HASH key attributes"
                        + " must precede RANGE key attributes in the KeySchema");
            }
            (isHash ? hash : range).add(Json.text(element, "AttributeName"));
        }
        for (List<String> part : List.of(hash, range)) {
            if (part.size() > 4) {
                throw ApiException.validation("One or more parameter values were invalid: The KeySchema exceeds the"
                        + " maximum allowed number of " + (part == hash ? "HASH" : "RANGE") + " key attributes");
            }
        }
        Set<String> distinct = new LinkedHashSet<>(hash);
        distinct.addAll(range);
        if (distinct.size() != schema.size()) {
            throw ApiException.validation("The KeySchema contains multiple key attributes with the same name");
        }
        return List.of(List.copyOf(hash), List.copyOf(range));
    }

    /**
     * ProjectionType is required and names one of the three projections; NonKeyAttributes, a list of distinct
     * strings, goes with INCLUDE and only with it. {@code path} locates the projection in the request, as
     * DynamoDB's constraint messages do ({@code globalSecondaryIndexes.1.member.projection}).
     */
    static void checkProjection(JsonNode projection, String path) {
        if (projection.isMissingNode() || projection.isNull()) {
            throw ApiException.validation("1 validation error detected: Value null at '" + path + "' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        JsonNode nonKey = projection.get("NonKeyAttributes");
        if (nonKey != null && !nonKey.isNull()) {
            if (!nonKey.isArray()) {
                throw ApiException.serialization(null);
            }
            for (JsonNode attribute : nonKey) {
                if (!attribute.isTextual()) {
                    throw ApiException.serialization(null);
                }
            }
        }
        JsonNode typeNode = projection.get("ProjectionType");
        String type = typeNode == null || typeNode.isNull() ? null : typeNode.asText();
        if (type == null) {
            throw ApiException.validation("One or more parameter values were invalid: Unknown ProjectionType: null");
        }
        if (!Set.of("ALL", "INCLUDE", "KEYS_ONLY").contains(type)) {
            throw ApiException.validation("1 validation error detected: Value '" + type + "' at '" + path
                    + ".projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL,"
                    + " INCLUDE, KEYS_ONLY]");
        }
        boolean hasNonKey = nonKey != null && !nonKey.isNull();
        if (type.equals("INCLUDE") && !hasNonKey) {
            throw ApiException.validation("One or more parameter values were invalid: ProjectionType is INCLUDE, but"
                    + " NonKeyAttributes is not specified");
        }
        if (!type.equals("INCLUDE") && hasNonKey) {
            throw ApiException.validation("One or more parameter values were invalid: ProjectionType is " + type
                    + ", but NonKeyAttributes is specified");
        }
        if (hasNonKey) {
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode attribute : nonKey) {
                if (!seen.add(attribute.asText())) {
                    throw ApiException.validation("One or more parameter values were invalid: Duplicate element in"
                            + " NonKeyAttributes: " + attribute.asText());
                }
            }
        }
    }

    /** Read and write capacity for a billing mode, with DynamoDB's errors for missing or forbidden values. */
    static long[] throughput(String billingMode, JsonNode provisioned) {
        boolean given = provisioned != null && !provisioned.isNull();
        if ("PAY_PER_REQUEST".equals(billingMode)) {
            if (given) {
                throw ApiException.validation("One or more parameter values were invalid: Neither"
                        + " ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (!given) {
            throw ApiException.validation("One or more parameter values were invalid: ReadCapacityUnits and"
                    + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        new Constraints().capacity("provisionedThroughput", provisioned).check();
        return new long[] {provisioned.path("ReadCapacityUnits").asLong(),
            provisioned.path("WriteCapacityUnits").asLong()};
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
            requireMembers(newDefinitions, "attributeDefinitions", "AttributeName", "AttributeType");
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
                checkProjection(update.get("Create").path("Projection"), path + "projection");
                IndexThroughputUpdates.checkCreate(table, update.get("Create"));
                IndexDefinition index = index(update.get("Create"), new LinkedHashSet<>(), table.billingMode(),
                        true, path);
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
                if (indexes.size() == MAX_GLOBAL_INDEXES) {
                    // over the quota, unlike at CreateTable, is a limit rather than an invalid request here
                    throw ApiException.dynamoDb("LimitExceededException", "Subscriber limit exceeded: Number of"
                            + " global secondary indexes exceeds per-table limit of " + MAX_GLOBAL_INDEXES);
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
        Set<String> keys = new LinkedHashSet<>(table.keyNames());
        table.localIndexes().forEach(index -> keys.addAll(index.keyNames()));
        indexes.forEach(index -> keys.addAll(index.keyNames()));
        definitions.removeIf(definition -> !keys.contains(definition.name()));
        return table.withGlobalIndexes(indexes, definitions);
    }
}
