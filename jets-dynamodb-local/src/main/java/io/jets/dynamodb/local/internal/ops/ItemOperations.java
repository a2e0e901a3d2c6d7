package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.expr.Condition;
import io.jets.dynamodb.local.internal.expr.NestedKeyPaths;
import io.jets.dynamodb.local.internal.expr.Projection;
import io.jets.dynamodb.local.internal.expr.ReadValues;
import io.jets.dynamodb.local.internal.expr.Update;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PutItem, GetItem, UpdateItem and DeleteItem.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html">PutItem</a>
 */
public final class ItemOperations {

    private static final Set<String> PUT_RETURN_VALUES = Set.of("NONE", "ALL_OLD");
    private static final Set<String> UPDATE_RETURN_VALUES =
            Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

    private final Database database;
    private final TableCatalog catalog;
    private final ItemWriter writer;

    public ItemOperations(Database database, TableCatalog catalog, ItemWriter writer) {
        this.database = database;
        this.catalog = catalog;
        this.writer = writer;
    }

    public ObjectNode putItem(ObjectNode request) {
        SingleWrite write = checkSingleWrite(request, "item", "Item");
        ObjectNode key = Keys.ofItem(write.table(), (ObjectNode) request.get("Item"));
        return replace(request, write, key, write.stored(), write.storedSize());
    }

    public ObjectNode getItem(ObjectNode request) {
        Constraints constraints = new Constraints(MemberOrder.GET_ITEM)
                .itemTableName("tableName", request.get("TableName"))
                .required("key", request.get("Key")).sharedEnums(request);
        JsonNode attributesToGet = request.get("AttributesToGet");
        if (attributesToGet != null && attributesToGet.isArray() && attributesToGet.isEmpty()) {
            // reported with the other members' constraints, not alone once they pass
            constraints.violation("Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have"
                    + " length greater than or equal to 1");
        }
        constraints.check();
        // a malformed value fails even when the table does not exist
        RequestExpressions expressions = new RequestExpressions(request, List.of("ProjectionExpression"),
                () -> ReadValues.check(request.get("Key")));
        Projection projection = expressions.projection();
        expressions.verifyAllUsed();
        TableDefinition table = catalog.require(Json.text(request, "TableName"));
        ObjectNode key = Keys.checkKey(table, request.get("Key"));
        KeyPaths.check(table, NestedKeyPaths.of(projection), true);
        ItemStore.Row row = database.readStatement(connection -> writer.row(connection, table, key));
        ObjectNode response = Json.object();
        if (row != null) {
            // without a projection the item is answered as stored, its text copied rather than parsed and rewritten
            if (projection == null) {
                response.putRawValue("Item", new RawValue(row.json()));
            } else {
                response.set("Item", projection.apply(row.item()));
            }
        }
        return Capacity.add(response, request, table.name(), Capacity.readUnits(
                row == null || !Capacity.requested(request) ? 0 : row.size(),
                request.path("ConsistentRead").asBoolean(false)));
    }

    public ObjectNode updateItem(ObjectNode request) {
        if (request.hasNonNull("Key")) {
            // A request carrying its Key goes through DynamoDB's newer validation, which stops at the first failing
            // member: the table name, then ReturnValues in its own wording (UPDATE_NEW sic). Without a Key, the
            // older validation joins every failing member in one message, below.
            new Constraints().itemTableNameLengthFirst("tableName", request.get("TableName")).check();
            JsonNode returnValues = request.get("ReturnValues");
            if (returnValues != null && returnValues.isTextual()
                    && !UPDATE_RETURN_VALUES.contains(returnValues.asText())) {
                throw ApiException.validation("1 validation error detected: Failed to satisfy constraint: Member"
                        + " must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]");
            }
        }
        new Constraints(MemberOrder.UPDATE_ITEM).itemTableName("tableName", request.get("TableName"))
                .required("key", request.get("Key"))
                .oneOf("returnValues", request.get("ReturnValues"), UPDATE_RETURN_VALUES,
                        "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]")
                .sharedEnums(request)
                .check();
        String returnValues = returnValues(request, UPDATE_RETURN_VALUES);
        record Parsed(Update update, Condition condition) {
        }
        Parsed parsed = RequestValidation.enveloped(() -> {
            RequestExpressions expressions = new RequestExpressions(request,
                    List.of("UpdateExpression", "ConditionExpression"), () -> {
                        validateValues(request.get("Key"));
                        RequestValidation.checkParameterValues(request);
                    });
            Parsed both = new Parsed(expressions.update(), expressions.condition());
            expressions.verifyAllUsed();
            return both;
        });
        Update update = parsed.update();
        Condition condition = parsed.condition();
        TableDefinition table = catalog.require(Json.text(request, "TableName"));
        ObjectNode key = AttributeValues.normalizeItem(Keys.checkKey(table, request.get("Key")));
        Set<String> keyNames = new HashSet<>(table.keyNames());
        KeyPaths.check(table, NestedKeyPaths.of(update), false);
        // the statement's charge needs only the request, so it is refused before the condition is evaluated
        ItemWriter.checkUpdateCharge(update);
        boolean returnOnFailure = returnOldOnFailure(request);
        ObjectNode[] result = database.write(connection -> {
            ObjectNode existing = writer.read(connection, table, key);
            check(condition, existing, returnOnFailure);
            if (existing == null && update != null && update.onlyRemoves()) {
                // nothing to remove from: no item is created, and paths into it are not checked
                update.checkKeyUntouched(keyNames);
                return new ObjectNode[] {null, null};
            }
            ObjectNode next = update == null
                    ? (existing != null ? existing : key.deepCopy())
                    : AttributeValues.normalizeItem(update.apply(existing, key, keyNames));
            ItemWriter.checkUpdatedSize(next);
            IndexValueChecks.Refusal refusal = IndexValueChecks.refusal(table, next, existing,
                    request.hasNonNull("UpdateExpression"));
            if (refusal != null) {
                throw refusal.error();
            }
            writer.writeChecked(connection, table, key, existing, next, false);
            return new ObjectNode[] {existing, next};
        });
        ObjectNode response = Json.object();
        ObjectNode attributes = switch (returnValues) {
            case "ALL_OLD" -> result[0];
            case "ALL_NEW" -> result[1];
            case "UPDATED_OLD" -> result[0] == null || update == null ? null : update.updatedAttributes(result[0]);
            case "UPDATED_NEW" -> update == null || result[1] == null ? null : update.updatedAttributes(result[1]);
            default -> null;
        };
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", attributes);
        }
        Capacity.addCollectionMetrics(response, request, table, key);
        return WriteCharge.addTo(response, request, table, result[0], result[1]);
    }

    public ObjectNode deleteItem(ObjectNode request) {
        SingleWrite write = checkSingleWrite(request, "key", "Key");
        ObjectNode key = AttributeValues.normalizeItem(Keys.checkKey(write.table(), request.get("Key")));
        return replace(request, write, key, null, 0);
    }

    /**
     * PutItem's and DeleteItem's table, condition and ReturnValues, once their parameters are valid, and PutItem's
     * item as it is stored (null for DeleteItem) with its size.
     */
    private record SingleWrite(TableDefinition table, Condition condition, String returnValues, ObjectNode stored,
                               long storedSize) {
    }

    /** Checks what PutItem and DeleteItem share, in DynamoDB's order; {@code field} is Item or Key. */
    private SingleWrite checkSingleWrite(ObjectNode request, String member, String field) {
        new Constraints(field.equals("Item") ? MemberOrder.PUT_ITEM : MemberOrder.DELETE_ITEM)
                .itemTableName("tableName", request.get("TableName"))
                .required(member, request.get(field))
                .oneOf("returnValues", request.get("ReturnValues"), UPDATE_RETURN_VALUES,
                        "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]")
                .sharedEnums(request)
                .check();
        String returnValues = RequestValidation.enveloped(() -> returnValues(request, PUT_RETURN_VALUES));
        // the values, and the item's size, are checked before the table is looked up, as DynamoDB does
        Condition condition = RequestValidation.enveloped(() -> {
            RequestExpressions expressions = new RequestExpressions(request, List.of("ConditionExpression"), () -> {
                if (field.equals("Item")) {
                    // ReadValues.check validates each value as validateItem would; only the names are left
                    ReadValues.check(request.get("Item"));
                    ((ObjectNode) request.get("Item")).fieldNames().forEachRemaining(AttributeValues::checkName);
                } else {
                    validateValues(request.get("Key"));
                }
                RequestValidation.checkParameterValues(request);
            });
            Condition parsed = expressions.condition();
            expressions.verifyAllUsed();
            return parsed;
        });
        ObjectNode stored = null;
        long storedSize = 0;
        if (field.equals("Item")) {
            stored = AttributeValues.normalizeItem((ObjectNode) request.get("Item"));
            storedSize = ItemWriter.checkSize(stored);
        }
        return new SingleWrite(catalog.require(Json.text(request, "TableName")), condition, returnValues, stored,
                storedSize);
    }

    /** Checks each value of a Key; DynamoDB refuses a malformed one before it looks the table up. */
    private static void validateValues(JsonNode key) {
        ReadValues.check(key);
        if (key instanceof ObjectNode values) {
            values.forEach(AttributeValues::validateValue);
        }
    }

    /**
     * PutItem's and DeleteItem's write: the item at {@code key} becomes {@code stored} (null deletes it) if the
     * condition holds, and the response carries the old item for ALL_OLD and the capacity the write consumed.
     */
    private ObjectNode replace(ObjectNode request, SingleWrite write, ObjectNode key, ObjectNode stored,
                               long storedSize) {
        TableDefinition table = write.table();
        boolean returnOnFailure = returnOldOnFailure(request);
        ObjectNode old = database.write(connection -> {
            ObjectNode existing = writer.read(connection, table, key);
            check(write.condition(), existing, returnOnFailure);
            writer.write(connection, table, key, existing, stored, storedSize, false);
            return existing;
        });
        ObjectNode response = Json.object();
        if (write.returnValues().equals("ALL_OLD") && old != null) {
            response.set("Attributes", old);
        }
        Capacity.addCollectionMetrics(response, request, table, key);
        return WriteCharge.addTo(response, request, table, old, stored);
    }

    static void check(Condition condition, ObjectNode existing, boolean returnOnFailure) {
        if (condition != null && !condition.test(existing)) {
            throw ApiException.conditionalCheckFailed(returnOnFailure ? existing : null);
        }
    }

    static boolean returnOldOnFailure(JsonNode request) {
        return "ALL_OLD".equals(Json.text(request, "ReturnValuesOnConditionCheckFailure"));
    }

    private static String returnValues(ObjectNode request, Set<String> allowed) {
        String value = Json.text(request, "ReturnValues");
        if (value == null) {
            return "NONE";
        }
        if (!allowed.contains(value)) {
            throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return value;
    }
}
