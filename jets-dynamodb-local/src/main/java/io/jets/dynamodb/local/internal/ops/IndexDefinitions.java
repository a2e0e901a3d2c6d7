package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secondary indexes of a CreateTable request, and the index an UpdateTable Create action adds, validated as
 * DynamoDB does: index names, key schemas (a global index's key may have several HASH and RANGE attributes),
 * projections, and the capacity the table's billing mode asks of each global index.
 */
final class IndexDefinitions {

    private IndexDefinitions() {
    }

    /**
     * One index list of a CreateTable request: the local indexes when {@code tableRequest} is null, else the global
     * ones, held to the table's billing mode. Each index's key attributes are added to {@code used}.
     */
    static List<IndexDefinition> indexes(JsonNode indexes, Set<String> used, ObjectNode tableRequest) {
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
                BillingRules.checkIndexThroughput(index, billingMode);
            }
            if (!names.add(result.get(result.size() - 1).name())) {
                throw ApiException.validation("One or more parameter values were invalid: Duplicate index name: "
                        + result.get(result.size() - 1).name());
            }
        }
        return result;
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
        String[] key = multi == null ? TableSchema.keySchema(index.get("KeySchema"), path + "keySchema")
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
}
