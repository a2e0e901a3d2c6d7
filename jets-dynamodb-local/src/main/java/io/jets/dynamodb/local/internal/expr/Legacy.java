package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters DynamoDB had before expressions — Expected, AttributeUpdates, AttributesToGet, KeyConditions,
 * QueryFilter, ScanFilter, ConditionalOperator — translated into the same {@link Condition}, {@link Update},
 * {@link Projection} and {@link KeyCondition} the expressions produce, with DynamoDB's validation messages.
 *
 * <pre>{@code
 * Legacy.checkParameters(request, "UpdateItem");
 * Condition condition = request.has("Expected")
 *         ? Legacy.expected(request.get("Expected"), request.path("ConditionalOperator").asText(null))
 *         : Expressions.condition(request.get("ConditionExpression").asText(), ctx);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html">
 *     Legacy conditional parameters</a>
 */
public final class Legacy {

    private static final Set<String> KEY_CONDITION_OPERATORS = Set.of("EQ", "NE", "LE", "LT", "GE", "GT",
            "NOT_NULL", "NULL", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH", "IN", "BETWEEN");
    // DynamoDB names a Query's FilterExpression before its KeyConditionExpression, as it does when it finds
    // ExpressionAttributeValues with neither
    private static final List<String> ALL_EXPRESSIONS = List.of("UpdateExpression", "ConditionExpression",
            "FilterExpression", "KeyConditionExpression", "ProjectionExpression");
    private static final List<String> ALL_LEGACY = List.of("AttributesToGet", "AttributeUpdates", "Expected",
            "KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator");

    /** Per operation: its expression parameters, then its legacy parameters, in DynamoDB's order. */
    private static final Map<String, List<List<String>>> PARAMETERS = Map.of(
            "PutItem", List.of(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator")),
            "DeleteItem", List.of(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator")),
            "UpdateItem", List.of(List.of("UpdateExpression", "ConditionExpression"),
                    List.of("AttributeUpdates", "Expected", "ConditionalOperator")),
            "GetItem", List.of(List.of("ProjectionExpression"), List.of("AttributesToGet")),
            "Query", List.of(List.of("FilterExpression", "KeyConditionExpression", "ProjectionExpression"),
                    List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions")),
            "Scan", List.of(List.of("FilterExpression", "ProjectionExpression"),
                    List.of("AttributesToGet", "ScanFilter", "ConditionalOperator")));

    private Legacy() {
    }

    /** {@code Expected} with its {@code ConditionalOperator} (null means AND). */
    public static Condition expected(JsonNode expected, String conditionalOperator) {
        checkConditionalOperator(expected == null ? 0 : expected.size(), conditionalOperator);
        List<LegacyConditions.Comparison> conditions = new ArrayList<>();
        if (expected != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                conditions.add(LegacyConditions.expected(e.getKey(), e.getValue()));
            }
        }
        return LegacyConditions.combine(conditions, conditionalOperator);
    }

    /** A ConditionalOperator joins two or more conditions: DynamoDB refuses it with fewer. */
    public static void checkConditionalOperator(int conditions, String conditionalOperator) {
        if (conditionalOperator == null) {
            return;
        }
        if (conditions == 0) {
            throw ApiException.validation("ConditionalOperator cannot be used without Filter or Expected");
        }
        if (conditions == 1) {
            throw ApiException.validation(
                    "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        }
    }

    /** {@code QueryFilter} or {@code ScanFilter} with its {@code ConditionalOperator} (null means AND). */
    public static Condition filter(JsonNode filter, String conditionalOperator) {
        return LegacyConditions.combine(LegacyConditions.filters(filter), conditionalOperator);
    }

    /** {@code AttributeUpdates}: PUT (the default), DELETE and ADD actions on top-level attributes. */
    public static Update attributeUpdates(JsonNode attributeUpdates) {
        List<Update.Action> actions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attributeUpdates.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            AttributeValues.checkName(e.getKey());
            DocumentPath path = DocumentPath.of(e.getKey());
            String action = e.getValue().path("Action").asText("PUT");
            JsonNode value = e.getValue().get("Value");
            if (value != null && !value.isNull()) {
                AttributeValues.validateValue(value);
            } else {
                value = null;
            }
            if (value == null && !action.equals("DELETE")) {
                throw LegacyConditions.invalid("Only DELETE action is allowed when no attribute value is specified");
            }
            String type = value == null ? null : AttributeValues.type(value);
            switch (action) {
                case "PUT" -> actions.add(new Update.Action(Update.ActionType.SET, path,
                        new Operand.ValueOperand(e.getKey(), value)));
                case "DELETE" -> {
                    if (value == null) {
                        actions.add(new Update.Action(Update.ActionType.REMOVE, path, null));
                    } else if (!Set.of("SS", "NS", "BS").contains(type)) {
                        throw LegacyConditions.invalid("DELETE action with value is not supported for the type " + type);
                    } else {
                        actions.add(new Update.Action(Update.ActionType.DELETE, path,
                                new Operand.ValueOperand(e.getKey(), value)));
                    }
                }
                case "ADD" -> {
                    if (!Set.of("N", "SS", "NS", "BS", "L").contains(type)) {
                        throw LegacyConditions.invalid("ADD action is not supported for the type " + type);
                    }
                    actions.add(new Update.Action(Update.ActionType.ADD, path,
                            new Operand.ValueOperand(e.getKey(), value)));
                }
                default -> throw ApiException.validation("1 validation error detected: Value '" + action
                        + "' at 'attributeUpdates." + e.getKey() + ".member.action' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
        }
        return new Update(actions, true);
    }

    /** {@code AttributesToGet}. */
    public static Projection attributesToGet(JsonNode attributesToGet) {
        if (attributesToGet.isEmpty()) {
            throw ApiException.validation("1 validation error detected: Value '[]' at 'attributesToGet' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        List<DocumentPath> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : attributesToGet) {
            AttributeValues.checkName(name.asText());
            if (!seen.add(name.asText())) {
                throw LegacyConditions.invalid("Duplicate value in attribute name: " + name.asText());
            }
            paths.add(DocumentPath.of(name.asText()));
        }
        return new Projection(paths);
    }

    /** {@code KeyConditions} of a Query on a table or index keyed by {@code hashKey} and {@code rangeKeyOrNull}. */
    public static KeyCondition keyConditions(JsonNode keyConditions, String hashKey, String rangeKeyOrNull) {
        List<LegacyConditions.Comparison> comparisons = new ArrayList<>();
        if (keyConditions != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = keyConditions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                comparisons.add(LegacyConditions.filter(e.getKey(), e.getValue()));
            }
        }
        if (comparisons.isEmpty() || comparisons.size() > 2) {
            throw ApiException.validation("Conditions can be of length 1 or 2 only");
        }
        return KeyConditions.withSchema(terms(comparisons), hashKey, rangeKeyOrNull);
    }

    /**
     * Checks each comparison of {@code KeyConditions} (its operator's argument count and its values) from the
     * request alone, as DynamoDB does before it looks the table up; a comparison without a known operator is left
     * to {@link #keyConditions}.
     */
    public static void checkKeyConditionComparisons(JsonNode keyConditions) {
        for (Iterator<Map.Entry<String, JsonNode>> it = keyConditions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (KEY_CONDITION_OPERATORS.contains(e.getValue().path("ComparisonOperator").asText())) {
                LegacyConditions.filter(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * {@code KeyConditions} of a Query on an index keyed by several HASH or RANGE attributes, held to the rules of
     * its KeyConditionExpression.
     */
    public static MultiKeyCondition multiKeyConditions(JsonNode keyConditions, List<String> hashKeys,
                                                       List<String> rangeKeys) {
        List<LegacyConditions.Comparison> comparisons = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = keyConditions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            comparisons.add(LegacyConditions.filter(e.getKey(), e.getValue()));
        }
        return MultiKeyCondition.of(terms(comparisons), hashKeys, rangeKeys);
    }

    private static List<KeyConditions.Term> terms(List<LegacyConditions.Comparison> comparisons) {
        List<KeyConditions.Term> terms = new ArrayList<>();
        for (LegacyConditions.Comparison comparison : comparisons) {
            KeyCondition.RangeOperator operator = switch (comparison.operator()) {
                case "EQ" -> KeyCondition.RangeOperator.EQ;
                case "LT" -> KeyCondition.RangeOperator.LT;
                case "LE" -> KeyCondition.RangeOperator.LE;
                case "GT" -> KeyCondition.RangeOperator.GT;
                case "GE" -> KeyCondition.RangeOperator.GE;
                case "BETWEEN" -> KeyCondition.RangeOperator.BETWEEN;
                case "BEGINS_WITH" -> KeyCondition.RangeOperator.BEGINS_WITH;
                default -> throw ApiException.validation("Attempted conditional constraint is not an indexable operation");
            };
            terms.add(new KeyConditions.Term(comparison.attribute(), operator, comparison.values()));
        }
        return terms;
    }

    /**
     * Rejects a request that mixes legacy and expression parameters, with DynamoDB's message naming both sides.
     * KeyConditions alongside a FilterExpression is allowed, as DynamoDB allows it.
     */
    public static void checkNotMixed(JsonNode request) {
        checkMixing(request, ALL_EXPRESSIONS, ALL_LEGACY);
    }

    /**
     * {@link #checkNotMixed} for one operation ({@code PutItem}, {@code UpdateItem}, {@code DeleteItem},
     * {@code GetItem}, {@code Query}, {@code Scan}), plus DynamoDB's errors for ExpressionAttributeNames or
     * ExpressionAttributeValues sent without an expression that could use them.
     */
    public static void checkParameters(JsonNode request, String operation) {
        List<List<String>> parameters = PARAMETERS.get(operation);
        if (parameters == null) {
            throw new IllegalArgumentException("no legacy parameters for operation " + operation);
        }
        List<String> expressions = parameters.get(0);
        List<String> present = checkMixing(request, expressions, parameters.get(1));
        if (request.hasNonNull("ExpressionAttributeNames") && present.isEmpty()) {
            throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = new ArrayList<>(expressions);
        valueExpressions.remove("ProjectionExpression");
        if (!valueExpressions.isEmpty() && request.hasNonNull("ExpressionAttributeValues")
                && valueExpressions.stream().noneMatch(request::hasNonNull)) {
            throw ApiException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is")
                    + " null");
        }
    }

    private static List<String> checkMixing(JsonNode request, List<String> expressions, List<String> legacy) {
        List<String> expressionParameters = expressions.stream().filter(request::hasNonNull).toList();
        if (!expressionParameters.isEmpty()) {
            boolean keyConditionsAllowed = !request.hasNonNull("KeyConditionExpression");
            List<String> legacyParameters = legacy.stream()
                    .filter(p -> !(keyConditionsAllowed && p.equals("KeyConditions")))
                    .filter(request::hasNonNull).toList();
            if (!legacyParameters.isEmpty()) {
                throw ApiException.validation("Can not use both expression and non-expression parameters in the "
                        + "same request: Non-expression parameters: {" + String.join(", ", legacyParameters)
                        + "} Expression parameters: {" + String.join(", ", expressionParameters) + "}");
            }
        }
        return expressionParameters;
    }
}
