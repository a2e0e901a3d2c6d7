package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;

/** The semantics of the condition functions and comparators; any type mismatch is simply false. */
final class Functions {

    private Functions() {
    }

    static boolean beginsWith(JsonNode value, JsonNode prefix) {
        if (value == null || prefix == null) {
            return false;
        }
        if (value.has("S") && prefix.has("S")) {
            return value.get("S").asText().startsWith(prefix.get("S").asText());
        }
        if (value.has("B") && prefix.has("B")) {
            byte[] v = AttributeValues.bytes(value.get("B"));
            byte[] p = AttributeValues.bytes(prefix.get("B"));
            return v.length >= p.length && Arrays.equals(v, 0, p.length, p, 0, p.length);
        }
        return false;
    }

    static boolean contains(JsonNode value, JsonNode operand) {
        if (value == null || operand == null) {
            return false;
        }
        String type = AttributeValues.type(value);
        String operandType = AttributeValues.type(operand);
        switch (type) {
            case "S":
                return "S".equals(operandType) && value.get("S").asText().contains(operand.get("S").asText());
            case "B":
                if (!"B".equals(operandType)) {
                    return false;
                }
                byte[] haystack = AttributeValues.bytes(value.get("B"));
                byte[] needle = AttributeValues.bytes(operand.get("B"));
                for (int i = 0; i + needle.length <= haystack.length; i++) {
                    if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
                return false;
            case "SS", "NS", "BS":
                return type.substring(0, 1).equals(operandType)
                        && AttributeValues.setContains(type, value.get(type), operand.get(operandType));
            case "L":
                for (JsonNode element : value.get("L")) {
                    if (AttributeValues.equal(element, operand)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    /** {@code <}, {@code <=}, {@code >}, {@code >=}: only between two numbers, strings or binaries of one type. */
    static boolean ordered(JsonNode a, String operator, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = AttributeValues.type(a);
        if (!type.equals(AttributeValues.type(b)) || !(type.equals("N") || type.equals("S") || type.equals("B"))) {
            return false;
        }
        int c = AttributeValues.compare(a, b);
        return switch (operator) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    static boolean between(JsonNode value, JsonNode low, JsonNode high) {
        return ordered(value, ">=", low) && ordered(value, "<=", high);
    }
}
