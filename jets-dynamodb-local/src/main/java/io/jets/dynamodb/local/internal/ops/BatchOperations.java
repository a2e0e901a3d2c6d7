package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.expr.Projection;
import io.jets.dynamodb.local.internal.expr.ReadValues;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes). The local store processes
 * every write, so UnprocessedItems is always empty; each write still streams its own record. A read stops at
 * DynamoDB's 16 MB response limit and hands the keys it did not read back in UnprocessedKeys.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html">
 *     BatchWriteItem</a>
 */
public final class BatchOperations {

    private final Database database;
    private final TableCatalog catalog;
    private final ItemWriter writer;

    public BatchOperations(Database database, TableCatalog catalog, ItemWriter writer) {
        this.database = database;
        this.catalog = catalog;
        this.writer = writer;
    }

    /** One put or delete; {@code label} is the table as the request named it (its name or its ARN). */
    private record Write(String label, TableDefinition table, ObjectNode key, ObjectNode item) {
    }

    /** {@code request} is the table's KeysAndAttributes as sent, echoed with the keys left unread. */
    private record Get(String label, TableDefinition table, List<ObjectNode> keys, Projection projection,
                       boolean consistent, JsonNode request) {
    }

    /** DynamoDB's limit on the items one BatchGetItem returns, in item-size bytes. */
    static final long MAX_BATCH_GET_BYTES = 16L * 1024 * 1024;

    public ObjectNode batchWriteItem(ObjectNode request) {
        JsonNode requestItems = request.get("RequestItems");
        new Constraints().required("requestItems", requestItems).check();
        if (!requestItems.isObject()) {
            throw ApiException.serialization(null);
        }
        if (requestItems.isEmpty()) {
            throw ApiException.validation("The requestItems parameter is required for BatchWriteItem");
        }
        int total = 0;
        for (JsonNode requests : requestItems) {
            total += requests.size();
            if (requests.size() < 1 || requests.size() > 25) {
                // DynamoDB echoes the whole map as its model prints it, then the constraint on each table's list
                StringBuilder echo = new StringBuilder("{");
                requestItems.fields().forEachRemaining(e -> echo.append(echo.length() > 1 ? ", " : "")
                        .append(e.getKey()).append("=").append(e.getValue().isArray() ? "[" + String.join(", ",
                                java.util.stream.StreamSupport.stream(e.getValue().spliterator(), false)
                                        .map(WriteRequestEcho::of).toList()) + "]" : Json.write(e.getValue())));
                throw ApiException.validation("1 validation error detected: Value '" + echo + "}' at 'requestItems'"
                        + " failed to satisfy constraint: Map value must satisfy constraint: [Member must have"
                        + " length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
        }
        if (total > 25) {
            throw ApiException.validation("Too many items requested for the BatchWriteItem call");
        }
        for (Iterator<String> names = requestItems.fieldNames(); names.hasNext(); ) {
            if (!validTableName(TableArns.nameOf(names.next()))) {
                StringBuilder echo = new StringBuilder("{");
                requestItems.fields().forEachRemaining(e -> echo.append(echo.length() > 1 ? ", " : "")
                        .append(e.getKey()).append("=[").append(String.join(", ",
                                java.util.stream.StreamSupport.stream(e.getValue().spliterator(), false)
                                        .map(BatchOperations::javaForm).toList())).append("]"));
                throw ApiException.validation("1 validation error detected: Value '" + echo + "}' at 'requestItems'"
                        + " failed to satisfy constraint: " + MAP_KEYS_CONSTRAINT);
            }
        }
        // every request is well formed, its values valid and its item within the size limit before any table is
        // looked up: DynamoDB reports these even for a table that does not exist
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            int position = 0;
            for (JsonNode one : entry.getValue()) {
                checkRequest(entry.getKey(), one, ++position);
            }
        }
        List<Write> writes = new ArrayList<>();
        // one table named by its name and by its ARN is still one table: an item in both lists is a duplicate
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = TableArns.nameOf(entry.getKey());
            new Constraints().tableName("requestItems.key", Json.MAPPER.getNodeFactory().textNode(name)).check();
            TableDefinition table = catalog.require(name);
            for (JsonNode one : entry.getValue()) {
                Write write = parse(entry.getKey(), table, one);
                if (!seen.add(table.name() + "|" + Json.write(Keys.project(table, write.key())))) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        Map<String, WriteCharge> charges = new java.util.LinkedHashMap<>();
        boolean charged = Capacity.requested(request);
        database.write(connection -> {
            for (Write write : writes) {
                ObjectNode existing = writer.read(connection, write.table(), write.key());
                writer.write(connection, write.table(), write.key(), existing, write.item(), false);
                if (charged) {
                    charges.computeIfAbsent(write.label(), label -> new WriteCharge())
                            .add(write.table(), existing, write.item());
                }
            }
            return null;
        });
        ObjectNode response = Json.object();
        response.putObject("UnprocessedItems");
        String mode = Json.text(request, "ReturnConsumedCapacity");
        if (charged) {
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            charges.forEach((name, charge) -> consumed.add(charge.describe(name, mode)));
        }
        ObjectNode metrics = Capacity.collectionMetricsByTable(request, writes.stream().map(Write::label).toList(),
                writes.stream().map(Write::table).toList(), writes.stream().map(Write::key).toList());
        if (metrics != null) {
            response.set("ItemCollectionMetrics", metrics);
        }
        return response;
    }

    /** The checks of one write request that need no table: its shape, its values and its item's size. */
    private static void checkRequest(String label, JsonNode one, int position) {
        JsonNode put = one.get("PutRequest");
        JsonNode delete = one.get("DeleteRequest");
        if ((put == null) == (delete == null)) {
            throw ApiException.validation("Supplied AttributeValue has more than one datatypes set, must contain"
                    + " exactly one of the supported datatypes");
        }
        String member = put != null ? "putRequest.item" : "deleteRequest.key";
        if (!(put != null ? put : delete).path(put != null ? "Item" : "Key").isObject()) {
            throw ApiException.validation("1 validation error detected: Value null at 'requestItems." + label
                    + ".member." + position + ".member." + member + "' failed to satisfy constraint: Member must not"
                    + " be null");
        }
        if (put != null) {
            ObjectNode item = (ObjectNode) put.get("Item");
            AttributeValues.validateItem(item);
            ItemWriter.checkSize(AttributeValues.normalizeItem(item));
        } else {
            delete.get("Key").forEach(AttributeValues::validateValue);
        }
    }

    private static Write parse(String label, TableDefinition table, JsonNode one) {
        JsonNode put = one.get("PutRequest");
        if (put != null) {
            ObjectNode item = (ObjectNode) put.get("Item");
            for (String name : table.keyNames()) {
                // unlike PutItem, a batch put reports a key missing or of the wrong type as a schema mismatch
                if (!item.has(name) || !table.typeOf(name).equals(AttributeValues.type(item.get(name)))) {
                    throw Keys.mismatch();
                }
            }
            ObjectNode key = Keys.ofItem(table, item);
            return new Write(label, table, AttributeValues.normalizeItem(key), AttributeValues.normalizeItem(item));
        }
        ObjectNode key = AttributeValues.normalizeItem(Keys.checkKey(table, one.get("DeleteRequest").get("Key")));
        return new Write(label, table, key, null);
    }

    /** A table name outside DynamoDB's pattern fails the constraint on the map's keys, echoing the map as JSON. */
    private static void checkTableNames(Constraints constraints, JsonNode requestItems) {
        for (Iterator<String> names = requestItems.fieldNames(); names.hasNext(); ) {
            if (!validTableName(TableArns.nameOf(names.next()))) {
                constraints.violation("Value '" + Json.write(requestItems) + "' at 'requestItems' failed to satisfy"
                        + " constraint: " + MAP_KEYS_CONSTRAINT);
                return;
            }
        }
    }

    /** One table read with ProjectionExpression and another with AttributesToGet mix the two styles. */
    private static void checkProjectionStyles(JsonNode requestItems) {
        boolean expression = false;
        boolean legacy = false;
        for (JsonNode keysAndAttributes : requestItems) {
            expression |= keysAndAttributes.hasNonNull("ProjectionExpression");
            legacy |= keysAndAttributes.hasNonNull("AttributesToGet");
        }
        if (expression && legacy) {
            throw ApiException.validation("Can not use both expression and non-expression parameters in the same"
                    + " request: Non-expression parameters: {AttributesToGet} Expression parameters:"
                    + " {ProjectionExpression}");
        }
    }

    private static final String MAP_KEYS_CONSTRAINT = "Map keys must satisfy constraint: [Member must have length"
            + " less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy"
            + " regular expression pattern: [a-zA-Z0-9_.-]+]";

    private static boolean validTableName(String name) {
        return name.length() >= 3 && name.length() <= 255 && name.matches("[a-zA-Z0-9_.-]+");
    }

    /** A write request as DynamoDB's Java model prints it when it echoes a batch in a constraint message. */
    private static String javaForm(JsonNode writeRequest) {
        JsonNode put = writeRequest.get("PutRequest");
        JsonNode delete = writeRequest.get("DeleteRequest");
        return "WriteRequest(putRequest="
                + (put == null ? "null" : "PutRequest(item=" + javaAttributes(put.get("Item")) + ")")
                + ", deleteRequest="
                + (delete == null ? "null" : "DeleteRequest(key=" + javaAttributes(delete.get("Key")) + ")") + ")";
    }

    private static String javaAttributes(JsonNode attributes) {
        List<String> members = new ArrayList<>();
        if (attributes != null) {
            attributes.fields().forEachRemaining(e -> {
                String type = AttributeValues.type(e.getValue());
                JsonNode content = e.getValue().path(String.valueOf(type));
                members.add(e.getKey() + "=AttributeValue(" + type + "="
                        + (content.isValueNode() ? content.asText() : content.toString()) + ")");
            });
        }
        return "{" + String.join(", ", members) + "}";
    }

    public ObjectNode batchGetItem(ObjectNode request) {
        JsonNode requestItems = request.get("RequestItems");
        Constraints constraints = new Constraints(MemberOrder.BATCH_GET_ITEM).required("requestItems", requestItems);
        if (requestItems != null && requestItems.isObject()) {
            checkTableNames(constraints, requestItems);
        }
        constraints.sharedEnums(request).check();
        if (!requestItems.isObject() || requestItems.isEmpty()) {
            throw requestItems.isObject()
                    ? ApiException.validation("1 validation error detected: Value at 'RequestItems' failed to satisfy"
                            + " constraint: Member must have length greater than or equal to 1")
                    : ApiException.serialization(null);
        }
        checkProjectionStyles(requestItems);
        int total = 0;
        // the number of keys, per table and in all, is checked before any table is looked up
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode keysAndAttributes = entry.getValue();
            if (keysAndAttributes.path("Keys").size() > 100) {
                throw ApiException.validation("1 validation error detected: Value at 'RequestItems." + entry.getKey()
                        + ".member.Keys' failed to satisfy constraint: Member must have length less than or equal"
                        + " to 100");
            }
            if (keysAndAttributes.path("Keys").isEmpty()) {
                throw ApiException.validation("1 validation error detected: Value at 'RequestItems." + entry.getKey()
                        + ".member.Keys' failed to satisfy constraint: Member must have length greater than or equal"
                        + " to 1");
            }
            total += keysAndAttributes.path("Keys").size();
            if (total > 100) {
                throw ApiException.validation("Too many items requested for the BatchGetItem call");
            }
        }
        List<Get> gets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode keysAndAttributes = entry.getValue();
            RequestExpressions expressions = new RequestExpressions(keysAndAttributes);
            Projection projection = expressions.projection();
            expressions.verifyAllUsed();
            // a malformed value fails even when the table does not exist
            keysAndAttributes.path("Keys").forEach(ReadValues::check);
            TableDefinition table = catalog.require(TableArns.nameOf(entry.getKey()));
            List<ObjectNode> keys = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode key : keysAndAttributes.path("Keys")) {
                ObjectNode checked = AttributeValues.normalizeItem(Keys.checkKey(table, key));
                if (!seen.add(Json.write(Keys.project(table, checked)))) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(checked);
            }
            gets.add(new Get(entry.getKey(), table, keys, projection,
                    keysAndAttributes.path("ConsistentRead").asBoolean(false), keysAndAttributes));
        }
        ObjectNode response = Json.object();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = Json.object();
        Map<String, Double> units = new java.util.LinkedHashMap<>();
        database.read(connection -> {
            long returned = 0;
            boolean full = false;
            for (Get get : gets) {
                ArrayNode items = responses.putArray(get.label());
                for (int i = 0; i < get.keys().size() && !full; i++) {
                    ObjectNode item = writer.read(connection, get.table(), get.keys().get(i));
                    long size = item == null ? 0 : AttributeValues.itemSize(item);
                    if (returned + size > MAX_BATCH_GET_BYTES) {
                        full = true;
                        unprocessed.set(get.label(), unread(get, i));
                        break;
                    }
                    returned += size;
                    units.merge(get.label(), Capacity.readUnits(size, get.consistent()), Double::sum);
                    if (item != null) {
                        items.add(get.projection() == null ? item : get.projection().apply(item));
                    }
                }
                // once the response is full, every later table is left for the caller to ask again
                if (full && !unprocessed.has(get.label())) {
                    unprocessed.set(get.label(), unread(get, 0));
                }
            }
            return null;
        });
        response.set("UnprocessedKeys", unprocessed);
        return Capacity.addPerTable(response, request, units);
    }

    /** The table's request as sent, with only the keys from {@code from} on. */
    private static ObjectNode unread(Get get, int from) {
        ObjectNode again = get.request().deepCopy();
        ArrayNode keys = again.putArray("Keys");
        for (int i = from; i < get.request().path("Keys").size(); i++) {
            keys.add(get.request().path("Keys").get(i).deepCopy());
        }
        return again;
    }
}
