package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A parsed PartiQL statement, translated into the DynamoDB expression language so that the expression engine
 * evaluates it: {@code condition} and {@code update} use the placeholders in {@code names} and {@code values}.
 *
 * @param kind        SELECT, INSERT, UPDATE or DELETE
 * @param index       the index of a SELECT from {@code "table"."index"}, else null
 * @param projection  a ProjectionExpression for SELECT, null for {@code *}
 * @param condition   the WHERE clause as a condition expression, null without one
 * @param update      the SET/REMOVE clauses of an UPDATE as an update expression
 * @param item        the item of an INSERT
 * @param equalities  top-level {@code name = value} terms of the WHERE clause (when it has no top-level OR)
 */
record PartiQlStatement(String kind, String table, String index, String projection, String condition,
                        String update, ObjectNode item, ObjectNode names, ObjectNode values,
                        Map<String, JsonNode> equalities) {

    static final List<String> KINDS = List.of("SELECT", "INSERT", "UPDATE", "DELETE");
}
