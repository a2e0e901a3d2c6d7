package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all of its
 * expressions. Records which placeholders the expressions used so that {@link #verifyAllUsed()} can reject the
 * leftovers as DynamoDB does.
 *
 * <pre>{@code
 * ExpressionContext ctx = ExpressionContext.of(names, values);
 * Condition condition = Expressions.condition(request.path("ConditionExpression").asText(), ctx);
 * Update update = Expressions.update(request.path("UpdateExpression").asText(), ctx);
 * ctx.verifyAllUsed();
 * }</pre>
 *
 * Not thread-safe: one per request.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ExpressionPlaceholders.html">
 *     Expression attribute names and values</a>
 */
public final class ExpressionContext {

    private final ObjectNode names;
    private final ObjectNode values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    private ExpressionContext(ObjectNode names, ObjectNode values) {
        this.names = names;
        this.values = values;
    }

    /**
     * Validates the placeholders as DynamoDB does (not empty, keys starting with {@code #} / {@code :}, values
     * well-formed) and wraps them. Either may be null when the request has none.
     */
    public static ExpressionContext of(ObjectNode names, ObjectNode values) {
        if (names != null) {
            if (names.isEmpty()) {
                throw ApiException.validation("ExpressionAttributeNames must not be empty");
            }
            for (Iterator<String> it = names.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!validPlaceholder(key, '#')) {
                    throw ApiException.validation(
                            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
                }
                String name = names.get(key).asText();
                if (name.isEmpty()) {
                    throw ApiException.validation(
                            "ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
                }
                AttributeValues.checkName(name);
            }
        }
        if (values != null) {
            if (values.isEmpty()) {
                throw ApiException.validation("ExpressionAttributeValues must not be empty");
            }
            // every key is checked before any value: a malformed key is reported over an earlier malformed value
            for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!validPlaceholder(key, ':')) {
                    throw ApiException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                            + key + "\"");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    AttributeValues.validateValue(e.getValue());
                } catch (ApiException invalid) {
                    if (AttributeValues.isTooDeep(invalid)) {
                        throw invalid;
                    }
                    throw ApiException.validation("ExpressionAttributeValues contains invalid value: "
                            + invalid.getMessage() + " for key " + e.getKey());
                }
            }
        }
        return new ExpressionContext(names, values);
    }

    /** Whether every key of ExpressionAttributeValues is well formed; DynamoDB reports a malformed key first. */
    public static boolean wellFormedValueKeys(JsonNode values) {
        if (values == null || !values.isObject()) {
            return true;
        }
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            if (!validPlaceholder(it.next(), ':')) {
                return false;
            }
        }
        return true;
    }

    /** A context for requests without placeholders. */
    public static ExpressionContext empty() {
        return new ExpressionContext(null, null);
    }

    private static boolean validPlaceholder(String key, char prefix) {
        if (key.length() < 2 || key.charAt(0) != prefix) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (!Lexer.isPlaceholderChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The attribute name behind {@code #placeholder}; marks it used. */
    String name(String placeholder, ExpressionKind kind) {
        JsonNode name = names == null ? null : names.get(placeholder);
        if (name == null) {
            throw ApiException.validation(kind.invalid(
                    "An expression attribute name used in the document path is not defined; attribute name: "
                            + placeholder));
        }
        usedNames.add(placeholder);
        return name.asText();
    }

    /** The value behind {@code :placeholder}; marks it used. */
    JsonNode value(String placeholder, ExpressionKind kind) {
        JsonNode value = values == null ? null : values.get(placeholder);
        if (value == null) {
            throw ApiException.validation(kind.invalid(
                    "An expression attribute value used in expression is not defined; attribute value: "
                            + placeholder));
        }
        usedValues.add(placeholder);
        return value;
    }

    /** Throws DynamoDB's error for names or values that no expression of the request used. */
    public void verifyAllUsed() {
        List<String> unusedNames = unused(names, usedNames);
        if (!unusedNames.isEmpty()) {
            throw ApiException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        List<String> unusedValues = unused(values, usedValues);
        if (!unusedValues.isEmpty()) {
            throw ApiException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    private static List<String> unused(ObjectNode provided, Set<String> used) {
        List<String> unused = new ArrayList<>();
        if (provided != null) {
            provided.fieldNames().forEachRemaining(key -> {
                if (!used.contains(key)) {
                    unused.add(key);
                }
            });
        }
        return unused;
    }
}
