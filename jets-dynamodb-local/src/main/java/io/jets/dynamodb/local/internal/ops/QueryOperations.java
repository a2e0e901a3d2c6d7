package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.expr.Expressions;
import io.jets.dynamodb.local.internal.expr.KeyCondition;
import io.jets.dynamodb.local.internal.expr.Legacy;
import io.jets.dynamodb.local.internal.expr.MultiKeyCondition;
import io.jets.dynamodb.local.internal.expr.NestedKeyPaths;
import io.jets.dynamodb.local.internal.expr.ReadValues;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.storage.ItemStore.Bound;
import io.jets.dynamodb.local.internal.storage.ItemStore.Row;
import io.jets.dynamodb.local.internal.storage.KeyEncoding;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Query and Scan on tables (read in key order straight from the store) and on secondary indexes (the table's
 * items that carry the index key, ordered by index key then table key).
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html">Query</a>
 */
public final class QueryOperations {

    private static final int CHUNK = 256;

    private final Database database;
    private final TableCatalog catalog;
    private final ItemStore items;
    private final OnlineIndexes online;

    public QueryOperations(Database database, TableCatalog catalog, ItemStore items, OnlineIndexes online) {
        this.database = database;
        this.catalog = catalog;
        this.items = items;
        this.online = online;
    }

    public ObjectNode query(ObjectNode request) {
        readMembers(new Constraints().itemTableName("tableName", request.get("TableName")), request)
                .oneOf("select", request.get("Select"), ReadRequest.SELECT,
                        "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]")
                .comparisonOperators("queryFilter", request.get("QueryFilter"))
                .comparisonOperators("keyConditions", request.get("KeyConditions"))
                .check();
        ReadValues.check(request.get("ExpressionAttributeValues"));
        ReadValues.check(request.get("ExclusiveStartKey"));
        ReadValues.checkConditions(request.get("KeyConditions"));
        ReadValues.checkConditions(request.get("QueryFilter"));
        RequestExpressions expressions = new RequestExpressions(request,
                List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"));
        expressions.checkKeyCondition();
        JsonNode keyConditions = request.get("KeyConditions");
        if (keyConditions != null && keyConditions.isObject() && !request.hasNonNull("KeyConditionExpression")) {
            Legacy.checkKeyConditionComparisons(keyConditions);
        }
        TableDefinition table = catalog.require(Json.text(request, "TableName"));
        JsonNode limit = request.get("Limit");
        if (limit != null && limit.isNumber() && limit.asLong() < 1) {
            // Query words this constraint differently from Scan: no value, and the member name capitalized
            throw ApiException.validation("1 validation error detected: Value at 'Limit' failed to satisfy"
                    + " constraint: Member must have value greater than or equal to 1");
        }
        ReadRequest read = readRequest(request, table, expressions, "QueryFilter");
        if (request.hasNonNull("KeyConditionExpression")) {
            // DynamoDB refuses unused names and values before it matches the condition with the key schema
            expressions.verifyAllUsed();
        }
        if (read.index != null && read.index.multiAttributeKey()) {
            return queryMultiAttributeKey(request, table, read, expressions);
        }
        KeyCondition condition = expressions.keyCondition(read.hashKey(), read.rangeKey());
        if (condition == null) {
            throw ApiException.validation("Either the KeyConditions or KeyConditionExpression parameter must be"
                    + " specified in the request.");
        }
        expressions.verifyAllUsed();
        checkKeyTypes(table, condition);
        if (read.filter != null && request.hasNonNull("FilterExpression")) {
            for (String name : Expressions.attributeNames(read.filter)) {
                if (name.equals(read.hashKey()) || name.equals(read.rangeKey())) {
                    throw ApiException.validation("Filter Expression can only contain non-primary key attributes:"
                            + " Primary key attribute: " + name);
                }
            }
        }
        JsonNode queryFilter = request.get("QueryFilter");
        if (queryFilter != null && queryFilter.isObject()) {
            for (String name : new String[] {read.hashKey(), read.rangeKey()}) {
                if (name != null && queryFilter.has(name)) {
                    throw ApiException.validation("QueryFilter can only contain non-primary key attributes:"
                            + " Primary key attribute: " + name);
                }
            }
        }
        KeyPaths.check(table, NestedKeyPaths.of(read.filter), false);
        boolean forward = request.path("ScanIndexForward").asBoolean(true);
        ObjectNode start = read.startKey(request.get("ExclusiveStartKey"));
        checkStartInBounds(condition, start);
        if (read.index != null) {
            return database.read(connection -> IndexReads.query(connection, read,
                    KeyEncoding.encode(condition.hashValue()), bounds(condition), condition::matches, start, forward,
                    request));
        }
        byte[] hash = KeyEncoding.encode(condition.hashValue());
        Bound[] bounds = bounds(condition);
        byte[] startAfter = start == null || table.rangeKey() == null ? null : Keys.range(table, start);
        if (start != null && table.rangeKey() == null) {
            return read.respond(List.of(), null, request);
        }
        return database.read(connection -> {
            // the store's bounds are exactly the key condition (keys are encoded in DynamoDB's order, prefixes
            // included), so every row it returns matches and needs no parsing to be checked
            List<Row> evaluated = new ArrayList<>();
            long bytes = 0;
            byte[] after = startAfter;
            while (true) {
                // one row past the Limit: DynamoDB leaves LastEvaluatedKey out of a page that ends where the key
                // condition's items end, so that Limit=1 over 20 items takes 20 pages, not 21
                int want = (int) Math.min(CHUNK, (long) read.limit - evaluated.size() + 1);
                List<Row> rows = items.partition(connection, table.id(), hash, bounds[0], bounds[1], after, forward,
                        want);
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    evaluated.add(row);
                    bytes += row.size();
                    if (bytes >= ReadRequest.PAGE_BYTES) {
                        return read.respondRows(evaluated, row, request);
                    }
                    if (evaluated.size() >= read.limit) {
                        boolean more = i + 1 < rows.size() || rows.size() == want;
                        return read.respondRows(evaluated, more ? row : null, request);
                    }
                }
                if (rows.size() < want) {
                    return read.respondRows(evaluated, null, request);
                }
                after = rows.get(rows.size() - 1).range();
            }
        });
    }

    /**
     * A Query on a global index keyed by several HASH or RANGE attributes: every key attribute counts as a key
     * for the filter rules, and items come in the order of the RANGE attributes compared one after another.
     */
    private ObjectNode queryMultiAttributeKey(ObjectNode request, TableDefinition table, ReadRequest read,
                                              RequestExpressions expressions) {
        MultiKeyCondition condition = expressions.multiKeyCondition(read.index.hashKeys(), read.index.rangeKeys());
        if (condition == null) {
            throw ApiException.validation("Either the KeyConditions or KeyConditionExpression parameter must be"
                    + " specified in the request.");
        }
        expressions.verifyAllUsed();
        condition.checkTypes(table::typeOf);
        if (read.filter != null && request.hasNonNull("FilterExpression")) {
            for (String name : Expressions.attributeNames(read.filter)) {
                if (read.index.keyNames().contains(name)) {
                    throw ApiException.validation("Filter Expression can only contain non-primary key attributes:"
                            + " Primary key attribute: " + name);
                }
            }
        }
        JsonNode queryFilter = request.get("QueryFilter");
        for (String name : read.index.keyNames()) {
            if (queryFilter != null && queryFilter.isObject() && queryFilter.has(name)) {
                throw ApiException.validation("QueryFilter can only contain non-primary key attributes:"
                        + " Primary key attribute: " + name);
            }
        }
        KeyPaths.check(table, NestedKeyPaths.of(read.filter), false);
        boolean forward = request.path("ScanIndexForward").asBoolean(true);
        ObjectNode start = read.startKey(request.get("ExclusiveStartKey"));
        return database.read(connection -> IndexReads.query(connection, read, condition, start, forward, request));
    }

    /** What a Query or Scan reads; a global index still being built is refused as DynamoDB refuses it. */
    private ReadRequest readRequest(ObjectNode request, TableDefinition table, RequestExpressions expressions,
                                    String legacyFilter) {
        ReadRequest read = new ReadRequest(request, table, expressions, legacyFilter);
        if (read.globalIndex) {
            online.checkReadable(table, read.index.name(), OnlineIndexes.Reader.QUERY_OR_SCAN);
        }
        return read;
    }

    /**
     * The constraints a read checks on its IndexName (a table name's rules) and AttributesToGet (one name at least)
     * with its other members, before it looks the table up.
     */
    private static Constraints readMembers(Constraints constraints, ObjectNode request) {
        if (request.hasNonNull("IndexName")) {
            constraints.tableName("indexName", request.get("IndexName"));
        }
        JsonNode attributesToGet = request.get("AttributesToGet");
        if (attributesToGet != null && attributesToGet.isArray() && attributesToGet.isEmpty()) {
            constraints.violation("Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have"
                    + " length greater than or equal to 1");
        }
        return constraints;
    }

    public ObjectNode scan(ObjectNode request) {
        readMembers(new Constraints(MemberOrder.SCAN).itemTableName("tableName", request.get("TableName")), request)
                .range("totalSegments", request.get("TotalSegments"), 1, 1000000)
                .range("segment", request.get("Segment"), 0, 999999)
                .range("limit", request.get("Limit"), 1, Integer.MAX_VALUE)
                .oneOf("select", request.get("Select"), ReadRequest.SELECT,
                        "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]")
                .sharedEnums(request)
                .comparisonOperators("scanFilter", request.get("ScanFilter"))
                .check();
        Integer[] segment = segment(request);
        RequestExpressions expressions = new RequestExpressions(request,
                List.of("ProjectionExpression", "FilterExpression"));
        // a ScanFilter value nested too deep is refused before the table is looked up and before the conditions
        // are counted against the ConditionalOperator
        request.path("ScanFilter").forEach(condition -> condition.path("AttributeValueList")
                .forEach(AttributeValues::checkNesting));
        TableDefinition table = catalog.require(Json.text(request, "TableName"));
        ReadRequest read = readRequest(request, table, expressions, "ScanFilter");
        expressions.verifyAllUsed();
        ObjectNode start = read.startKey(request.get("ExclusiveStartKey"));
        if (start != null && segment != null && !inSegment(table, start, segment)) {
            throw ApiException.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. Please"
                    + " use ExclusiveStartKey with correct Segment. TotalSegments: " + segment[1] + " Segment: "
                    + segment[0]);
        }
        if (read.index != null) {
            return database.read(connection -> IndexReads.scan(connection, read,
                    hash -> segment == null || inSegment(hash, segment), start, request));
        }
        return database.read(connection -> {
            List<Row> evaluated = new ArrayList<>();
            long bytes = 0;
            byte[] afterHash = start == null ? null : Keys.hash(table, start);
            byte[] afterRange = start == null ? null : Keys.range(table, start);
            while (true) {
                List<Row> rows = items.scan(connection, table.id(), afterHash, afterRange, CHUNK);
                for (Row row : rows) {
                    if (segment != null && !inSegment(row.hash(), segment)) {
                        continue;
                    }
                    evaluated.add(row);
                    bytes += row.size();
                    if (evaluated.size() >= read.limit || bytes >= ReadRequest.PAGE_BYTES) {
                        return read.respondRows(evaluated, row, request);
                    }
                }
                if (rows.size() < CHUNK) {
                    return read.respondRows(evaluated, null, request);
                }
                afterHash = rows.get(rows.size() - 1).hash();
                afterRange = rows.get(rows.size() - 1).range();
            }
        });
    }

    /** An ExclusiveStartKey must lie inside the key condition, as a LastEvaluatedKey of the same query would. */
    private static void checkStartInBounds(KeyCondition condition, ObjectNode start) {
        if (start == null) {
            return;
        }
        JsonNode startHash = start.get(condition.hashName());
        boolean sameHash = startHash != null && AttributeValues.equal(startHash, condition.hashValue());
        if (condition.rangeOperator() == null) {
            if (!sameHash) {
                throw ApiException.validation("The provided starting key is outside query boundaries based on"
                        + " provided conditions");
            }
        } else if (!sameHash || !condition.rangeMatches(start.get(condition.rangeName()))) {
            throw ApiException.validation("The provided starting key does not match the range key predicate");
        }
    }

    private static void checkKeyTypes(TableDefinition table, KeyCondition condition) {
        List<JsonNode> values = new ArrayList<>(condition.rangeValues());
        values.add(condition.hashValue());
        for (int i = 0; i < values.size(); i++) {
            String attribute = i == values.size() - 1 ? condition.hashName() : condition.rangeName();
            if (!table.typeOf(attribute).equals(AttributeValues.type(values.get(i)))) {
                throw ApiException.validation("One or more parameter values were invalid: Condition parameter type"
                        + " does not match schema type");
            }
        }
        // an equality names a key, and a key cannot be empty
        Keys.checkNotEmpty(condition.hashName(), condition.hashValue());
        if (condition.rangeOperator() == KeyCondition.RangeOperator.EQ) {
            Keys.checkNotEmpty(condition.rangeName(), condition.rangeValues().get(0));
        }
    }

    private static Integer[] segment(ObjectNode request) {
        JsonNode segment = request.get("Segment");
        JsonNode total = request.get("TotalSegments");
        if (segment == null && total == null) {
            return null;
        }
        if (total == null) {
            throw ApiException.validation("The TotalSegments parameter is required but was not present in the"
                    + " request when Segment parameter is present");
        }
        if (segment == null) {
            throw ApiException.validation("The Segment parameter is required but was not present in the request"
                    + " when parameter TotalSegments is present");
        }
        if (segment.asInt() >= total.asInt()) {
            throw ApiException.validation("The Segment parameter is zero-based and must be less than parameter"
                    + " TotalSegments: Segment: " + segment.asInt() + " is not less than TotalSegments: "
                    + total.asInt());
        }
        return new Integer[] {segment.asInt(), total.asInt()};
    }

    private static boolean inSegment(TableDefinition table, ObjectNode item, Integer[] segment) {
        return segment == null || inSegment(Keys.hash(table, item), segment);
    }

    /** Items are spread over segments by a hash of their partition key, as DynamoDB spreads partitions. */
    private static boolean inSegment(byte[] hash, Integer[] segment) {
        CRC32 crc = new CRC32();
        crc.update(hash);
        return crc.getValue() % segment[1] == segment[0];
    }

    /** Store bounds for the sort key condition: [lower, upper], either null. */
    private static Bound[] bounds(KeyCondition condition) {
        if (condition.rangeOperator() == null) {
            return new Bound[2];
        }
        List<JsonNode> values = condition.rangeValues();
        byte[] first = KeyEncoding.encode(values.get(0));
        return switch (condition.rangeOperator()) {
            case EQ -> new Bound[] {new Bound(first, true), new Bound(first, true)};
            case LT -> new Bound[] {null, new Bound(first, false)};
            case LE -> new Bound[] {null, new Bound(first, true)};
            case GT -> new Bound[] {new Bound(first, false), null};
            case GE -> new Bound[] {new Bound(first, true), null};
            case BETWEEN -> new Bound[] {new Bound(first, true), new Bound(KeyEncoding.encode(values.get(1)), true)};
            case BEGINS_WITH -> new Bound[] {new Bound(first, true), successor(first)};
        };
    }

    /** The smallest byte string greater than every string starting with {@code prefix}, or null if none. */
    static Bound successor(byte[] prefix) {
        int length = prefix.length;
        while (length > 0 && prefix[length - 1] == (byte) 0xFF) {
            length--;
        }
        if (length == 0) {
            return null;
        }
        byte[] next = java.util.Arrays.copyOf(prefix, length);
        next[length - 1]++;
        return new Bound(next, false);
    }
}
