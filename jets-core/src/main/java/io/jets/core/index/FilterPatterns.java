package io.jets.core.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Lambda event filter pattern the way Lambda does when a mapping is created, so that a bad pattern is a
 * compile error instead of a failed deploy.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">Lambda event filtering</a>
 */
final class FilterPatterns {

    static final int MAX_LENGTH = 4096;
    static final int MAX_FILTERS = 5;
    static final String OPERATORS = "exact values, null, \"\", prefix, suffix, anything-but, numeric, exists,"
            + " equals-ignore-case";

    /**
     * What Lambda answers (InvalidParameterValueException) when CreateEventSourceMapping gets a pattern it cannot
     * parse; CloudFormation reports it as {@code Invalid request provided: Invalid filter pattern definition.}
     */
    static final String INVALID = "Invalid filter pattern definition.";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> NUMERIC_OPERATORS = Set.of("=", "<", "<=", ">", ">=");

    private FilterPatterns() {
    }

    /**
     * Why {@code pattern} is not a valid filter pattern, as a sentence about {@code name} ({@code filters[0]}),
     * or empty when it is. A pattern Lambda cannot parse gets Lambda's own words, then the reason.
     */
    static Optional<String> problem(String pattern, String name) {
        if (pattern.length() > MAX_LENGTH) {
            return Optional.of(name + " must be at most " + MAX_LENGTH + " characters, got: " + pattern.length());
        }
        return structure(pattern).map(reason -> name + ": " + INVALID + " " + reason + ", got: " + pattern);
    }

    private static Optional<String> structure(String pattern) {
        JsonNode root;
        try {
            root = MAPPER.readTree(pattern);
        } catch (JsonProcessingException e) {
            return Optional.of("The pattern is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            return Optional.of("The pattern must be a non-empty JSON object such as {\"eventName\":[\"INSERT\"]}");
        }
        return object(root);
    }

    private static Optional<String> object(JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            Optional<String> problem;
            if (value.isObject()) {
                problem = value.isEmpty()
                        ? Optional.of("Field \"" + field.getKey() + "\" has an empty object")
                        : object(value);
            } else if (value.isArray()) {
                problem = matchers(field.getKey(), value);
            } else {
                problem = Optional.of("Field \"" + field.getKey() + "\" must have an array of values or a nested"
                        + " object, not " + value);
            }
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> matchers(String field, JsonNode array) {
        if (array.isEmpty()) {
            return Optional.of("Field \"" + field + "\" has an empty array of values");
        }
        for (JsonNode matcher : array) {
            if (matcher.isObject()) {
                Optional<String> problem = operator(field, matcher);
                if (problem.isPresent()) {
                    return problem;
                }
            } else if (matcher.isArray()) {
                return Optional.of("Field \"" + field + "\" has a nested array " + matcher);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> operator(String field, JsonNode matcher) {
        if (matcher.size() != 1) {
            return Optional.of("Field \"" + field + "\" has a matcher with " + matcher.size()
                    + " operators; use one operator per object: " + matcher);
        }
        Map.Entry<String, JsonNode> op = matcher.fields().next();
        JsonNode value = op.getValue();
        boolean valid;
        switch (op.getKey()) {
            case "prefix", "suffix" -> valid = value.isTextual() || isIgnoreCase(value);
            case "equals-ignore-case" -> valid = value.isTextual();
            case "exists" -> valid = value.isBoolean();
            case "numeric" -> valid = isNumericRange(value);
            case "anything-but" -> valid = isAnythingBut(value);
            default -> {
                return Optional.of("Field \"" + field + "\" uses unknown operator \"" + op.getKey()
                        + "\"; use one of " + OPERATORS);
            }
        }
        return valid ? Optional.empty()
                : Optional.of("Field \"" + field + "\" has an invalid \"" + op.getKey() + "\" value " + value);
    }

    private static boolean isIgnoreCase(JsonNode value) {
        return value.isObject() && value.size() == 1 && value.path("equals-ignore-case").isTextual();
    }

    private static boolean isAnythingBut(JsonNode value) {
        if (value.isTextual() || value.isNumber()) {
            return true;
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return false;
            }
            for (JsonNode element : value) {
                if (!element.isTextual() && !element.isNumber()) {
                    return false;
                }
            }
            return true;
        }
        if (value.isObject() && value.size() == 1) {
            JsonNode prefix = value.get("prefix");
            JsonNode suffix = value.get("suffix");
            JsonNode ignoreCase = value.get("equals-ignore-case");
            return (prefix != null && prefix.isTextual()) || (suffix != null && suffix.isTextual())
                    || (ignoreCase != null && (ignoreCase.isTextual() || ignoreCase.isArray()));
        }
        return false;
    }

    // ["<", 10], [">", 0, "<=", 5], ["=", 7]
    private static boolean isNumericRange(JsonNode value) {
        if (!value.isArray() || (value.size() != 2 && value.size() != 4)) {
            return false;
        }
        for (int i = 0; i < value.size(); i += 2) {
            if (!value.get(i).isTextual() || !NUMERIC_OPERATORS.contains(value.get(i).asText())
                    || !value.get(i + 1).isNumber()) {
                return false;
            }
        }
        return value.size() == 2 || !value.get(0).asText().equals("=");
    }
}
