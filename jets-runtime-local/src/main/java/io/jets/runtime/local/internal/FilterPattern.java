package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Lambda event filter pattern, evaluated against a record: keys are AND'ed, the values listed for a key are
 * OR'ed, and a value is matched exactly (case-sensitive) or by an operator: {@code prefix}, {@code suffix},
 * {@code equals-ignore-case}, {@code anything-but}, {@code numeric}, {@code exists}; {@code [null]} matches a null
 * value and {@code [""]} an empty string. An array in the record matches when any element does. Patterns are
 * validated when the application compiles; here an unreadable one matches nothing. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">event filtering</a>.
 *
 * <pre>{@code
 * FilterPattern.parse("{\"eventName\":[\"INSERT\"]}", json).matches(record);
 * }</pre>
 */
public final class FilterPattern {

    private final JsonNode pattern;

    private FilterPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    public static FilterPattern parse(String pattern, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(pattern);
            return new FilterPattern(node != null && node.isObject() ? node : null);
        } catch (IOException e) {
            return new FilterPattern(null);
        }
    }

    public boolean matches(JsonNode record) {
        return pattern != null && matchesObject(pattern, record);
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode value) {
        Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode actual = value == null || !value.isObject() ? null : value.get(field.getKey());
            JsonNode expected = field.getValue();
            // A missing parent object still lets {"exists": false} below it match.
            boolean match = expected.isObject()
                    ? (actual == null || actual.isObject()) && matchesObject(expected, actual)
                    : expected.isArray() && matchesAny(expected, actual);
            if (!match) {
                return false;
            }
        }
        return true;
    }

    /** A field missing from the record is only matched by {@code {"exists": false}}. */
    private static boolean matchesAny(JsonNode matchers, JsonNode actual) {
        for (JsonNode matcher : matchers) {
            if (matcher.isObject() && matcher.has("exists")) {
                // Exists looks at leaf values only: an object, such as a DynamoDB attribute's {"S": …}, counts as
                // absent, so on Lambda {"status":[{"exists":true}]} never matches; {"status":{"S":[…]}} does.
                boolean present = actual != null && !actual.isObject();
                if (matcher.get("exists").asBoolean() == present) {
                    return true;
                }
                continue;
            }
            if (actual == null) {
                continue;
            }
            if (actual.isArray()) {
                for (JsonNode element : actual) {
                    if (matchesOne(matcher, element)) {
                        return true;
                    }
                }
            } else if (matchesOne(matcher, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesOne(JsonNode matcher, JsonNode actual) {
        if (!matcher.isObject()) {
            return equal(matcher, actual);
        }
        Map.Entry<String, JsonNode> operator = matcher.fields().next();
        JsonNode operand = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> actual.isTextual() && operandText(operand, actual, true);
            case "suffix" -> actual.isTextual() && operandText(operand, actual, false);
            case "equals-ignore-case" -> actual.isTextual() && operand.isTextual()
                    && actual.asText().equalsIgnoreCase(operand.asText());
            case "anything-but" -> anythingBut(operand, actual);
            case "numeric" -> actual.isNumber() && numeric(operand, actual.decimalValue());
            default -> false;
        };
    }

    /** {@code {"prefix":"x"}} or {@code {"prefix":{"equals-ignore-case":"x"}}}. */
    private static boolean operandText(JsonNode operand, JsonNode actual, boolean prefix) {
        String text = actual.asText();
        if (operand.isTextual()) {
            return prefix ? text.startsWith(operand.asText()) : text.endsWith(operand.asText());
        }
        JsonNode ignoreCase = operand.get("equals-ignore-case");
        if (ignoreCase == null || !ignoreCase.isTextual()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String wanted = ignoreCase.asText().toLowerCase(Locale.ROOT);
        return prefix ? lower.startsWith(wanted) : lower.endsWith(wanted);
    }

    private static boolean anythingBut(JsonNode operand, JsonNode actual) {
        if (operand.isArray()) {
            for (JsonNode excluded : operand) {
                if (equal(excluded, actual)) {
                    return false;
                }
            }
            return true;
        }
        if (operand.isObject()) {
            return !matchesOne(operand, actual);
        }
        return !equal(operand, actual);
    }

    private static boolean numeric(JsonNode operand, BigDecimal value) {
        List<JsonNode> terms = operand.isArray() ? toList(operand) : List.of();
        if (terms.isEmpty() || terms.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < terms.size(); i += 2) {
            if (!terms.get(i + 1).isNumber()) {
                return false;
            }
            int c = value.compareTo(terms.get(i + 1).decimalValue());
            boolean ok = switch (terms.get(i).asText()) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(JsonNode expected, JsonNode actual) {
        if (expected.isNull()) {
            return actual.isNull();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.isTextual() == actual.isTextual() && expected.isBoolean() == actual.isBoolean()
                && expected.asText().equals(actual.asText()) && !actual.isContainerNode();
    }

    private static List<JsonNode> toList(JsonNode array) {
        java.util.ArrayList<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
