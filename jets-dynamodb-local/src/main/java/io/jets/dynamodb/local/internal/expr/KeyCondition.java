package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.List;
import java.util.Objects;

/**
 * A Query's KeyConditionExpression (or legacy KeyConditions) reduced to what a table or index scan needs: the
 * partition key value and an optional sort key range.
 *
 * <pre>{@code
 * KeyCondition key = Expressions.keyCondition("id = :id AND begins_with(sk, :p)", ctx, "id", "sk");
 * rows = storage.partition(key.hashValue()).filter(key::matches);
 * }</pre>
 *
 * @param hashName      the partition key attribute
 * @param hashValue     the value it must equal
 * @param rangeName     the sort key attribute, or null when the query has no sort key condition
 * @param rangeOperator the sort key comparison, or null with {@code rangeName}
 * @param rangeValues   the operator's values: one, or two for BETWEEN
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html">
 *     Key condition expressions for Query</a>
 */
public record KeyCondition(String hashName, JsonNode hashValue, String rangeName, RangeOperator rangeOperator,
                           List<JsonNode> rangeValues) {

    /** The comparisons DynamoDB allows on a sort key. */
    public enum RangeOperator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    public KeyCondition {
        Objects.requireNonNull(hashName, "hashName");
        Objects.requireNonNull(hashValue, "hashValue");
        if ((rangeName == null) != (rangeOperator == null)) {
            throw new IllegalArgumentException("rangeName and rangeOperator must both be set or both be null");
        }
        rangeValues = rangeValues == null ? List.of() : List.copyOf(rangeValues);
    }

    /**
     * Checks the condition's values against the key schema's attribute types ({@code S}, {@code N} or {@code B}),
     * with DynamoDB's messages.
     */
    public void checkTypes(String hashType, String rangeTypeOrNull) {
        boolean matches = hashType.equals(AttributeValues.type(hashValue));
        for (JsonNode value : rangeValues) {
            matches &= AttributeValues.type(value).equals(rangeTypeOrNull);
        }
        if (!matches) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    /** Whether the item's keys satisfy the condition. */
    public boolean matches(ObjectNode item) {
        if (!AttributeValues.equal(item.get(hashName), hashValue)) {
            return false;
        }
        return rangeName == null || rangeMatches(item.get(rangeName));
    }

    /** Whether a sort key value satisfies the sort key condition (always true without one). */
    public boolean rangeMatches(JsonNode value) {
        if (rangeOperator == null) {
            return true;
        }
        if (value == null || !Objects.equals(AttributeValues.type(value), AttributeValues.type(rangeValues.get(0)))) {
            return false;
        }
        JsonNode first = rangeValues.get(0);
        return switch (rangeOperator) {
            case EQ -> AttributeValues.compare(value, first) == 0;
            case LT -> AttributeValues.compare(value, first) < 0;
            case LE -> AttributeValues.compare(value, first) <= 0;
            case GT -> AttributeValues.compare(value, first) > 0;
            case GE -> AttributeValues.compare(value, first) >= 0;
            case BETWEEN -> AttributeValues.compare(value, first) >= 0
                    && AttributeValues.compare(value, rangeValues.get(1)) <= 0;
            case BEGINS_WITH -> Functions.beginsWith(value, first);
        };
    }
}
