package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import java.util.List;

/**
 * ExpressionAttributeNames and ExpressionAttributeValues only make sense next to an expression that can use them;
 * DynamoDB refuses them otherwise, naming the expressions that were missing.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html">
 *     Expression attribute names</a>
 */
public final class ExpressionParameters {

    private ExpressionParameters() {
    }

    /**
     * Checks the placeholders against the expression members the operation accepts, in DynamoDB's order (for
     * Query: ProjectionExpression, FilterExpression, KeyConditionExpression). ProjectionExpression can use names
     * but not values, so it is left out of the values message.
     */
    public static void check(JsonNode request, List<String> expressionMembers) {
        boolean anyExpression = expressionMembers.stream().anyMatch(request::hasNonNull);
        if (request.hasNonNull("ExpressionAttributeNames") && !anyExpression) {
            throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = expressionMembers.stream()
                .filter(member -> !member.equals("ProjectionExpression")).toList();
        if (request.hasNonNull("ExpressionAttributeValues") && !valueExpressions.isEmpty()
                && valueExpressions.stream().noneMatch(request::hasNonNull)) {
            throw ApiException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is")
                    + " null");
        }
    }
}
