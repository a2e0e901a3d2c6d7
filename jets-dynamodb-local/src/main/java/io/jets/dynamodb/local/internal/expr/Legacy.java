package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parameters DynamoDB had before expressions — Expected, AttributeUpdates, AttributesToGet, KeyConditions,
 * QueryFilter, ScanFilter, ConditionalOperator — translated into the same {@link Condition}, {@link Update},
 * {@link Projection} and {@link KeyCondition} the expressions produce.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html">
 *     Legacy conditional parameters</a>
 */
public final class Legacy {

    private Legacy() {
    }

    /** {@code Expected} with its {@code ConditionalOperator} (null means AND). */
    public static Condition expected(JsonNode expected, String conditionalOperator) {
        throw new UnsupportedOperationException("Expected is not supported yet");
    }

    /** {@code QueryFilter} or {@code ScanFilter} with its {@code ConditionalOperator} (null means AND). */
    public static Condition filter(JsonNode filter, String conditionalOperator) {
        throw new UnsupportedOperationException("QueryFilter/ScanFilter are not supported yet");
    }

    /** {@code AttributeUpdates}: PUT, DELETE and ADD actions on top-level attributes. */
    public static Update attributeUpdates(JsonNode attributeUpdates) {
        throw new UnsupportedOperationException("AttributeUpdates is not supported yet");
    }

    /** {@code AttributesToGet}. */
    public static Projection attributesToGet(JsonNode attributesToGet) {
        throw new UnsupportedOperationException("AttributesToGet is not supported yet");
    }

    /** {@code KeyConditions} of a Query. */
    public static KeyCondition keyConditions(JsonNode keyConditions, String hashKey, String rangeKeyOrNull) {
        throw new UnsupportedOperationException("KeyConditions is not supported yet");
    }

    /** Rejects a request that mixes legacy and expression parameters, with DynamoDB's message. */
    public static void checkNotMixed(JsonNode request) {
        throw new UnsupportedOperationException("not supported yet");
    }
}
