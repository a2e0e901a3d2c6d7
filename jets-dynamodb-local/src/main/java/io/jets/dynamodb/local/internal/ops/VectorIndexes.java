package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.AttributeDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.SearchSchemaElement;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vector indexes of a table, declared by CreateTable VectorIndexes or UpdateTable VectorIndexUpdates, as
 * DynamoDB validates and describes them. What a write obeys once a table has one is {@link VectorWrites}.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_VectorIndex.html">VectorIndex</a>
 */
final class VectorIndexes {

    /** DynamoDB's quotas: vector indexes per table, dimensions of a vector, inline filters of a search schema. */
    static final int MAX_INDEXES = 5;
    static final int MAX_DIMENSIONS = 4096;
    static final int MAX_INLINE_FILTERS = 18;
    static final Set<String> DISTANCE_FUNCTIONS = Set.of("COSINE", "EUCLIDEAN", "DOT_PRODUCT");
    static final String DISTANCE_FUNCTION_ENUM = "[DOT_PRODUCT, COSINE, EUCLIDEAN]";
    private static final Set<String> ELEMENT_TYPES = Set.of("HASH", "INLINE_FILTER");

    private VectorIndexes() {
    }

    /**
     * The constraints of DynamoDB's model on one VectorIndex (or UpdateTable Create action) at {@code path}, e.g.
     * {@code vectorIndexes.1.member.}: reported with the request's other constraint failures.
     */
    static void constraints(Constraints constraints, JsonNode index, String path) {
        constraints.tableName(path + "indexName", index.get("IndexName"));
        JsonNode vector = index.get("VectorAttribute");
        constraints.required(path + "vectorAttribute", vector);
        if (vector != null && !vector.isNull()) {
            constraints.text(path + "vectorAttribute.attributeName", vector.get("AttributeName"), 1, 255);
        }
        JsonNode schema = index.get("SearchSchema");
        constraints.length(path + "searchSchema", schema, 1, Integer.MAX_VALUE);
        if (schema != null && schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                String element = path + "searchSchema." + (i + 1) + ".member.";
                constraints.required(element + "attributeName", schema.get(i).get("AttributeName"));
                constraints.required(element + "searchSchemaElementType",
                        schema.get(i).get("SearchSchemaElementType"));
                constraints.oneOf(element + "searchSchemaElementType", schema.get(i).get("SearchSchemaElementType"),
                        ELEMENT_TYPES, "[HASH, INLINE_FILTER]");
            }
        }
        constraints.required(path + "projection", index.get("Projection"));
        constraints.required(path + "dimensions", index.get("Dimensions"));
        constraints.range(path + "dimensions", index.get("Dimensions"), 1, Long.MAX_VALUE);
        constraints.required(path + "distanceFunction", index.get("DistanceFunction"));
        constraints.oneOf(path + "distanceFunction", index.get("DistanceFunction"), DISTANCE_FUNCTIONS,
                DISTANCE_FUNCTION_ENUM);
    }

    /**
     * The vector indexes of a CreateTable request, checked once the model's constraints hold. Their search schema
     * attributes are added to {@code used}, as they must be defined; {@code otherIndexes} are the names of the
     * request's secondary indexes, which share one name space with the vector indexes.
     */
    static List<VectorIndexDefinition> atCreate(ObjectNode request, List<AttributeDefinition> definitions,
                                                Set<String> used, Set<String> otherIndexes, long now) {
        JsonNode list = request.get("VectorIndexes");
        List<VectorIndexDefinition> result = new ArrayList<>();
        if (list == null || list.isNull() || list.isEmpty()) {
            return result;
        }
        String billingMode = Json.text(request, "BillingMode");
        if (!"PAY_PER_REQUEST".equals(billingMode)) {
            throw payPerRequestOnly();
        }
        if (list.size() > MAX_INDEXES) {
            throw ApiException.validation("One or more parameter values were invalid: VectorIndex count exceeds the"
                    + " per-table limit of " + MAX_INDEXES);
        }
        for (JsonNode index : list) {
            String path = "vectorIndexes." + (result.size() + 1) + ".member.";
            VectorIndexDefinition created = definition(index, path, definitions, now);
            if (otherIndexes.contains(created.name())
                    || result.stream().anyMatch(earlier -> earlier.name().equals(created.name()))) {
                throw ApiException.validation("One or more parameter values were invalid: Duplicate index name: "
                        + created.name());
            }
            checkDimensions(result, created);
            created.searchSchema().forEach(element -> used.add(element.attributeName()));
            result.add(created);
        }
        return result;
    }

    static ApiException payPerRequestOnly() {
        return ApiException.validation("One or more parameter values were invalid: Vector indexes are only"
                + " supported for PAY_PER_REQUEST tables");
    }

    /** Every vector index on one attribute has the same number of dimensions. */
    static void checkDimensions(List<VectorIndexDefinition> existing, VectorIndexDefinition created) {
        for (VectorIndexDefinition other : existing) {
            if (other.vectorAttribute().equals(created.vectorAttribute())
                    && other.dimensions() != created.dimensions()) {
                throw ApiException.validation("One or more parameter values were invalid: Conflicting attribute"
                        + " definition for '" + created.vectorAttribute() + "'. All VectorIndexes on the same"
                        + " vector attribute must use the same dimensions.");
            }
        }
    }

    /**
     * One vector index at {@code path}, its model constraints already met: dimensions within DynamoDB's range, a
     * valid projection, at most one HASH and {@value #MAX_INLINE_FILTERS} inline filter attributes, each of them
     * in {@code definitions}, and a vector attribute that is not.
     */
    static VectorIndexDefinition definition(JsonNode index, String path, List<AttributeDefinition> definitions,
                                            long now) {
        long dimensions = index.path("Dimensions").asLong();
        if (dimensions > MAX_DIMENSIONS) {
            throw ApiException.validation("One or more parameter values were invalid: Number of dimensions must be"
                    + " between 1 and " + MAX_DIMENSIONS + " inclusive.");
        }
        IndexDefinitions.checkProjection(index.path("Projection"), path + "projection");
        List<SearchSchemaElement> schema = new ArrayList<>();
        int hashes = 0;
        int filters = 0;
        for (JsonNode element : index.path("SearchSchema")) {
            String type = Json.text(element, "SearchSchemaElementType");
            schema.add(new SearchSchemaElement(Json.text(element, "AttributeName"), type));
            if ("HASH".equals(type)) {
                hashes++;
            } else {
                filters++;
            }
        }
        if (hashes > 1) {
            throw ApiException.validation("One or more parameter values were invalid: Value '" + hashes + "' at"
                    + " 'SearchSchema' failed to satisfy constraint: Member must have HASH count less than or equal"
                    + " to 1");
        }
        if (filters > MAX_INLINE_FILTERS) {
            throw ApiException.validation("One or more parameter values were invalid: Value '" + filters + "' at"
                    + " 'SearchSchema' failed to satisfy constraint: Member must have INLINE_FILTER count less than"
                    + " or equal to " + MAX_INLINE_FILTERS);
        }
        String vectorAttribute = Json.text(index.get("VectorAttribute"), "AttributeName");
        if (definitions.stream().anyMatch(definition -> definition.name().equals(vectorAttribute))) {
            throw ApiException.validation("One or more parameter values were invalid: Conflicting attribute"
                    + " definition for '" + vectorAttribute + "'. An attribute cannot be defined in"
                    + " AttributeDefinitions when used as a VectorAttribute.");
        }
        for (SearchSchemaElement element : schema) {
            if (definitions.stream().noneMatch(definition -> definition.name().equals(element.attributeName()))) {
                throw ApiException.validation("One or more parameter values were invalid: One element in"
                        + " SearchSchema is not defined in attribute definitions");
            }
        }
        JsonNode projection = index.path("Projection");
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asText()));
        return new VectorIndexDefinition(Json.text(index, "IndexName"), vectorAttribute, schema,
                Json.text(projection, "ProjectionType"), nonKey, dimensions, Json.text(index, "DistanceFunction"),
                now);
    }

    /**
     * A vector index as a TableDescription lists it. {@code backfilling} is reported only for an index that
     * UpdateTable adds (false while DynamoDB allocates it), null leaves it out as for every other index.
     */
    static ObjectNode describe(VectorIndexDefinition index, TableDefinition table, String region, String status,
                               Boolean backfilling, long[] stats) {
        ObjectNode node = Json.object();
        node.put("IndexName", index.name());
        if (!index.searchSchema().isEmpty()) {
            ArrayNode schema = node.putArray("SearchSchema");
            index.searchSchema().forEach(element -> schema.addObject().put("AttributeName", element.attributeName())
                    .put("SearchSchemaElementType", element.type()));
        }
        ObjectNode projection = node.putObject("Projection");
        projection.put("ProjectionType", index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            ArrayNode attributes = projection.putArray("NonKeyAttributes");
            index.nonKeyAttributes().stream().sorted().forEach(attributes::add);
        }
        node.putObject("VectorAttribute").put("AttributeName", index.vectorAttribute());
        node.put("Dimensions", index.dimensions());
        node.put("DistanceFunction", index.distanceFunction());
        node.put("IndexStatus", status);
        if (backfilling != null) {
            node.put("Backfilling", backfilling);
        }
        node.put("IndexSizeBytes", stats[1]);
        node.put("ItemCount", stats[0]);
        node.put("IndexArn", TableDescriptions.tableArn(region, table.name()) + "/index/" + index.name());
        return node;
    }

    /** The VectorIndexes of a TableDescription, every index with {@code status}; null for a table without any. */
    static ArrayNode describeAll(TableDefinition table, String region, String status, Map<String, long[]> stats) {
        if (table.vectorIndexes().isEmpty()) {
            return null;
        }
        ArrayNode indexes = Json.array();
        for (VectorIndexDefinition index : table.vectorIndexes()) {
            indexes.add(describe(index, table, region, status, null,
                    stats.getOrDefault(index.name(), new long[2])));
        }
        return indexes;
    }
}
