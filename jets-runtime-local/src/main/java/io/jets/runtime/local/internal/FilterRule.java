package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * One rule of a filter pattern ({@code "open"}, {@code null}, {@code {"prefix": "us-"}}, {@code {"numeric": …}},
 * …) applied to one leaf value of the record. Strings match strings only, numbers numbers only: the string
 * {@code "42"} of a DynamoDB {@code N} attribute is never {@code 42} nor inside a numeric range. A rule this
 * engine does not know matches nothing; such patterns are refused when the application compiles.
 */
final class FilterRule {

    private FilterRule() {
    }

    /** {@code {"exists": false}} alone: it matches a field that has no value at all. */
    static boolean matchesAbsent(JsonNode rule) {
        return rule.isObject() && rule.size() == 1 && rule.has("exists") && !rule.get("exists").asBoolean();
    }

    static boolean matches(JsonNode rule, JsonNode value) {
        if (!rule.isObject()) {
            return equal(rule, value);
        }
        if (rule.size() != 1) {
            return false;
        }
        String operator = rule.fieldNames().next();
        JsonNode operand = rule.get(operator);
        return switch (operator) {
            case "exists" -> operand.isBoolean() && operand.asBoolean();
            case "prefix" -> affix(operand, value, String::startsWith);
            case "suffix" -> affix(operand, value, String::endsWith);
            case "equals-ignore-case" -> operand.isTextual() && value.isTextual()
                    && fold(value.asText()).equals(fold(operand.asText()));
            case "anything-but" -> anythingBut(operand, value);
            case "numeric" -> value.isNumber() && inRange(operand, value.decimalValue());
            default -> false;
        };
    }

    /** {@code "x"} or {@code {"equals-ignore-case": "x"}}. */
    private static boolean affix(JsonNode operand, JsonNode value, BiPredicate<String, String> test) {
        if (!value.isTextual()) {
            return false;
        }
        if (operand.isTextual()) {
            return test.test(value.asText(), operand.asText());
        }
        JsonNode ignoreCase = operand.path("equals-ignore-case");
        return operand.size() == 1 && ignoreCase.isTextual()
                && test.test(fold(value.asText()), fold(ignoreCase.asText()));
    }

    /**
     * Anything but a value or a list of values, or anything but what {@code prefix}, {@code suffix} or
     * {@code equals-ignore-case} (each with one string or a list) would match. A null value is "anything but"
     * every string; a field without a value matches no rule but {@code {"exists": false}}.
     */
    private static boolean anythingBut(JsonNode operand, JsonNode value) {
        if (operand.isArray()) {
            for (JsonNode excluded : operand) {
                if (equal(excluded, value)) {
                    return false;
                }
            }
            return true;
        }
        if (!operand.isObject()) {
            return !operand.isNull() && !equal(operand, value);
        }
        if (operand.size() != 1) {
            return false;
        }
        String operator = operand.fieldNames().next();
        JsonNode excluded = operand.get(operator);
        BiPredicate<String, String> test = switch (operator) {
            case "prefix" -> String::startsWith;
            case "suffix" -> String::endsWith;
            case "equals-ignore-case" -> (text, wanted) -> fold(text).equals(fold(wanted));
            default -> null;
        };
        if (test == null || !(excluded.isTextual() || excluded.isArray())) {
            return false;
        }
        if (!value.isTextual()) {
            return true;
        }
        for (JsonNode one : excluded.isArray() ? excluded : List.of(excluded)) {
            if (one.isTextual() && test.test(value.asText(), one.asText())) {
                return false;
            }
        }
        return true;
    }

    /** {@code ["=", 5]}, {@code ["<", 10]} or a lower then an upper bound: {@code [">", 0, "<=", 5]}. */
    private static boolean inRange(JsonNode terms, BigDecimal value) {
        if (!terms.isArray() || terms.isEmpty() || terms.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < terms.size(); i += 2) {
            JsonNode bound = terms.get(i + 1);
            if (!bound.isNumber()) {
                return false;
            }
            int c = value.compareTo(bound.decimalValue());
            boolean within = switch (terms.get(i).asText()) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
            if (!within) {
                return false;
            }
        }
        return true;
    }

    /** Exact matching: strings character by character, numbers by value (300 equals 300.0), and null, true, false. */
    static boolean equal(JsonNode expected, JsonNode value) {
        if (expected.isNumber() || value.isNumber()) {
            return expected.isNumber() && value.isNumber()
                    && expected.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        if (expected.isTextual() || value.isTextual()) {
            return expected.isTextual() && value.isTextual() && expected.asText().equals(value.asText());
        }
        if (expected.isBoolean() || value.isBoolean()) {
            return expected.isBoolean() && value.isBoolean() && expected.asBoolean() == value.asBoolean();
        }
        return expected.isNull() && value.isNull();
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
