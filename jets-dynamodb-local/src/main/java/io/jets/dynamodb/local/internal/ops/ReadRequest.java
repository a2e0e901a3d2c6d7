package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.expr.Condition;
import io.jets.dynamodb.local.internal.expr.Expressions;
import io.jets.dynamodb.local.internal.expr.NestedKeyPaths;
import io.jets.dynamodb.local.internal.expr.Projection;
import io.jets.dynamodb.local.internal.storage.ItemStore.Row;
import io.jets.dynamodb.local.internal.storage.StoredItems;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Query and Scan share: the target (table or index), Limit, Select, the filter and projection, and how a
 * page of evaluated items becomes the response (Items, Count, ScannedCount, LastEvaluatedKey).
 */
final class ReadRequest {

    static final long PAGE_BYTES = 1024 * 1024;
    static final Set<String> SELECT = Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES",
            "SPECIFIC_ATTRIBUTES", "COUNT");

    final TableDefinition table;
    final IndexDefinition index;
    final boolean globalIndex;
    final int limit;
    final String select;
    final Condition filter;
    final Projection projection;
    final boolean consistent;
    private final boolean query;
    private final boolean fetches;

    /**
     * A vector index is read only by SearchVectors. A Query names what it lacks (a key condition) and the
     * consistent read a global index refuses before the index type; a Scan names the index type first.
     */
    private static ApiException vectorIndexRefusal(ObjectNode request, String legacyFilter) {
        if (!"QueryFilter".equals(legacyFilter)) {
            return ApiException.validation("Scan operation not supported on this index type");
        }
        if (!request.hasNonNull("KeyConditionExpression") && !request.hasNonNull("KeyConditions")) {
            return ApiException.validation("Either the KeyConditions or KeyConditionExpression parameter must be"
                    + " specified in the request.");
        }
        if (request.path("ConsistentRead").asBoolean(false)) {
            return ApiException.validation("Consistent reads are not supported on global secondary indexes");
        }
        return ApiException.validation("Query operation not supported on this index type.");
    }

    ReadRequest(ObjectNode request, TableDefinition table, RequestExpressions expressions, String legacyFilter) {
        new Constraints().range("limit", request.get("Limit"), 1, Integer.MAX_VALUE)
                .oneOf("select", request.get("Select"), SELECT,
                        "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]")
                .check();
        this.table = table;
        String indexName = Json.text(request, "IndexName");
        IndexDefinition found = null;
        boolean global = false;
        if (indexName != null) {
            for (IndexDefinition candidate : table.globalIndexes()) {
                if (candidate.name().equals(indexName)) {
                    found = candidate;
                    global = true;
                }
            }
            for (IndexDefinition candidate : table.localIndexes()) {
                if (candidate.name().equals(indexName)) {
                    found = candidate;
                }
            }
            if (found == null && table.vectorIndex(indexName) != null) {
                throw vectorIndexRefusal(request, legacyFilter);
            }
            if (found == null) {
                throw ApiException.validation("The table does not have the specified index: " + indexName);
            }
            if (global && request.path("ConsistentRead").asBoolean(false)) {
                throw ApiException.validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        this.index = found;
        this.globalIndex = global;
        this.limit = request.path("Limit").asInt(Integer.MAX_VALUE);
        this.filter = expressions.filter(legacyFilter);
        this.projection = expressions.projection();
        String requested = Json.text(request, "Select");
        // Query reports a Select that contradicts the projection inside the validation-error envelope, Scan bare
        String envelope = "QueryFilter".equals(legacyFilter) ? "1 validation error detected: " : "";
        if (requested != null) {
            String projectionMember = request.hasNonNull("ProjectionExpression") ? "ProjectionExpression"
                    : "AttributesToGet";
            if (requested.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
                throw ApiException.validation(envelope + "Must specify the AttributesToGet or ProjectionExpression"
                        + " when choosing to get SPECIFIC_ATTRIBUTES");
            }
            if (!requested.equals("SPECIFIC_ATTRIBUTES") && projection != null) {
                throw ApiException.validation(envelope + "Cannot specify the " + projectionMember
                        + " when choosing to get " + (requested.equals("COUNT") ? "only the Count" : requested));
            }
        }
        if (requested == null) {
            requested = projection != null ? "SPECIFIC_ATTRIBUTES"
                    : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        }
        if ("SPECIFIC_ATTRIBUTES".equals(requested) && projection == null) {
            requested = "ALL_ATTRIBUTES";
        }
        if (projection != null && requested.equals("COUNT")) {
            throw ApiException.validation(envelope + "Cannot specify the AttributesToGet when choosing to get only the"
                    + " Count");
        }
        if ("ALL_PROJECTED_ATTRIBUTES".equals(requested) && index == null) {
            throw ApiException.validation(envelope + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying"
                    + " using an IndexName");
        }
        if ("ALL_ATTRIBUTES".equals(Json.text(request, "Select")) && global
                && !"ALL".equals(found.projectionType())) {
            throw ApiException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
                    + " not supported for global secondary index " + indexName + " because its projection type is"
                    + " not ALL");
        }
        if (projection != null && global && !"ALL".equals(found.projectionType())) {
            // a global index cannot fetch from its table, so asking for what it does not hold is refused
            List<String> unprojected = projection.topLevelNames().stream()
                    .filter(name -> !projectedByIndex(name)).toList();
            if (!unprojected.isEmpty()) {
                throw ApiException.validation("One or more parameter values were invalid: Global secondary index "
                        + indexName + " does not project [" + String.join(", ", unprojected) + "]");
            }
        }
        KeyPaths.check(table, NestedKeyPaths.of(projection), true);
        if (filter != null && !"QueryFilter".equals(legacyFilter)) {
            // a Query checks its filter after refusing key attributes in it, and then only the indexes' keys
            KeyPaths.check(table, NestedKeyPaths.of(filter), true);
        }
        if (filter != null && index != null && !"ALL".equals(index.projectionType())) {
            // neither kind of index fetches to filter: DynamoDB filters the index entries before any fetch
            List<String> unprojected = Expressions.attributeNames(filter).stream()
                    .filter(name -> !projectedByIndex(name)).toList();
            if (!unprojected.isEmpty()) {
                throw ApiException.validation("One or more parameter values were invalid: Secondary index "
                        + indexName + " does not project one or more filter attributes: " + unprojected);
            }
        }
        this.select = requested;
        this.consistent = request.path("ConsistentRead").asBoolean(false);
        this.query = "QueryFilter".equals(legacyFilter);
        this.fetches = fetchesFromTable(requested);
    }

    /**
     * A local index read fetches each item from the table when it returns what the index does not hold: all
     * attributes, or a projection naming other attributes. A global index read cannot fetch.
     */
    private boolean fetchesFromTable(String requested) {
        if (index == null || globalIndex || "ALL".equals(index.projectionType())) {
            return false;
        }
        return requested.equals("ALL_ATTRIBUTES")
                || (projection != null && !projection.topLevelNames().stream().allMatch(this::projectedByIndex));
    }

    /** The hash and range attribute names of the table or index read. */
    String hashKey() {
        return index == null ? table.hashKey() : index.hashKey();
    }

    String rangeKey() {
        return index == null ? table.rangeKey() : index.rangeKey();
    }

    /** The attributes of a page's last item that make up LastEvaluatedKey (table key plus index key). */
    List<String> evaluatedKeyNames() {
        Set<String> names = new LinkedHashSet<>(table.keyNames());
        if (index != null) {
            names.addAll(index.keyNames());
        }
        return List.copyOf(names);
    }

    /** True when the index read holds the attribute: a key of the table or index, or an included attribute. */
    private boolean projectedByIndex(String name) {
        return "ALL".equals(index.projectionType()) || evaluatedKeyNames().contains(name)
                || ("INCLUDE".equals(index.projectionType()) && index.nonKeyAttributes().contains(name));
    }

    /** The item as the index holds it (its projection), or the item itself for a table read. */
    ObjectNode asStored(ObjectNode item) {
        if (index == null || "ALL".equals(index.projectionType())) {
            return item;
        }
        ObjectNode projected = Json.object();
        for (String name : evaluatedKeyNames()) {
            projected.set(name, item.get(name));
        }
        if ("INCLUDE".equals(index.projectionType())) {
            for (String name : index.nonKeyAttributes()) {
                if (item.has(name)) {
                    projected.set(name, item.get(name));
                }
            }
        }
        return projected;
    }

    /**
     * Builds the response from rows of the table read in key order; {@code lastEvaluated} null when the read is
     * complete. Without a filter or projection the items are answered as stored, without being parsed.
     */
    ObjectNode respondRows(List<Row> evaluated, Row lastEvaluated, ObjectNode request) {
        if (index != null || filter != null || projection != null) {
            List<ObjectNode> parsed = new ArrayList<>(evaluated.size());
            for (Row row : evaluated) {
                parsed.add(row.item());
            }
            return respond(parsed, lastEvaluated == null ? null : lastEvaluated.item(), request);
        }
        ObjectNode response = Json.object();
        long bytes = 0;
        for (Row row : evaluated) {
            bytes += row.size();
        }
        if (!select.equals("COUNT")) {
            response.putPOJO("Items", new StoredItems(evaluated));
        }
        response.put("Count", evaluated.size());
        response.put("ScannedCount", evaluated.size());
        return finish(response, lastEvaluated == null ? null : lastEvaluated.item(), bytes, 0, request);
    }

    /** Builds the response from the evaluated items; {@code lastEvaluated} null when the read is complete. */
    ObjectNode respond(List<ObjectNode> evaluated, ObjectNode lastEvaluated, ObjectNode request) {
        ObjectNode response = Json.object();
        ArrayNode items = Json.array();
        int count = 0;
        long bytes = 0;
        double fetchUnits = 0;
        boolean charged = Capacity.requested(request);
        for (ObjectNode item : evaluated) {
            ObjectNode visible = asStored(item);
            if (charged) {
                bytes += AttributeValues.itemSize(visible);
                // each fetch reads the whole item from the table, whatever the request asked of it
                fetchUnits += fetches ? Capacity.readUnits(AttributeValues.itemSize(item), consistent) : 0;
            }
            ObjectNode readable = fetches ? item : visible;
            if (filter != null && !filter.test(readable)) {
                continue;
            }
            count++;
            if (!select.equals("COUNT")) {
                items.add(projection != null ? projection.apply(readable)
                        : select.equals("ALL_ATTRIBUTES") ? readable : visible);
            }
        }
        if (!select.equals("COUNT")) {
            response.set("Items", items);
        }
        response.put("Count", count);
        response.put("ScannedCount", evaluated.size());
        return finish(response, lastEvaluated, bytes, fetchUnits, request);
    }

    /** Adds LastEvaluatedKey and the consumed capacity of {@code bytes} read (and of a local index's fetches). */
    private ObjectNode finish(ObjectNode response, ObjectNode lastEvaluated, long bytes, double fetchUnits,
                              ObjectNode request) {
        if (lastEvaluated != null) {
            ObjectNode key = Json.object();
            for (String name : evaluatedKeyNames()) {
                key.set(name, lastEvaluated.get(name));
            }
            response.set("LastEvaluatedKey", key);
        }
        double units = Capacity.readUnits(bytes, consistent);
        return index == null ? Capacity.add(response, request, table.name(), units)
                : Capacity.addIndexRead(response, request, table.name(), index.name(), globalIndex, units, fetchUnits);
    }

    /** Checks an ExclusiveStartKey has exactly the key attributes a LastEvaluatedKey of this read would. */
    ObjectNode startKey(JsonNode startKey) {
        if (startKey == null || startKey.isNull()) {
            return null;
        }
        if (!(startKey instanceof ObjectNode key) || key.size() != evaluatedKeyNames().size()) {
            throw invalidStartKey();
        }
        for (String name : evaluatedKeyNames()) {
            if (!key.has(name) || !key.get(name).has(table.typeOf(name))) {
                throw invalidStartKey();
            }
        }
        return key;
    }

    /** A Scan of a table names the schema mismatch; a Query, or a Scan of an index, says no more than this. */
    private ApiException invalidStartKey() {
        return ApiException.validation(query || index != null ? "The provided starting key is invalid"
                : "The provided starting key is invalid: The provided key element does not match the schema");
    }
}
