package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.ops.TransactionOperations;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ExecuteTransaction: up to 100 PartiQL statements, all reads or all writes, run as TransactGetItems or
 * TransactWriteItems so that they share those operations' all-or-nothing write path, stream records,
 * ClientRequestToken idempotency and capacity. An INSERT is a Put that the item must not exist for (a clash
 * cancels with {@code DuplicateItem}), an UPDATE needs the item to exist, and {@code EXISTS(SELECT …)} is a
 * ConditionCheck.
 *
 * <pre>{@code
 * client.executeTransaction(b -> b.transactStatements(
 *         ParameterizedStatement.builder().statement("UPDATE \"orders\" SET paid = true WHERE id = 'o-1'").build(),
 *         ParameterizedStatement.builder().statement("INSERT INTO \"ledger\" VALUE {'id': 'o-1'}").build()));
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html">
 *     ExecuteTransaction</a>
 */
final class PartiQlTransactions {

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#p\\d+");

    private final TableCatalog catalog;
    private final TransactionOperations transactions;

    PartiQlTransactions(TableCatalog catalog, TransactionOperations transactions) {
        this.catalog = catalog;
        this.transactions = transactions;
    }

    ObjectNode executeTransaction(ObjectNode request) {
        JsonNode statements = request.get("TransactStatements");
        if (statements == null || !statements.isArray()) {
            throw ApiException.validation("1 validation error detected: Value null at 'transactStatements' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        if (statements.size() < 1 || statements.size() > 100) {
            throw ApiException.validation("1 validation error detected: Value at 'transactStatements' failed to"
                    + " satisfy constraint: Member must have length " + (statements.isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        for (int i = 0; i < statements.size(); i++) {
            PartiQlOperations.checkLength(Json.text(statements.get(i), "Statement"),
                    "transactStatements." + (i + 1) + ".member.statement");
        }
        List<PartiQlStatement> parsed = new ArrayList<>();
        List<TableDefinition> tables = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode one = statements.get(i);
            PartiQlStatement statement;
            try {
                statement = PartiQlParser.parse(one.path("Statement").asText(), one.get("Parameters"));
            } catch (ApiException e) {
                ApiException plain = PartiQlErrors.plain(e);
                // a statement the parser cannot read, or that writes through an index, is named; a parameter
                // that does not convert is not
                String message = plain.getMessage();
                throw message != null && (message.startsWith("Statement wasn't well formed")
                        || message.equals("This operation is not supported on an index"))
                        ? ApiException.validation("Validation failed in TransactStatements[" + i + "]: "
                                + plain.getMessage())
                        : plain;
            }
            TableDefinition table = catalog.require(statement.table());
            SelectRules.refuseWhatTheParserDeferred(statement);
            check(i, statement, table);
            parsed.add(statement);
            tables.add(table);
        }
        boolean reads = parsed.get(0).kind().equals("SELECT");
        for (PartiQlStatement statement : parsed) {
            if (statement.kind().equals("SELECT") != reads) {
                throw ApiException.validation("ExecuteTransaction API does not support both read and write"
                        + " operations in the same request.");
            }
        }
        ObjectNode translated = Json.object();
        ArrayNode items = translated.putArray("TransactItems");
        for (int i = 0; i < parsed.size(); i++) {
            ObjectNode item = reads ? get(parsed.get(i), tables.get(i)) : write(parsed.get(i), tables.get(i));
            JsonNode onFailure = statements.get(i).get("ReturnValuesOnConditionCheckFailure");
            if (onFailure != null && !reads) {
                ((ObjectNode) item.elements().next()).set("ReturnValuesOnConditionCheckFailure", onFailure);
            }
            items.add(item);
        }
        copy(request, translated, "ReturnConsumedCapacity");
        if (reads) {
            return transactions.transactGetItems(translated);
        }
        copy(request, translated, "ClientRequestToken");
        try {
            ObjectNode response = transactions.transactWriteItems(translated);
            response.putArray("Responses");
            return response;
        } catch (ApiException e) {
            throw duplicateItems(e, parsed);
        }
    }

    private static void check(int index, PartiQlStatement statement, TableDefinition table) {
        String prefix = "Validation failed in TransactStatements[" + index + "]: ";
        if (statement.returning() != null) {
            throw ApiException.validation(prefix + "RETURNING clause is not supported in ExecuteTransaction.");
        }
        switch (statement.kind()) {
            case "SELECT" -> {
                if (statement.index() != null) {
                    throw ApiException.validation(prefix + "Reads on indices are not supported within transactions.");
                }
                if (!statement.namesOnlyTheKey(table.keyNames())) {
                    throw ApiException.validation(prefix + "Select statements within ExecuteTransaction must specify"
                            + " the primary key in the where clause.");
                }
            }
            case "EXISTS" -> {
                if (statement.index() != null || !statement.equalities().keySet().containsAll(table.keyNames())
                        || table.keyNames().size() >= countTerms(statement.condition())) {
                    throw ApiException.validation(prefix + "EXISTS() must contain a single item read with"
                            + " additional condition");
                }
            }
            case "UPDATE", "DELETE" -> {
                if (!statement.equalities().keySet().containsAll(table.keyNames())) {
                    throw ApiException.validation(prefix + "Where clause does not contain a mandatory equality on"
                            + " all key attributes");
                }
            }
            default -> {
            }
        }
    }

    /** The number of AND-joined terms in a condition, to tell a bare key lookup from one with a condition. */
    private static int countTerms(String condition) {
        return condition == null ? 0 : condition.split(" AND ").length;
    }

    private static ObjectNode get(PartiQlStatement statement, TableDefinition table) {
        ObjectNode get = Json.object();
        ObjectNode body = get.putObject("Get");
        body.put("TableName", table.name());
        body.set("Key", PartiQlOperations.key(table, statement));
        if (statement.projection() != null) {
            body.put("ProjectionExpression", statement.projection());
            body.set("ExpressionAttributeNames", namesUsedBy(statement, statement.projection()));
        }
        return get;
    }

    private static ObjectNode write(PartiQlStatement statement, TableDefinition table) {
        ObjectNode action = Json.object();
        ObjectNode body;
        switch (statement.kind()) {
            case "INSERT" -> {
                body = action.putObject("Put");
                body.set("Item", statement.item());
                body.put("ConditionExpression", "attribute_not_exists(#key)");
                body.putObject("ExpressionAttributeNames").put("#key", table.hashKey());
                body.put("TableName", table.name());
                return action;
            }
            case "UPDATE" -> {
                body = action.putObject("Update");
                body.put("UpdateExpression", statement.update());
                body.put("ConditionExpression", "attribute_exists(#key) AND (" + statement.condition() + ")");
            }
            case "DELETE" -> {
                body = action.putObject("Delete");
                // deleting an item that is not there is no failure, as with ExecuteStatement
                body.put("ConditionExpression", "attribute_not_exists(#key) OR (" + statement.condition() + ")");
            }
            default -> {
                body = action.putObject("ConditionCheck");
                body.put("ConditionExpression", statement.condition());
            }
        }
        body.put("TableName", table.name());
        body.set("Key", PartiQlOperations.key(table, statement));
        ObjectNode names = statement.names() == null ? Json.object()
                : namesUsedBy(statement, body.path("UpdateExpression").asText() + " " + statement.condition());
        if (!statement.kind().equals("EXISTS")) {
            names.put("#key", table.hashKey());
        }
        if (!names.isEmpty()) {
            body.set("ExpressionAttributeNames", names);
        }
        if (statement.values() != null) {
            body.set("ExpressionAttributeValues", statement.values());
        }
        return action;
    }

    private static ObjectNode namesUsedBy(PartiQlStatement statement, String expression) {
        ObjectNode used = Json.object();
        NAME_PLACEHOLDER.matcher(expression).results()
                .forEach(match -> used.set(match.group(), statement.names().get(match.group())));
        return used;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    /**
     * An INSERT whose item exists fails its condition; DynamoDB reports that reason as {@code DuplicateItem}.
     */
    private static ApiException duplicateItems(ApiException error, List<PartiQlStatement> statements) {
        if (!error.type().endsWith("#TransactionCanceledException") || error.details() == null) {
            return error;
        }
        ArrayNode reasons = (ArrayNode) error.details().get("CancellationReasons");
        List<String> codes = new ArrayList<>();
        Iterator<JsonNode> each = reasons.elements();
        for (PartiQlStatement statement : statements) {
            ObjectNode reason = (ObjectNode) each.next();
            if (statement.kind().equals("INSERT") && "ConditionalCheckFailed".equals(reason.path("Code").asText())) {
                reason.put("Code", "DuplicateItem");
                reason.put("Message", "Duplicate primary key exists in table");
            }
            codes.add(reason.path("Code").asText());
        }
        return new ApiException(error.type(), "Transaction cancelled, please refer cancellation reasons for specific"
                + " reasons [" + String.join(", ", codes) + "]", error.status(), error.details());
    }
}
