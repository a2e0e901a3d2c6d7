package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore;
import io.jets.dynamodb.local.internal.table.IndexEntries;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.AttributeDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.SearchSchemaElement;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The vector indexes of a table, declared by CreateTable VectorIndexes or UpdateTable VectorIndexUpdates, as
 * DynamoDB validates and describes them, and the rules a write obeys once a table has one: a vector attribute
 * holds a list of as many 32-bit floats as the index has dimensions, and the search schema attributes have their
 * defined types.
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
    /** The least a write is charged per vector index it changes. */
    private static final long MIN_WRITE_BYTES = 1024;
    private static final BigDecimal MAX_FLOAT = new BigDecimal(Float.toString(Float.MAX_VALUE));

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
            for (VectorIndexDefinition earlier : result) {
                if (earlier.name().equals(created.name())) {
                    throw ApiException.validation("One or more parameter values were invalid: Duplicate index"
                            + " name: " + created.name());
                }
            }
            if (otherIndexes.contains(created.name())) {
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

    /**
     * What a write into a table with vector indexes must hold, checked index by index in the order they were
     * declared: a vector attribute present is a list of 32-bit floats of the index's dimensions, and search
     * schema attributes present have their defined types (a HASH value not empty). An item without the vector
     * or the HASH attribute is written and stays out of the index. Only values the write changes from
     * {@code old} (null when the item is new) are checked: an item written before an index was added keeps what
     * the index cannot hold until that value itself changes.
     */
    static void checkItem(TableDefinition table, ObjectNode item, ObjectNode old) {
        for (VectorIndexDefinition index : table.vectorIndexes()) {
            JsonNode vector = item.get(index.vectorAttribute());
            if (vector != null && !unchanged(old, index.vectorAttribute(), vector)) {
                checkVector(index, vector);
            }
            for (SearchSchemaElement element : index.searchSchema()) {
                JsonNode value = item.get(element.attributeName());
                if (value == null || table.keyNames().contains(element.attributeName())
                        || unchanged(old, element.attributeName(), value)) {
                    continue;
                }
                String expected = table.typeOf(element.attributeName());
                String actual = AttributeValues.type(value);
                if (!actual.equals(expected)) {
                    throw ApiException.validation("One or more parameter values were invalid. Attribute '"
                            + element.attributeName() + "' type mismatch. Expected: " + expected + ", Actual: "
                            + actual + ". IndexName: " + index.name());
                }
                if ("HASH".equals(element.type()) && value.get(actual).asText().isEmpty()) {
                    throw ApiException.validation("One or more parameter values are not valid. A value specified"
                            + " for a secondary index key is not supported. The AttributeValue for a key attribute"
                            + " cannot contain an empty " + (actual.equals("B") ? "binary" : "string")
                            + " value. IndexName: " + index.name() + ", IndexKey: " + element.attributeName());
                }
            }
        }
    }

    private static boolean unchanged(ObjectNode old, String attribute, JsonNode value) {
        return old != null && value.equals(old.get(attribute));
    }

    private static void checkVector(VectorIndexDefinition index, JsonNode vector) {
        String name = index.vectorAttribute();
        JsonNode elements = vector.get("L");
        if (elements == null || !elements.isArray()) {
            throw ApiException.validation("One or more parameter values were invalid. Invalid type for parameter "
                    + name + ", Expected: 32-bit floating point number list IndexName: " + index.name());
        }
        if (elements.size() != index.dimensions()) {
            throw ApiException.validation("One or more parameter values were invalid. Invalid size for parameter "
                    + name + ", Expected: " + index.dimensions() + ", Actual: " + elements.size() + " IndexName: "
                    + index.name());
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String type = AttributeValues.type(element);
            if (!"N".equals(type)) {
                throw ApiException.validation("One or more parameter values were invalid. Invalid type for"
                        + " parameter " + name + "[" + i + "], Expected: 32-bit floating point number, Actual: "
                        + type + ". IndexName: " + index.name());
            }
            BigDecimal number = new BigDecimal(element.get("N").asText().trim());
            if (number.abs().compareTo(MAX_FLOAT) > 0) {
                throw ApiException.validation("One or more parameter values are not valid. One or more parameter"
                        + " values were invalid . Invalid value for parameter " + name + "[" + i + "], Value: "
                        + scientific(number) + " is outside valid range [-3.4028235E38, 3.4028235E38]. IndexName: "
                        + index.name());
            }
        }
    }

    /** A number as DynamoDB echoes an out of range vector element: {@code 3.5E+38}. */
    private static String scientific(BigDecimal number) {
        return number.stripTrailingZeros().round(MathContext.DECIMAL64).toString();
    }

    /**
     * The vector write request bytes a write replacing {@code before} with {@code after} (either null when absent)
     * costs one index: nothing when the index's view of the item did not change, else the size of the entry it
     * stores (the vector counted as its name and 4 bytes a dimension), at least 1 KB.
     */
    static double writeBytes(TableDefinition table, VectorIndexDefinition index, ObjectNode before,
                             ObjectNode after) {
        ObjectNode old = view(table, index, before);
        ObjectNode next = view(table, index, after);
        if (Objects.equals(old, next)) {
            return 0;
        }
        ObjectNode entry = (next != null ? next : old).deepCopy();
        entry.remove(index.vectorAttribute());
        long bytes = AttributeValues.itemSize(entry) + index.vectorAttribute().length() + 4 * index.dimensions();
        return Math.max(MIN_WRITE_BYTES, bytes);
    }

    /** What a vector index stores of an item, or null when it does not hold the item. */
    private static ObjectNode view(TableDefinition table, VectorIndexDefinition index, ObjectNode item) {
        if (item == null || !IndexEntries.holds(table, index, item)) {
            return null;
        }
        return IndexEntries.projection(table, index, item);
    }

    /** Item count and projected size of every vector index of the table, read from their entries. */
    static Map<String, long[]> stats(Connection connection, TableDefinition table) throws SQLException {
        Map<String, long[]> stats = new HashMap<>();
        IndexEntryStore entries = new IndexEntryStore();
        for (VectorIndexDefinition index : table.vectorIndexes()) {
            stats.put(index.name(), entries.stats(connection, table.id(), index.name()));
        }
        return stats;
    }
}
