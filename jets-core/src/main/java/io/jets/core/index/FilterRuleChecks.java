package io.jets.core.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.core.index.FilterPatterns.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one operator object of a filter pattern ({@code {"prefix": "us-"}}, {@code {"numeric": [">", 0]}}, …)
 * against EventBridge's rules, which Lambda applies, with EventBridge's reasons.
 */
final class FilterRuleChecks {

    /** The operators Lambda documents; EventBridge's {@code wildcard} and {@code cidr} are not among them. */
    static final String OPERATORS = "prefix, suffix, equals-ignore-case, anything-but, numeric, exists";

    private static final Set<String> NOT_IN_LAMBDA = Set.of("wildcard", "cidr");

    private FilterRuleChecks() {
    }

    static void check(JsonNode rule) {
        if (rule.isEmpty()) {
            throw new Refused("Match expression name not found");
        }
        String operator = rule.fieldNames().next();
        JsonNode value = rule.get(operator);
        switch (operator) {
            case "prefix", "suffix" -> affix(operator, value);
            case "equals-ignore-case" -> string(value, "equals-ignore-case match pattern must be a string");
            case "exists" -> {
                if (!value.isBoolean()) {
                    throw new Refused("exists match pattern must be either true or false.");
                }
            }
            case "numeric" -> numeric(value);
            case "anything-but" -> anythingBut(value);
            default -> throw new Refused(NOT_IN_LAMBDA.contains(operator)
                    ? "\"" + operator + "\" is not among the operators of Lambda event filtering (" + OPERATORS + ")"
                    : "Unrecognized match type " + operator);
        }
        if (rule.size() > 1) {
            throw new Refused(operator.equals("numeric") || operator.equals("anything-but")
                    ? "Too many elements in numeric expression" : "Only one key allowed in match expression");
        }
    }

    /** {@code "us-"} or {@code {"equals-ignore-case": "us-"}}. */
    private static void affix(String operator, JsonNode value) {
        if (value.isObject() && !value.isEmpty()) {
            String inner = value.fieldNames().next();
            if (!inner.equals("equals-ignore-case")) {
                throw new Refused("Unsupported " + operator + " pattern: " + inner);
            }
            string(value.get(inner), "equals-ignore-case match pattern must be a string");
            if (value.size() > 1) {
                throw new Refused("Only one key allowed in match expression");
            }
            return;
        }
        string(value, operator + " match pattern must be a string");
    }

    /**
     * {@code ["=", 5]}, {@code ["<", 10]}, {@code [">=", 0]} or a lower then an upper bound:
     * {@code [">", 0, "<=", 5]}.
     */
    private static void numeric(JsonNode value) {
        if (!value.isArray()) {
            throw new Refused("Value of numeric must be an array.");
        }
        List<JsonNode> terms = elements(value);
        if (terms.isEmpty() || !terms.get(0).isTextual()) {
            throw new Refused("Invalid member in numeric match: " + (terms.isEmpty() ? "]" : terms.get(0).asText()));
        }
        String operator = terms.get(0).asText();
        if (!Set.of("=", "<", "<=", ">", ">=").contains(operator)) {
            throw new Refused("Unrecognized numeric range operator: " + operator);
        }
        number(terms, 1, operator.equals("=") ? "equals" : operator);
        boolean lower = operator.startsWith(">");
        if (terms.size() == 2) {
            return;
        }
        if (!lower) {
            throw new Refused("Too many elements in numeric expression");
        }
        if (!terms.get(2).isTextual()) {
            throw new Refused("Bad value in numeric range: " + terms.get(2).asText());
        }
        String upper = terms.get(2).asText();
        if (!upper.equals("<") && !upper.equals("<=")) {
            throw new Refused("Bad numeric range operator: " + upper);
        }
        number(terms, 3, upper);
        if (terms.size() > 4) {
            throw new Refused("Too many terms in numeric range expression");
        }
    }

    private static void number(List<JsonNode> terms, int index, String operator) {
        if (terms.size() <= index || !terms.get(index).isNumber()) {
            throw new Refused("Value of " + operator + " must be numeric");
        }
    }

    /**
     * A string, a number, a list of strings or of numbers, or {@code {"prefix" | "suffix" | "equals-ignore-case":
     * a string or a list of strings}}.
     */
    private static void anythingBut(JsonNode value) {
        String inner = null;
        JsonNode operand = value;
        if (value.isObject()) {
            if (value.isEmpty()) {
                throw new Refused("Anything-but expression name not found");
            }
            inner = value.fieldNames().next();
            if (!Set.of("prefix", "suffix", "equals-ignore-case").contains(inner)) {
                throw new Refused(NOT_IN_LAMBDA.contains(inner)
                        ? "\"" + inner + "\" is not among the operators of Lambda event filtering (" + OPERATORS + ")"
                        : "Unsupported anything-but pattern: " + inner);
            }
            operand = value.get(inner);
            if (value.size() > 1) {
                throw new Refused("Too many elements in numeric expression");
            }
        }
        if (!operand.isArray() && !operand.isTextual() && !operand.isNumber()) {
            throw new Refused("Value of anything-but must be an array or single string/number value.");
        }
        if (inner == null) {
            plainAnythingBut(operand);
            return;
        }
        for (JsonNode one : operand.isArray() ? elements(operand) : List.of(operand)) {
            if (!one.isTextual()) {
                throw new Refused(inner.equals("equals-ignore-case")
                        ? "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."
                        : "prefix/suffix match pattern must be a string");
            }
            if (!inner.equals("equals-ignore-case") && one.asText().isEmpty()) {
                throw new Refused("Null prefix/suffix not allowed");
            }
        }
    }

    private static void plainAnythingBut(JsonNode operand) {
        if (!operand.isArray()) {
            return;
        }
        boolean strings = false;
        boolean numbers = false;
        for (JsonNode one : operand) {
            if (one.isTextual()) {
                strings = true;
            } else if (one.isNumber()) {
                numbers = true;
            } else {
                throw new Refused("Inside anything but list, start|null|boolean is not supported.");
            }
        }
        if (strings == numbers) {
            throw new Refused("Inside anything but list, either all values are number or string,"
                    + " mixed type is not supported");
        }
    }

    private static void string(JsonNode value, String reason) {
        if (!value.isTextual()) {
            throw new Refused(reason);
        }
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
