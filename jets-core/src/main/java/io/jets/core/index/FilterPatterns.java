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
 * compile error instead of a failed deploy. Lambda uses EventBridge's pattern syntax: the reasons given are
 * EventBridge's own ({@code Empty arrays are not allowed}, {@code Bad numeric range operator: >}), after Lambda's
 * one-line answer.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">Lambda event filtering</a>
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html">EventBridge event
 *      patterns</a>
 */
final class FilterPatterns {

    static final int MAX_LENGTH = 4096;
    static final int MAX_FILTERS = 5;

    /**
     * What Lambda answers (InvalidParameterValueException) when CreateEventSourceMapping gets a pattern it cannot
     * parse; CloudFormation reports it as {@code Invalid request provided: Invalid filter pattern definition.}
     */
    static final String INVALID = "Invalid filter pattern definition.";

    private static final String OR = "$or";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Field names the engine keeps for operators, refused as field names inside {@code $or}. */
    private static final Set<String> RESERVED_IN_OR = Set.of("exactly", "equals-ignore-case", "prefix", "suffix",
            "anything-but", "exists", "wildcard", "numeric", "cidr", "=", "<", "<=", ">", ">=", "regex",
            "not-wildcard", "not-equals-ignore-case", "date-after", "date-on-or-after", "date-before",
            "date-on-or-before", "in-date-range", "ip-address-in-range", "ip-address-not-in-range");

    /** Why a pattern is refused, in EventBridge's words where it has them. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

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
        try {
            check(pattern);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(name + ": " + INVALID + " " + e.getMessage() + ", got: " + pattern);
        }
    }

    private static void check(String pattern) {
        JsonNode root;
        try {
            root = MAPPER.readTree(pattern);
        } catch (JsonProcessingException e) {
            throw new Refused("The pattern is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new Refused("Filter is not an object");
        }
        object(root, false);
    }

    private static void object(JsonNode node, boolean insideOr) {
        if (node.isEmpty()) {
            throw new Refused("Empty objects are not allowed");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals(OR)) {
                or(value);
                continue;
            }
            if (insideOr && RESERVED_IN_OR.contains(field.getKey())) {
                throw new Refused(field.getKey() + " is Ruler reserved fieldName which cannot be used inside $or.");
            }
            if (value.isObject()) {
                object(value, insideOr);
            } else if (value.isArray()) {
                rules(value);
            } else {
                throw new Refused("\"" + field.getKey() + "\" must be an object or an array");
            }
        }
    }

    /** {@code "$or": [{…}, {…}]}: at least two sub-patterns, each an object. */
    private static void or(JsonNode value) {
        if (!value.isArray()) {
            throw new Refused("It must be an Array followed with $or.");
        }
        for (JsonNode branch : value) {
            if (!branch.isObject()) {
                throw new Refused("Only JSON object is allowed in array of $or relationship.");
            }
            object(branch, true);
        }
        if (value.size() < 2) {
            throw new Refused("There must have at least 2 Objects in $or relationship.");
        }
    }

    private static void rules(JsonNode array) {
        if (array.isEmpty()) {
            throw new Refused("Empty arrays are not allowed");
        }
        for (JsonNode rule : array) {
            if (rule.isObject()) {
                FilterRuleChecks.check(rule);
            } else if (rule.isArray()) {
                throw new Refused("Match value must be String, number, true, false, or null");
            }
        }
    }
}
