package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.AttributeDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The key schema, attribute definitions and indexes of a CreateTable request, validated as DynamoDB does: every
 * key attribute defined, no definition left unused. The indexes themselves are read by {@link IndexDefinitions}.
 */
record TableSchema(List<AttributeDefinition> attributeDefinitions, String hashKey, String rangeKey,
                   List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes,
                   List<VectorIndexDefinition> vectorIndexes) {

    private static final Set<String> SCALAR_TYPES = Set.of("S", "N", "B");
    /** DynamoDB's default quotas of indexes per table. */
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_GLOBAL_INDEXES = 20;

    /** {@code now}: when the table and its vector indexes are created. */
    static TableSchema parse(ObjectNode request, long now) {
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
        List<IndexDefinition> locals = IndexDefinitions.indexes(localIndexes, used, null);
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
        List<IndexDefinition> globals = IndexDefinitions.indexes(request.get("GlobalSecondaryIndexes"), used, request);
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
        Set<String> indexNames = new LinkedHashSet<>();
        locals.forEach(index -> indexNames.add(index.name()));
        globals.forEach(index -> indexNames.add(index.name()));
        List<VectorIndexDefinition> vectors = VectorIndexes.atCreate(request, definitions, used, indexNames, now);
        checkDefinitions(definitions, used, !locals.isEmpty() || !globals.isEmpty() || !vectors.isEmpty());
        return new TableSchema(definitions, key[0], key[1], globals, locals, vectors);
    }

    /**
     * Drops the definitions no key uses: the table keeps those of its own key, of its local indexes' keys, of the
     * keys of {@code globals} and of the search schemas of {@code vectors} (the indexes an update leaves it).
     */
    static void dropUnusedDefinitions(List<AttributeDefinition> definitions, TableDefinition table,
                                      List<IndexDefinition> globals, List<VectorIndexDefinition> vectors) {
        Set<String> keys = new LinkedHashSet<>(table.keyNames());
        table.localIndexes().forEach(index -> keys.addAll(index.keyNames()));
        globals.forEach(index -> keys.addAll(index.keyNames()));
        vectors.forEach(index -> index.searchSchema().forEach(element -> keys.add(element.attributeName())));
        definitions.removeIf(definition -> !keys.contains(definition.name()));
    }

    /** Every element of a list member must be an object carrying both named members. */
    static void requireMembers(JsonNode list, String member, String first, String second) {
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

    static String[] keySchema(JsonNode schema, String member) {
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
}
