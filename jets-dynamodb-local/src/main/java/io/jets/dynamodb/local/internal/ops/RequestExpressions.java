package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.Condition;
import io.jets.dynamodb.local.internal.expr.ExpressionContext;
import io.jets.dynamodb.local.internal.expr.ExpressionParameters;
import io.jets.dynamodb.local.internal.expr.Expressions;
import io.jets.dynamodb.local.internal.expr.KeyCondition;
import io.jets.dynamodb.local.internal.expr.MultiKeyCondition;
import io.jets.dynamodb.local.internal.expr.Legacy;
import io.jets.dynamodb.local.internal.expr.Projection;
import io.jets.dynamodb.local.internal.expr.Update;
import java.util.List;

/**
 * The expressions of one request, expression or legacy form, parsed with one shared set of placeholders so that
 * {@link #verifyAllUsed()} can reject names and values no expression used.
 */
final class RequestExpressions {

    private static final List<String> LEGACY = List.of("Expected", "AttributeUpdates", "AttributesToGet",
            "KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator");

    private final JsonNode request;
    private final ExpressionContext context;

    RequestExpressions(JsonNode request) {
        this(request, List.of());
    }

    /**
     * {@code expressionMembers}: the expressions the operation accepts, in DynamoDB's order; placeholders sent
     * without any of them are refused.
     */
    RequestExpressions(JsonNode request, List<String> expressionMembers) {
        this(request, expressionMembers, () -> { });
    }

    /**
     * {@code valueChecks}: the checks of the request's own attribute values (an Item, a Key), which DynamoDB runs
     * once it knows which parameters the request combines, and before it looks at the placeholders.
     */
    RequestExpressions(JsonNode request, List<String> expressionMembers, Runnable valueChecks) {
        this.request = request;
        if (LEGACY.stream().anyMatch(request::hasNonNull)) {
            Legacy.checkNotMixed(request);
        }
        if (!expressionMembers.isEmpty()) {
            ExpressionParameters.check(request, expressionMembers);
        }
        valueChecks.run();
        this.context = ExpressionContext.of(Json.objectOrNull(request, "ExpressionAttributeNames"),
                Json.objectOrNull(request, "ExpressionAttributeValues"));
    }

    /** ConditionExpression or Expected; null when the request has neither. */
    Condition condition() {
        String expression = Json.text(request, "ConditionExpression");
        if (expression != null) {
            return Expressions.condition(expression, context);
        }
        JsonNode expected = request.get("Expected");
        if (expected != null && !expected.isNull()) {
            return Legacy.expected(expected, Json.text(request, "ConditionalOperator"));
        }
        Legacy.checkConditionalOperator(0, Json.text(request, "ConditionalOperator"));
        return null;
    }

    /** FilterExpression, or the legacy filter named {@code legacyName} (QueryFilter, ScanFilter); null if none. */
    Condition filter(String legacyName) {
        String expression = Json.text(request, "FilterExpression");
        if (expression != null) {
            return Expressions.filter(expression, context);
        }
        JsonNode legacy = request.get(legacyName);
        String conditionalOperator = Json.text(request, "ConditionalOperator");
        if (legacy != null && !legacy.isNull()) {
            Legacy.checkConditionalOperator(legacy.size(), conditionalOperator);
            return Legacy.filter(legacy, conditionalOperator);
        }
        Legacy.checkConditionalOperator(0, conditionalOperator);
        return null;
    }

    /** UpdateExpression or AttributeUpdates; null when the request has neither. */
    Update update() {
        String expression = Json.text(request, "UpdateExpression");
        if (expression != null) {
            return Expressions.update(expression, context);
        }
        JsonNode legacy = request.get("AttributeUpdates");
        if (legacy != null && !legacy.isNull()) {
            return Legacy.attributeUpdates(legacy);
        }
        return null;
    }

    /** ProjectionExpression or AttributesToGet; null when the request asks for whole items. */
    Projection projection() {
        String expression = Json.text(request, "ProjectionExpression");
        if (expression != null) {
            return Expressions.projection(expression, context);
        }
        JsonNode legacy = request.get("AttributesToGet");
        if (legacy != null && !legacy.isNull()) {
            return Legacy.attributesToGet(legacy);
        }
        return null;
    }

    /** KeyConditionExpression or KeyConditions; null when the request has neither. */
    /** Checks a KeyConditionExpression as far as it can be checked without the table; see Expressions. */
    void checkKeyCondition() {
        String expression = Json.text(request, "KeyConditionExpression");
        if (expression != null) {
            Expressions.checkKeyCondition(expression, context);
        }
    }

    KeyCondition keyCondition(String hashKey, String rangeKey) {
        String expression = Json.text(request, "KeyConditionExpression");
        if (expression != null) {
            return Expressions.keyCondition(expression, context, hashKey, rangeKey);
        }
        JsonNode legacy = request.get("KeyConditions");
        if (legacy != null && !legacy.isNull()) {
            return Legacy.keyConditions(legacy, hashKey, rangeKey);
        }
        return null;
    }

    /** The key condition against an index key of several HASH or RANGE attributes, or null without one. */
    MultiKeyCondition multiKeyCondition(List<String> hashKeys, List<String> rangeKeys) {
        String expression = Json.text(request, "KeyConditionExpression");
        if (expression != null) {
            return Expressions.multiKeyCondition(expression, context, hashKeys, rangeKeys);
        }
        JsonNode legacy = request.get("KeyConditions");
        return legacy == null || legacy.isNull() ? null : Legacy.multiKeyConditions(legacy, hashKeys, rangeKeys);
    }

    void verifyAllUsed() {
        context.verifyAllUsed();
    }
}
