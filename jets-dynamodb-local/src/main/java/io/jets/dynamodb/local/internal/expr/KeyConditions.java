package io.jets.dynamodb.local.internal.expr;

/** Reduces a parsed KeyConditionExpression to a {@link KeyCondition}, with DynamoDB's errors. */
final class KeyConditions {

    private KeyConditions() {
    }

    static KeyCondition of(ConditionNode node, String hashKey, String rangeKeyOrNull) {
        throw new UnsupportedOperationException("KeyConditionExpression is not supported yet");
    }
}
