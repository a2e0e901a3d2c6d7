package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.expr.Condition;
import io.jets.dynamodb.local.internal.expr.ExpressionContext;
import io.jets.dynamodb.local.internal.expr.Expressions;
import io.jets.dynamodb.local.internal.expr.Projection;
import io.jets.dynamodb.local.internal.expr.Update;
import io.jets.dynamodb.local.internal.ops.Capacity;
import io.jets.dynamodb.local.internal.ops.ItemWriter;
import io.jets.dynamodb.local.internal.ops.Keys;
import io.jets.dynamodb.local.internal.ops.OnlineIndexes;
import io.jets.dynamodb.local.internal.ops.TransactionOperations;
import io.jets.dynamodb.local.internal.ops.WriteCharge;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.storage.ItemStore.Row;
import io.jets.dynamodb.local.internal.table.IndexEntries;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: PartiQL SELECT, INSERT, UPDATE and DELETE on one
 * table. Writes go through the same writer as PutItem and friends, so they reach the table's stream.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html">
 *     ExecuteStatement</a>
 */
public final class PartiQlOperations {

    private static final long PAGE_BYTES = 1024 * 1024;

    private final Database database;
    private final TableCatalog catalog;
    private final ItemStore items;
    private final ItemWriter writer;
    private final PartiQlTransactions transactions;
    private final OnlineIndexes online;

    public PartiQlOperations(Database database, TableCatalog catalog, ItemStore items, ItemWriter writer,
                             TransactionOperations transactions, OnlineIndexes online) {
        this.database = database;
        this.catalog = catalog;
        this.items = items;
        this.writer = writer;
        this.transactions = new PartiQlTransactions(catalog, transactions);
        this.online = online;
    }

    public ObjectNode executeTransaction(ObjectNode request) {
        return transactions.executeTransaction(request);
    }

    /** The longest Statement DynamoDB's API model accepts. */
    static final int MAX_STATEMENT_LENGTH = 8192;

    /** A statement longer than DynamoDB's model allows fails its constraint before anything is parsed. */
    static void checkLength(String statement, String path) {
        if (statement != null && statement.length() > MAX_STATEMENT_LENGTH) {
            throw ApiException.validation("1 validation error detected: Value '" + statement + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_STATEMENT_LENGTH);
        }
    }

    public ObjectNode executeStatement(ObjectNode request) {
        String text = Json.text(request, "Statement");
        if (text == null) {
            throw ApiException.validation("1 validation error detected: Value null at 'statement' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        checkLength(text, "statement");
        try {
            return execute(request, PartiQlParser.parse(text, request.get("Parameters")));
        } catch (ApiException e) {
            throw PartiQlErrors.plain(e);
        }
    }

    private ObjectNode execute(ObjectNode request, PartiQlStatement statement) {
        // the WHERE clause's operand types belong to the statement: refused before the table is looked up
        Condition where = statement.kind().equals("SELECT") && statement.condition() != null
                ? Expressions.filter(statement.condition(), ExpressionContext.of(statement.names(), statement.values()))
                : null;
        TableDefinition table = catalog.require(statement.table());
        SelectRules.refuseMultiAttributeIndex(table, statement);
        if (statement.kind().equals("EXISTS")) {
            throw ApiException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        ObjectNode response = Json.object();
        ArrayNode found = response.putArray("Items");
        double units;
        double fetchUnits = 0;
        IndexDefinition selectionIndex = null;
        if (statement.kind().equals("SELECT")) {
            boolean consistent = request.path("ConsistentRead").asBoolean(false);
            Selection selection = select(table, statement, where, consistent);
            selectionIndex = selection.index();
            List<ObjectNode> candidates = selection.candidates();
            // as with Query and Scan, a page ends after Limit items read (before the WHERE clause drops any) or
            // once 1 MB has been read
            String fingerprint = fingerprint(request);
            int offset = Math.min(offset(Json.text(request, "NextToken"), fingerprint), candidates.size());
            int limit = request.path("Limit").asInt(Integer.MAX_VALUE);
            int end = offset;
            long bytes = 0;
            while (end < candidates.size() && end - offset < limit && bytes < PAGE_BYTES) {
                ObjectNode item = candidates.get(end++);
                ObjectNode seen = selection.view().apply(item);
                bytes += AttributeValues.itemSize(seen);
                // as Query does, a local index fetching what it does not hold reads each whole item from the
                // table, whether the WHERE clause keeps it or not
                fetchUnits += selection.fetches() ? Capacity.readUnits(AttributeValues.itemSize(item), consistent)
                        : 0;
                if (selection.condition() == null || selection.condition().test(seen)) {
                    found.add(selection.shape().apply(item));
                }
            }
            units = Capacity.readUnits(bytes, consistent);
            if (end < candidates.size()) {
                response.put("NextToken", Base64.getEncoder().encodeToString(
                        (end + ":" + fingerprint).getBytes(StandardCharsets.UTF_8)));
            }
        } else {
            // charged as the equivalent PutItem, UpdateItem or DeleteItem, index arms included
            ObjectNode[] images = write(table, statement, found,
                    "ALL_OLD".equals(Json.text(request, "ReturnValuesOnConditionCheckFailure")));
            return WriteCharge.addTo(response, request, table, images[0], images[1]);
        }
        if (selectionIndex != null) {
            // a read through an index is charged to the index, the table showing only a local index's fetches
            return Capacity.addIndexRead(response, request, table.name(), selectionIndex.name(),
                    table.globalIndexes().contains(selectionIndex), units, fetchUnits);
        }
        return Capacity.add(response, request, table.name(), units);
    }

    public ObjectNode batchExecuteStatement(ObjectNode request) {
        JsonNode statements = request.get("Statements");
        if (statements == null || statements.isNull()) {
            throw ApiException.validation("1 validation error detected: Value null at 'statements' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        if (statements.size() < 1) {
            throw ApiException.validation("1 validation error detected: Value '[]' at 'statements' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (statements.size() > 25) {
            throw ApiException.validation("1 validation error detected: Value at 'statements' failed to satisfy"
                    + " constraint: Member must have length less than or equal to 25");
        }
        for (int i = 0; i < statements.size(); i++) {
            checkLength(Json.text(statements.get(i), "Statement"), "statements." + (i + 1) + ".member.statement");
        }
        refuseDuplicateKeys(statements);
        ObjectNode response = Json.object();
        ArrayNode responses = response.putArray("Responses");
        BatchCapacity capacity = new BatchCapacity();
        for (JsonNode one : statements) {
            ObjectNode entry = responses.addObject();
            String table = null;
            PartiQlStatement parsed = null;
            try {
                ObjectNode single = Json.object();
                single.set("Statement", one.get("Statement"));
                // each member reads at its own consistency; its ReturnValuesOnConditionCheckFailure is accepted,
                // but DynamoDB answers a failed member without the item whatever it says
                for (String member : List.of("Parameters", "ConsistentRead")) {
                    if (one.has(member)) {
                        single.set(member, one.get(member));
                    }
                }
                single.put("ReturnConsumedCapacity", "INDEXES");
                parsed = PartiQlParser.parse(one.path("Statement").asText(), one.get("Parameters"));
                SelectRules.refuseMultiAttributeIndex(catalog.require(parsed.table()), parsed);
                if (parsed.kind().equals("SELECT")
                        && !parsed.namesOnlyTheKey(catalog.require(parsed.table()).keyNames())) {
                    throw ApiException.validation("Select statements within BatchExecuteStatement must specify the"
                            + " primary key in the where clause.");
                }
                table = parsed.table();
                ObjectNode result = executeStatement(single);
                entry.put("TableName", table);
                capacity.add(table, result.path("ConsumedCapacity"));
                // a SELECT's item, or what a write's RETURNING clause asked for
                if (result.get("Items").size() > 0) {
                    entry.set("Item", result.get("Items").get(0));
                }
            } catch (ApiException e) {
                ApiException plain = PartiQlErrors.plain(e);
                String code = PartiQlErrors.code(plain);
                // a member that ran and failed names its table; one refused before it ran does not
                if (table != null && (code.equals("ConditionalCheckFailed") || code.equals("DuplicateItem"))) {
                    entry.put("TableName", table);
                }
                if (table != null && (code.equals("ConditionalCheckFailed") || code.equals("DuplicateItem"))
                        && Capacity.requested(request)) {
                    capacity.addFailed(table, failedWriteUnits(catalog.require(table), parsed));
                }
                entry.putObject("Error").put("Code", code).put("Message", plain.getMessage());
            }
        }
        return capacity.addTo(response, request);
    }

    /**
     * A write refused by its condition, or an INSERT refused as a duplicate, is billed as a write of the item stored
     * at its key (the minimum when there is none), not of the item it named.
     */
    private double failedWriteUnits(TableDefinition table, PartiQlStatement statement) {
        ObjectNode key = statement.kind().equals("INSERT")
                ? AttributeValues.normalizeItem(Keys.ofItem(table, statement.item())) : key(table, statement);
        return Capacity.writeUnits(database.read(connection -> writer.read(connection, table, key)), null);
    }

    /** Two members naming the same item refuse the whole batch, reads as well as writes. */
    private void refuseDuplicateKeys(JsonNode statements) {
        Set<String> seen = new HashSet<>();
        for (JsonNode one : statements) {
            ObjectNode key;
            String table;
            try {
                PartiQlStatement parsed = PartiQlParser.parse(one.path("Statement").asText(), one.get("Parameters"));
                TableDefinition definition = catalog.require(parsed.table());
                table = definition.name();
                key = parsed.kind().equals("INSERT")
                        ? AttributeValues.normalizeItem(Keys.ofItem(definition, parsed.item()))
                        : key(definition, parsed);
            } catch (ApiException e) {
                continue; // the member fails on its own when it runs
            }
            if (!seen.add(table + "\u0000" + key)) {
                throw ApiException.validation("Provided list of item keys contains duplicates");
            }
        }
    }

    /**
     * The items a SELECT reads, in the order it answers them, the WHERE clause, what of an item the WHERE clause
     * sees, how an answered item looks, and whether answering it fetches the item from the table.
     */
    private record Selection(List<ObjectNode> candidates, Condition condition, UnaryOperator<ObjectNode> view,
                             UnaryOperator<ObjectNode> shape, IndexDefinition index, boolean fetches) {
    }

    /** The reading of a SELECT, its WHERE clause {@code condition} (null without one) parsed already. */
    private Selection select(TableDefinition table, PartiQlStatement statement, Condition condition,
                             boolean consistent) {
        ExpressionContext context = ExpressionContext.of(statement.names(), statement.values());
        Projection projection = statement.projection() == null ? null
                : Expressions.projection(statement.projection(), context);
        if (statement.index() != null && table.globalIndex(statement.index()) != null) {
            // a global index UpdateTable added is not read until it is ACTIVE, whichever API reads it
            online.checkReadable(table, statement.index(), OnlineIndexes.Reader.PARTIQL);
        }
        IndexDefinition index = statement.index() == null ? null : SelectRules.index(table, statement);
        if (consistent && index != null && table.globalIndexes().contains(index)) {
            throw ApiException.validation("Strongly consistent read is not supported on Global Secondary Indexes");
        }
        SelectRules.check(table, statement);
        // an equality on the partition key of the table, or of the index read, reads that partition alone
        String partitionKey = index == null || index.hashKeys().size() > 1 ? table.hashKey() : index.hashKey();
        JsonNode equal = index != null && index.hashKeys().size() > 1 ? null
                : statement.equalities().get(partitionKey);
        JsonNode hash = equal != null && partitionKey.equals(table.hashKey()) ? equal : null;
        ObjectNode indexPartition = equal == null || hash != null ? null
                : AttributeValues.normalizeItem(keyOf(partitionKey, equal));
        // equalities on the whole table key make the read a lookup of that one item: DynamoDB reads, and charges,
        // nothing else of the partition
        JsonNode sortValue = hash == null || index != null || table.rangeKey() == null ? null
                : statement.equalities().get(table.rangeKey());
        ObjectNode sortKey = sortValue == null ? null
                : AttributeValues.normalizeItem(keyOf(table.rangeKey(), sortValue));
        List<ObjectNode> candidates = new ArrayList<>();
        database.read(connection -> {
            List<Row> rows = hash != null
                    ? items.partition(connection, table.id(), Keys.hash(table, keyOf(table.hashKey(), hash)), null,
                            null, null, true, Integer.MAX_VALUE)
                    : items.scan(connection, table.id(), null, null, Integer.MAX_VALUE);
            for (Row row : rows) {
                ObjectNode item = row.item();
                if ((index == null || IndexEntries.holds(table, index, item)) && (indexPartition == null
                        || indexPartition.equals(AttributeValues.normalizeItem(keyOf(partitionKey,
                                item.get(partitionKey))))) && (sortKey == null
                        || sortKey.equals(AttributeValues.normalizeItem(keyOf(table.rangeKey(),
                                item.get(table.rangeKey())))))) {
                    candidates.add(item);
                }
            }
            return null;
        });
        SelectRules.sort(candidates, statement.orderBy());
        // the WHERE clause sees the item as the index holds it; named columns reach a local index's base item
        UnaryOperator<ObjectNode> view = item -> index != null ? SelectRules.projected(table, index, item) : item;
        UnaryOperator<ObjectNode> shape = item -> projection != null ? projection.applyAsColumns(item)
                : view.apply(item);
        return new Selection(candidates, condition, view, shape, index,
                index != null && projection != null && SelectRules.fetches(table, index, projection.topLevelNames()));
    }

    /**
     * Applies an INSERT, UPDATE or DELETE and answers the item before and after it (null where absent); a RETURNING
     * clause adds the item to {@code found}, and with {@code returnOld} a failed condition carries the item as it was.
     */
    private ObjectNode[] write(TableDefinition table, PartiQlStatement statement, ArrayNode found,
                               boolean returnOld) {
        if (statement.kind().equals("INSERT")) {
            ObjectNode item = statement.item();
            AttributeValues.validateItem(item);
            ObjectNode key = AttributeValues.normalizeItem(Keys.ofItem(table, item));
            ObjectNode stored = AttributeValues.normalizeItem(item);
            ItemWriter.checkSize(stored);
            database.write(connection -> {
                ObjectNode existing = writer.read(connection, table, key);
                if (existing != null) {
                    throw ApiException.dynamoDb("DuplicateItemException", "Duplicate primary key exists in table");
                }
                writer.write(connection, table, key, null, stored, false);
                return null;
            });
            return new ObjectNode[] {null, stored};
        }
        ObjectNode checkedKey = key(table, statement);
        ExpressionContext context = ExpressionContext.of(statement.names(), statement.values());
        Condition condition = Expressions.condition(statement.condition(), context);
        Update update = statement.update() == null ? null : Expressions.update(statement.update(), context);
        return database.write(connection -> {
            ObjectNode existing = writer.read(connection, table, checkedKey);
            if (existing == null) {
                if (update != null) {
                    throw ApiException.conditionalCheckFailed();
                }
                return new ObjectNode[] {null, null};
            }
            if (!condition.test(existing)) {
                throw ApiException.conditionalCheckFailed(returnOld ? existing : null);
            }
            ObjectNode next = update == null ? null : AttributeValues.normalizeItem(
                    update.apply(existing, checkedKey, new HashSet<>(table.keyNames())));
            if (next != null) {
                ItemWriter.checkUpdatedSize(next);
            }
            writer.write(connection, table, checkedKey, existing, next, false);
            ObjectNode returned = returned(statement.returning(), update, existing, next);
            if (returned != null && !returned.isEmpty()) {
                found.add(returned);
            }
            return new ObjectNode[] {existing, next};
        });
    }

    /** The key an UPDATE or DELETE names with equalities in its WHERE clause. */
    static ObjectNode key(TableDefinition table, PartiQlStatement statement) {
        ObjectNode key = Json.object();
        for (String name : table.keyNames()) {
            JsonNode value = statement.equalities().get(name);
            if (value == null) {
                throw ApiException.validation("Where clause does not contain a mandatory equality on all key"
                        + " attributes");
            }
            key.set(name, value);
        }
        return AttributeValues.normalizeItem(Keys.checkKey(table, key));
    }

    /**
     * What RETURNING answers: the whole item, or (MODIFIED) only the paths the update set or removed, before or
     * after it, as UpdateItem's UPDATED_OLD and UPDATED_NEW do. An empty answer adds no item at all.
     */
    private static ObjectNode returned(String returning, Update update, ObjectNode before, ObjectNode after) {
        if (returning == null) {
            return null;
        }
        ObjectNode whole = returning.endsWith("NEW") ? after : before;
        if (whole == null || returning.startsWith("ALL") || update == null) {
            return whole;
        }
        return update.updatedAttributes(whole);
    }

    private static ObjectNode keyOf(String name, JsonNode value) {
        ObjectNode key = Json.object();
        key.set(name, value);
        return key;
    }

    /** What a NextToken is bound to: the statement and its parameters, so it resumes only the read it came from. */
    private static String fingerprint(ObjectNode request) {
        return Integer.toHexString(Objects.hash(Json.text(request, "Statement"),
                String.valueOf(request.get("Parameters"))));
    }

    private static int offset(String nextToken, String fingerprint) {
        if (nextToken == null) {
            return 0;
        }
        String[] parts;
        try {
            parts = new String(Base64.getDecoder().decode(nextToken), StandardCharsets.UTF_8).split(":", 2);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("Invalid NextToken");
        }
        if (parts.length != 2 || !parts[0].matches("\\d{1,9}")) {
            throw ApiException.validation("Invalid NextToken");
        }
        if (!parts[1].equals(fingerprint)) {
            throw ApiException.validation("NextToken does not match request");
        }
        return Integer.parseInt(parts[0]);
    }
}
