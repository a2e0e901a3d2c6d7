package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expected, QueryFilter and ScanFilter: validation with DynamoDB's messages and the comparison semantics. */
final class LegacyConditions {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> ORDERED_TYPES = Set.of("S", "N", "B");
    /** Value types each operator accepts in a filter; EQ and NE compare values of any type, lists and maps too. */
    private static final Map<String, Set<String>> FILTER_TYPES = Map.ofEntries(
            Map.entry("LE", ORDERED_TYPES), Map.entry("LT", ORDERED_TYPES),
            Map.entry("GE", ORDERED_TYPES), Map.entry("GT", ORDERED_TYPES),
            Map.entry("CONTAINS", ORDERED_TYPES), Map.entry("NOT_CONTAINS", ORDERED_TYPES),
            Map.entry("BEGINS_WITH", Set.of("S", "B")), Map.entry("IN", ORDERED_TYPES),
            Map.entry("BETWEEN", ORDERED_TYPES));

    /** One attribute's comparison. */
    record Comparison(String attribute, String operator, List<JsonNode> values) implements Condition {
        @Override
        public boolean test(ObjectNode item) {
            JsonNode actual = item == null ? null : item.get(attribute);
            JsonNode first = values.isEmpty() ? null : values.get(0);
            return switch (operator) {
                case "EQ" -> AttributeValues.equal(actual, first);
                case "NE" -> !AttributeValues.equal(actual, first);
                case "LT" -> Functions.ordered(actual, "<", first);
                case "LE" -> Functions.ordered(actual, "<=", first);
                case "GT" -> Functions.ordered(actual, ">", first);
                case "GE" -> Functions.ordered(actual, ">=", first);
                case "NULL" -> actual == null;
                case "NOT_NULL" -> actual != null;
                case "CONTAINS" -> Functions.contains(actual, first);
                case "NOT_CONTAINS" -> actual != null && !Functions.contains(actual, first);
                case "BEGINS_WITH" -> Functions.beginsWith(actual, first);
                case "IN" -> values.stream().anyMatch(v -> AttributeValues.equal(actual, v));
                case "BETWEEN" -> Functions.between(actual, first, values.get(1));
                default -> throw new IllegalStateException("unknown ComparisonOperator " + operator);
            };
        }
    }

    private LegacyConditions() {
    }

    /** Entries joined by ConditionalOperator: all must hold (AND), or any (OR). */
    record Combined(List<Comparison> comparisons, boolean or) implements Condition {
        Combined {
            comparisons = List.copyOf(comparisons);
        }

        @Override
        public boolean test(ObjectNode item) {
            for (Comparison comparison : comparisons) {
                if (comparison.test(item) == or) {
                    return or;
                }
            }
            return !or;
        }
    }

    static Condition combine(List<Comparison> comparisons, String conditionalOperator) {
        return comparisons.isEmpty() ? Condition.ALWAYS : new Combined(comparisons, "OR".equals(conditionalOperator));
    }

    /** An {@code Expected} entry: Value/Exists, or ComparisonOperator with Value or AttributeValueList. */
    static Comparison expected(String attribute, JsonNode entry) {
        boolean hasList = entry.has("AttributeValueList");
        boolean hasValue = entry.hasNonNull("Value");
        if (hasList && hasValue) {
            throw invalid("Value and AttributeValueList cannot be used together for Attribute: " + attribute);
        }
        if (entry.hasNonNull("ComparisonOperator")) {
            String operator = entry.get("ComparisonOperator").asText();
            if (entry.has("Exists")) {
                throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
            }
            if (!operator.equals("NULL") && !operator.equals("NOT_NULL") && !hasList && !hasValue) {
                throw invalid("Value or AttributeValueList must be used with ComparisonOperator: " + operator
                        + " for Attribute: " + attribute);
            }
            List<JsonNode> values = new ArrayList<>();
            if (hasList) {
                entry.get("AttributeValueList").forEach(values::add);
            } else if (hasValue) {
                values.add(entry.get("Value"));
            }
            values.forEach(AttributeValues::validateValue);
            checkCount(operator, values.size());
            checkSameType(values);
            if (!operator.equals("EQ") && !operator.equals("NE")) {
                checkTypes(operator, values);
            }
            checkBetween(operator, values);
            return new Comparison(attribute, operator, values);
        }
        if (hasList) {
            throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
        }
        JsonNode exists = entry.get("Exists");
        boolean mustExist = exists == null || exists.isNull() || exists.asBoolean();
        if (mustExist && !hasValue) {
            throw invalid("Value must be provided when Exists is "
                    + (exists == null || exists.isNull() ? "null" : "true") + " for Attribute: " + attribute);
        }
        if (!mustExist && hasValue) {
            throw invalid("Value cannot be used when Exists is false for Attribute: " + attribute);
        }
        if (!mustExist) {
            return new Comparison(attribute, "NULL", List.of());
        }
        AttributeValues.validateValue(entry.get("Value"));
        return new Comparison(attribute, "EQ", List.of(entry.get("Value")));
    }

    /** A QueryFilter, ScanFilter or KeyConditions entry: ComparisonOperator and AttributeValueList. */
    static Comparison filter(String attribute, JsonNode entry) {
        String operator = entry.path("ComparisonOperator").asText();
        List<JsonNode> values = new ArrayList<>();
        entry.path("AttributeValueList").forEach(values::add);
        values.forEach(AttributeValues::validateValue);
        checkCount(operator, values.size());
        checkSameType(values);
        checkTypes(operator, values);
        checkBetween(operator, values);
        return new Comparison(attribute, operator, values);
    }

    static List<Comparison> filters(JsonNode filter) {
        List<Comparison> conditions = new ArrayList<>();
        if (filter != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                conditions.add(filter(e.getKey(), e.getValue()));
            }
        }
        return conditions;
    }

    private static void checkCount(String operator, int count) {
        boolean valid = switch (operator) {
            case "NULL", "NOT_NULL" -> count == 0;
            case "IN" -> count > 0;
            case "BETWEEN" -> count == 2;
            case "EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH" -> count == 1;
            default -> throw ApiException.validation("1 validation error detected: Value '" + operator
                    + "' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        };
        if (!valid) {
            throw invalid("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
    }

    /** The types an operator compares; Expected's EQ and NE, which compare any type, skip this check. */
    private static void checkTypes(String operator, List<JsonNode> values) {
        Set<String> allowed = FILTER_TYPES.get(operator);
        if (allowed != null) {
            for (JsonNode value : values) {
                String type = AttributeValues.type(value);
                if (!allowed.contains(type)) {
                    throw invalid("ComparisonOperator " + operator + " is not valid for " + type
                            + " AttributeValue type");
                }
            }
        }
    }

    private static void checkSameType(List<JsonNode> values) {
        for (JsonNode value : values) {
            if (!AttributeValues.type(value).equals(AttributeValues.type(values.get(0)))) {
                throw invalid("AttributeValues inside AttributeValueList must be of same type");
            }
        }
    }

    private static void checkBetween(String operator, List<JsonNode> values) {
        if (operator.equals("BETWEEN") && ORDERED_TYPES.contains(AttributeValues.type(values.get(0)))
                && AttributeValues.compare(values.get(0), values.get(1)) > 0) {
            throw ApiException.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    static ApiException invalid(String detail) {
        return ApiException.validation(INVALID + detail);
    }
}
