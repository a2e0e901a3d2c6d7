package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A ConditionExpression, FilterExpression or legacy Expected/QueryFilter/ScanFilter, bound to one request's
 * placeholders.
 *
 * <pre>{@code
 * Condition condition = Expressions.condition("attribute_not_exists(id)", ctx);
 * if (!condition.test(existingOrNull)) throw ApiException.conditionalCheckFailed();
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">
 *     Condition and filter expressions, operators, and functions</a>
 */
@FunctionalInterface
public interface Condition {

    /** A condition every item (and the absent item) satisfies. */
    Condition ALWAYS = item -> true;

    /** Whether the item (null when there is none) satisfies the condition; type mismatches evaluate to false. */
    boolean test(ObjectNode itemOrNull);
}
