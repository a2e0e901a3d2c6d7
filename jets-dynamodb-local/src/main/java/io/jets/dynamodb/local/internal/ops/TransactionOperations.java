package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.expr.Condition;
import io.jets.dynamodb.local.internal.expr.Projection;
import io.jets.dynamodb.local.internal.expr.Update;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * TransactWriteItems (all or nothing, in one store transaction; each change streams its own record; a
 * ClientRequestToken makes a retry within 10 minutes a no-op) and TransactGetItems (refused when the items it
 * reads add up to more than 4 MB).
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html">
 *     TransactWriteItems</a>
 */
public final class TransactionOperations {

    private static final long TOKEN_MILLIS = 10 * 60 * 1000;
    private static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024;
    private static final Set<String> RETURN_ON_FAILURE = Set.of("ALL_OLD", "NONE");
    private static final Set<String> WRITE_ACTIONS = Set.of("Put", "Delete", "Update", "ConditionCheck");

    private final Database database;
    private final TableCatalog catalog;
    private final ItemWriter writer;
    private final Clock clock;
    private final Map<String, Token> tokens = new LinkedHashMap<>();

    /** A transaction done under a ClientRequestToken, and the read units a replay of it is billed. */
    private record Token(ObjectNode request, long createdMillis, Map<String, Double> replayUnits) {
    }

    /**
     * One prepared action; {@code update} and {@code item} are null for ConditionCheck and Delete; {@code label} is
     * the table as the request named it (its name or its ARN).
     */
    private record Action(String kind, String label, TableDefinition table, ObjectNode key, Condition condition,
                          Update update, ObjectNode item, boolean returnOnFailure) {
    }

    /** An action as the request states it, checked on its own before any table is looked up. */
    private record Parsed(String kind, JsonNode body, Condition condition, Update update) {
    }

    /**
     * What one action's item does wrong that DynamoDB reports as that action's ValidationError cancellation
     * reason rather than refusing the whole request: a key of the wrong type or missing.
     */
    private static final class ActionInvalid extends RuntimeException {
        ActionInvalid(ApiException cause) {
            super(cause.getMessage(), cause);
        }
    }

    public TransactionOperations(Database database, TableCatalog catalog, ItemWriter writer, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.writer = writer;
        this.clock = clock;
    }

    /** TransactItems holds 1 to 100 actions; a missing list is reported with the enum members' constraints. */
    private static void requireTransactItems(ObjectNode request, JsonNode items) {
        if (items == null || items.isNull()) {
            new Constraints(MemberOrder.TRANSACT_WRITE_ITEMS).required("transactItems", items).sharedEnums(request)
                    .check();
        }
        new Constraints().required("transactItems", items).length("TransactItems", items, 1, 100).check();
    }

    public ObjectNode transactWriteItems(ObjectNode request) {
        JsonNode items = request.get("TransactItems");
        requireTransactItems(request, items);
        // the members' constraints, every action's among them, are reported together before anything else
        Constraints members = new Constraints(MemberOrder.TRANSACT_WRITE_ITEMS);
        for (int i = 0; i < items.size(); i++) {
            actionConstraints(members, items.get(i), i);
        }
        members.sharedEnums(request).check();
        String token = Json.text(request, "ClientRequestToken");
        Token previous = token == null ? null : replayed(token, request);
        if (previous != null) {
            return replayCapacity(request, items, previous);
        }
        // every action's expressions and values are checked before any table is looked up
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            parsed.add(parse(items.get(i)));
        }
        List<Action> actions = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        long payload = 0;
        for (int i = 0; i < items.size(); i++) {
            Action action;
            try {
                action = prepare(parsed.get(i));
            } catch (ActionInvalid e) {
                // the first invalid action cancels the transaction before any condition is evaluated
                throw canceled(validationReasons(items.size(), i, e.getMessage()));
            }
            payload += payloadSize(items.get(i));
            checkPayload(payload);
            if (!targets.add(action.table().name() + "|" + Json.write(Keys.project(action.table(), action.key())))) {
                throw ApiException.validation("Transaction request cannot include multiple operations on one item");
            }
            actions.add(action);
        }
        boolean capacityRequested = Capacity.requested(request);
        java.util.Map<String, WriteCharge> charges = new java.util.LinkedHashMap<>();
        Map<String, Double> replayUnits = new LinkedHashMap<>();
        database.write(connection -> {
            List<ObjectNode> existing = new ArrayList<>();
            ArrayNode reasons = Json.array();
            boolean failed = false;
            for (Action action : actions) {
                ObjectNode current = writer.read(connection, action.table(), action.key());
                existing.add(current);
                ObjectNode reason = reasons.addObject();
                if (action.condition() != null && !action.condition().test(current)) {
                    failed = true;
                    reason.put("Code", "ConditionalCheckFailed");
                    reason.put("Message", "The conditional request failed");
                    if (action.returnOnFailure() && current != null) {
                        reason.set("Item", current);
                    }
                } else {
                    reason.put("Code", "None");
                }
            }
            if (failed) {
                throw canceled(reasons);
            }
            for (int i = 0; i < actions.size(); i++) {
                Action action = actions.get(i);
                ObjectNode current = existing.get(i);
                ObjectNode written = null;
                switch (action.kind()) {
                    case "Put" -> {
                        written = action.item();
                        // its index keys were checked with the request; its vectors are checked against the item
                        // they replace
                        refuse(IndexValueChecks.vectorRefusal(action.table(), written, current, false),
                                actions.size(), i);
                        writer.writeChecked(connection, action.table(), action.key(), current, written, false);
                    }
                    case "Delete" -> writer.write(connection, action.table(), action.key(), current, null, false);
                    case "Update" -> {
                        if (current == null && action.update() != null && action.update().onlyRemoves()) {
                            // as UpdateItem: nothing to remove from creates no item and writes no record
                            action.update().checkKeyUntouched(new HashSet<>(action.table().keyNames()));
                            break;
                        }
                        ObjectNode next = action.update() == null
                                ? (current != null ? current : action.key().deepCopy())
                                : AttributeValues.normalizeItem(action.update().apply(current, action.key(),
                                        new HashSet<>(action.table().keyNames())));
                        if (AttributeValues.itemSize(next) > ItemWriter.MAX_ITEM_SIZE) {
                            // an update's size depends on the stored item, so it cancels the running transaction
                            throw canceled(validationReasons(actions.size(), i,
                                    "Item size to update has exceeded the maximum allowed size"));
                        }
                        // what an update does to an index value is known only once it runs
                        refuse(IndexValueChecks.refusal(action.table(), next, current, action.update() != null),
                                actions.size(), i);
                        writer.writeChecked(connection, action.table(), action.key(), current, next, false);
                        written = next;
                    }
                    default -> {
                        // ConditionCheck changes nothing; DynamoDB still bills it as a transactional write
                    }
                }
                if (token != null) {
                    // a replay is billed as a transactional read of the larger of each item's images
                    long bytes = Math.max(current == null ? 0 : AttributeValues.itemSize(current),
                            written == null ? 0 : AttributeValues.itemSize(written));
                    replayUnits.merge(action.label(), 2 * Capacity.readUnits(bytes, true), Double::sum);
                }
                if (capacityRequested) { // index views are sized only when the answer reports them
                    WriteCharge charge = charges.computeIfAbsent(action.label(), label -> new WriteCharge());
                    if (action.kind().equals("ConditionCheck")) {
                        charge.addCheck(current);
                    } else {
                        charge.add(action.table(), current, written);
                    }
                }
            }
            return null;
        });
        if (token != null) {
            remember(token, request, replayUnits);
        }
        ObjectNode response = Json.object();
        if (capacityRequested) {
            String mode = Json.text(request, "ReturnConsumedCapacity");
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            charges.forEach((label, charge) -> consumed.add(charge.describeTransactional(label, mode)));
        }
        List<Action> changing = actions.stream().filter(action -> !action.kind().equals("ConditionCheck")).toList();
        ObjectNode metrics = Capacity.collectionMetricsByTable(request, changing.stream().map(Action::label).toList(),
                changing.stream().map(Action::table).toList(), changing.stream().map(Action::key).toList());
        if (metrics != null) {
            response.set("ItemCollectionMetrics", metrics);
        }
        return response;
    }

    /**
     * A replay with the same ClientRequestToken changes nothing; DynamoDB bills it as a transactional read of what
     * the first call touched, each action sized on the larger of its item's images then (not on what is stored now:
     * a replayed delete of a 9 KB item costs 6, not the minimum).
     */
    private ObjectNode replayCapacity(ObjectNode request, JsonNode items, Token previous) {
        for (int i = 0; i < items.size(); i++) {
            prepare(parse(items.get(i)));
        }
        return Capacity.addTransactional(Json.object(), request, previous.replayUnits(), "ReadCapacityUnits");
    }

    private static Parsed parse(JsonNode transactItem) {
        if (transactItem.size() != 1) {
            throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String kind = transactItem.fieldNames().next();
        if (!WRITE_ACTIONS.contains(kind)) {
            throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        JsonNode body = transactItem.get(kind);
        RequestExpressions expressions = new RequestExpressions(body);
        Condition condition = expressions.condition();
        Update update = kind.equals("Update") ? expressions.update() : null;
        expressions.verifyAllUsed();
        if (kind.equals("Put")) {
            // an empty attribute name is found ahead of any value's problem, wherever it sits in the item
            body.get("Item").fieldNames().forEachRemaining(name -> {
                if (name.isEmpty()) {
                    throw ApiException.validation("Empty attribute name");
                }
            });
            AttributeValues.validateItem((ObjectNode) body.get("Item"));
        } else if (body.get("Key") instanceof ObjectNode key) {
            key.forEach(AttributeValues::validateValue);
        }
        if (kind.equals("ConditionCheck") && condition == null) {
            throw ApiException.validation("The ConditionCheck operation requires a ConditionExpression");
        }
        return new Parsed(kind, body, condition, update);
    }

    /** The constraints on one action's members: those it requires, its table name and its enum. */
    private static void actionConstraints(Constraints constraints, JsonNode transactItem, int index) {
        if (transactItem.size() != 1 || !WRITE_ACTIONS.contains(transactItem.fieldNames().next())) {
            return;
        }
        String kind = transactItem.fieldNames().next();
        JsonNode body = transactItem.get(kind);
        String member = "transactItems." + (index + 1) + ".member." + Character.toLowerCase(kind.charAt(0))
                + kind.substring(1) + ".";
        // the members DynamoDB's model requires, before the table name as its hash-ordered members come
        if (kind.equals("ConditionCheck")) {
            constraints.required(member + "conditionExpression", body.get("ConditionExpression"));
        }
        if (kind.equals("Put")) {
            constraints.required(member + "item", body.get("Item"));
        }
        if (kind.equals("Update")) {
            constraints.required(member + "updateExpression", body.get("UpdateExpression"));
        }
        if (!kind.equals("Put")) {
            constraints.required(member + "key", body.get("Key"));
        }
        constraints.tableName(member + "tableName", nameOfTable(body.get("TableName")))
                .oneOf(member + "returnValuesOnConditionCheckFailure",
                        body.get("ReturnValuesOnConditionCheckFailure"), RETURN_ON_FAILURE, "[ALL_OLD, NONE]");
    }

    private Action prepare(Parsed parsed) {
        String kind = parsed.kind();
        JsonNode body = parsed.body();
        Condition condition = parsed.condition();
        String label = Json.text(body, "TableName");
        TableDefinition table = catalog.require(TableArns.nameOf(label));
        boolean returnOnFailure = ItemOperations.returnOldOnFailure(body);
        return switch (kind) {
            case "Put" -> {
                ObjectNode item = (ObjectNode) body.get("Item");
                ObjectNode key = AttributeValues.normalizeItem(actionChecked(() -> Keys.ofItem(table, item)));
                ObjectNode stored = AttributeValues.normalizeItem(item);
                // a put's size is known from the request: it refuses the request before the transaction runs
                ItemWriter.checkSize(stored);
                // an index key of the wrong type is the action's ValidationError, as a table key's is
                IndexValueChecks.Refusal refusal = IndexValueChecks.keyRefusal(table, stored, false);
                if (refusal != null) {
                    throw refusal.actionReason() ? new ActionInvalid(refusal.error()) : refusal.error();
                }
                yield new Action(kind, label, table, key, condition, null, stored, returnOnFailure);
            }
            default -> {
                ObjectNode key = AttributeValues.normalizeItem(actionChecked(() -> Keys.checkKey(table,
                        body.get("Key"))));
                yield new Action(kind, label, table, key, condition, parsed.update(), null, returnOnFailure);
            }
        };
    }

    /**
     * Runs a key check of one action; a wrong or missing key type becomes that action's ValidationError, while the
     * other refusals (an empty or oversized key value) still refuse the request.
     */
    private static ObjectNode actionChecked(Supplier<ObjectNode> check) {
        try {
            return check.get();
        } catch (ApiException e) {
            throw Keys.isSchemaMismatch(e) ? new ActionInvalid(e) : e;
        }
    }

    /** A refused action value: the transaction's cancellation reason at {@code action}, or the request's error. */
    private static void refuse(IndexValueChecks.Refusal refusal, int actions, int action) {
        if (refusal != null) {
            throw refusal.actionReason() ? canceled(validationReasons(actions, action, refusal.message()))
                    : refusal.error();
        }
    }

    private static ArrayNode validationReasons(int actions, int invalid, String message) {
        ArrayNode reasons = Json.array();
        for (int i = 0; i < actions; i++) {
            ObjectNode reason = reasons.addObject();
            reason.put("Code", i == invalid ? "ValidationError" : "None");
            if (i == invalid) {
                reason.put("Message", message);
            }
        }
        return reasons;
    }

    /** A transaction's 4 MB limit, on what TransactWriteItems writes and what TransactGetItems reads. */
    private static void checkPayload(long bytes) {
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw ApiException.validation("Transaction payload size cannot exceed 4 MB");
        }
    }

    /** The bytes an action carries: its item or key and the values its expressions use. */
    private static long payloadSize(JsonNode transactItem) {
        JsonNode body = transactItem.elements().next();
        long size = 0;
        for (String member : List.of("Item", "Key", "ExpressionAttributeValues")) {
            if (body.get(member) instanceof ObjectNode values) {
                size += AttributeValues.itemSize(values);
            }
        }
        return size;
    }

    private static ApiException canceled(ArrayNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(reason -> codes.add(reason.get("Code").asText()));
        ObjectNode details = Json.object();
        details.set("CancellationReasons", reasons);
        return new ApiException("com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons ["
                        + String.join(", ", codes) + "]", 400, details);
    }

    /** An action's TableName as its constraints check it: a table ARN stands for the table's name. */
    private static JsonNode nameOfTable(JsonNode tableName) {
        return tableName != null && tableName.isTextual()
                ? Json.MAPPER.getNodeFactory().textNode(TableArns.nameOf(tableName.asText())) : tableName;
    }

    /** The transaction {@code token} already did, or null when it names none (or none within 10 minutes). */
    private synchronized Token replayed(String token, ObjectNode request) {
        long now = clock.millis();
        tokens.values().removeIf(t -> now - t.createdMillis() > TOKEN_MILLIS);
        Token previous = tokens.get(token);
        if (previous == null) {
            return null;
        }
        // Attribute maps are compared as maps: the same item written in another member order is the same request.
        if (!previous.request().equals(request)) {
            throw ApiException.dynamoDb("IdempotentParameterMismatchException", "The request uses the same client"
                    + " token as a previous, but non-identical request.");
        }
        return previous;
    }

    private synchronized void remember(String token, ObjectNode request, Map<String, Double> replayUnits) {
        tokens.putIfAbsent(token, new Token(request.deepCopy(), clock.millis(), replayUnits));
    }

    public ObjectNode transactGetItems(ObjectNode request) {
        JsonNode items = request.get("TransactItems");
        requireTransactItems(request, items);
        Constraints members = new Constraints(MemberOrder.TRANSACT_WRITE_ITEMS);
        for (int i = 0; i < items.size(); i++) {
            JsonNode get = items.get(i).get("Get");
            if (get != null) {
                String member = "transactItems." + (i + 1) + ".member.get.";
                members.required(member + "key", get.get("Key"))
                        .tableName(member + "tableName", nameOfTable(get.get("TableName")));
            }
        }
        members.sharedEnums(request).check();
        List<String> labels = new ArrayList<>();
        List<TableDefinition> tables = new ArrayList<>();
        List<ObjectNode> keys = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode get = item.get("Get");
            if (get == null) {
                throw ApiException.validation("TransactGetItems can only contain Get operations");
            }
            RequestExpressions expressions = new RequestExpressions(get);
            projections.add(expressions.projection());
            expressions.verifyAllUsed();
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode get = items.get(i).get("Get");
            labels.add(Json.text(get, "TableName"));
            TableDefinition table = catalog.require(TableArns.nameOf(labels.get(i)));
            tables.add(table);
            try {
                keys.add(AttributeValues.normalizeItem(actionChecked(() -> Keys.checkKey(table, get.get("Key")))));
            } catch (ActionInvalid e) {
                throw canceled(validationReasons(items.size(), i, e.getMessage()));
            }
        }
        // two reads of one item are refused like two writes, once every key has been checked
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!targets.add(tables.get(i).name() + "|" + Json.write(Keys.project(tables.get(i), keys.get(i))))) {
                throw ApiException.validation("Transaction request cannot include multiple operations on one item");
            }
        }
        ObjectNode response = Json.object();
        ArrayNode responses = response.putArray("Responses");
        java.util.Map<String, Double> units = new java.util.LinkedHashMap<>();
        long total = database.read(connection -> {
            long bytes = 0;
            for (int i = 0; i < keys.size(); i++) {
                ObjectNode found = writer.read(connection, tables.get(i), keys.get(i));
                long size = found == null ? 0 : AttributeValues.itemSize(found);
                bytes += size;
                units.merge(labels.get(i), 2 * Capacity.readUnits(size, true), Double::sum);
                ObjectNode entry = responses.addObject();
                if (found != null) {
                    entry.set("Item", projections.get(i) == null ? found : projections.get(i).apply(found));
                }
            }
            return bytes;
        });
        // The items are read whole whatever the projection, as their capacity is counted: the 4 MB limit is on
        // what is read. The sizes are known only once read, so the request is refused after the read, in the
        // words of TransactWriteItems' own 4 MB refusal (no recording of this one is known).
        checkPayload(total);
        return Capacity.addTransactional(response, request, units, "ReadCapacityUnits");
    }
}
