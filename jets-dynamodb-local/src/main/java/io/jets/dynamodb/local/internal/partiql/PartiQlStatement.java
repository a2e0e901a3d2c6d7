package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed PartiQL statement, translated into the DynamoDB expression language so that the expression engine
 * evaluates it: {@code condition} and {@code update} use the placeholders in {@code names} and {@code values}.
 *
 * @param kind        SELECT, INSERT, UPDATE, DELETE, or EXISTS (a condition check inside ExecuteTransaction)
 * @param index       the index of a SELECT from {@code "table"."index"}, else null
 * @param projection  a ProjectionExpression for SELECT, null for {@code *}
 * @param condition   the WHERE clause as a condition expression, null without one
 * @param update      the SET and REMOVE clauses of an UPDATE as an update expression (set_add and set_delete
 *                    become ADD and DELETE)
 * @param item        the item of an INSERT
 * @param equalities  top-level {@code name = value} terms of the WHERE clause (when it has no top-level OR)
 * @param inLists     the names of top-level {@code name IN [...]} terms of the WHERE clause (likewise)
 * @param callsFunction whether the WHERE clause calls a function such as attribute_exists
 * @param returning   the RETURNING clause as a ReturnValues setting (ALL_NEW, ALL_OLD, UPDATED_NEW,
 *                    UPDATED_OLD), else null
 * @param orderBy     the attributes of a SELECT's ORDER BY, in order
 * @param branches    the top-level OR branches of the WHERE clause, when it has more than one
 * @param refusal     why DynamoDB refuses the statement once it has looked up its table and index, else null
 */
record PartiQlStatement(String kind, String table, String index, String projection, String condition,
                        String update, ObjectNode item, ObjectNode names, ObjectNode values,
                        Map<String, JsonNode> equalities, Set<String> inLists, boolean callsFunction,
                        String returning, List<Order> orderBy, List<Branch> branches, String refusal) {

    /** One ORDER BY term. */
    record Order(String attribute, boolean descending) {
    }

    /**
     * One OR branch: its top-level {@code name = value} terms, and the attributes it names in any other way.
     */
    record Branch(Map<String, JsonNode> equalities, Set<String> otherNames) {
    }

    /** Whether the WHERE clause fixes {@code name} at its top level, with an equality or an IN list. */
    boolean fixes(String name) {
        return equalities.containsKey(name) || inLists.contains(name);
    }

    /**
     * Whether a SELECT is a key lookup, as BatchExecuteStatement and ExecuteTransaction require: on the table, with
     * an equality on every key attribute and no function call.
     */
    boolean namesOnlyTheKey(List<String> keyNames) {
        return index == null && !callsFunction && equalities.keySet().containsAll(keyNames);
    }
}
