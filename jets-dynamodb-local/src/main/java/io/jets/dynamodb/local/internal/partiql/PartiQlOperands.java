package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Kind;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the terms of a PartiQL statement (attribute paths, literals, parameters and function calls) and turns
 * them into expression text, with names and values moved into the placeholders the expression engine takes. It
 * also counts the top-level attributes the terms name, so that a WHERE clause can tell which attributes a branch
 * mentions beyond its key equalities.
 */
final class PartiQlOperands {

    private static final Set<String> FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
            "attribute_type", "begins_with", "contains", "size");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("list_append", "if_not_exists");
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "ORDER", "BY", "SET", "REMOVE",
            "INSERT", "INTO", "VALUE", "UPDATE", "DELETE", "RETURNING", "AND", "OR", "ASC", "DESC");
    private static final Set<String> OPERATORS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=", "IS", "LIKE",
            "BETWEEN", "IN", "+", "*");

    enum OperandKind { PATH, VALUE, FUNCTION }

    /** One side of a comparison, as expression text; {@code name} is set for a bare top-level attribute. */
    record Operand(OperandKind kind, String text, String name, JsonNode value, String function) {
    }

    private final PartiQlTokens tokens;
    private final JsonNode parameters;
    private int nextParameter;
    private boolean callsFunction;
    private final ObjectNode names = Json.object();
    private final ObjectNode values = Json.object();
    private final Map<String, String> placeholderByName = new HashMap<>();
    private Map<String, Integer> mentions = new HashMap<>();

    PartiQlOperands(PartiQlTokens tokens, JsonNode parameters) {
        this.tokens = tokens;
        this.parameters = parameters;
    }

    /** The ExpressionAttributeNames the terms read so far need. */
    ObjectNode names() {
        return names;
    }

    /** The ExpressionAttributeValues the terms read so far need. */
    ObjectNode values() {
        return values;
    }

    /** Whether a term called a function. */
    boolean callsFunction() {
        return callsFunction;
    }

    /** How many of the request's parameters the statement's {@code ?} took. */
    int parametersUsed() {
        return nextParameter;
    }

    /** How often each top-level attribute was named by a term since the last call, less the ones discounted. */
    Map<String, Integer> takeMentions() {
        Map<String, Integer> taken = mentions;
        mentions = new HashMap<>();
        return taken;
    }

    /** Takes back one mention of an attribute: the key side of an equality, which says where to look. */
    void discountMention(String name) {
        mentions.merge(name, -1, Integer::sum);
    }

    Operand operand() {
        Token token = tokens.peek();
        if (token == null || token.is(";") || token.is(")")) {
            throw PartiQlLexer.syntax("Unexpected term");
        }
        if (token.kind() == Kind.WORD && KEYWORDS.contains(token.text().toUpperCase())) {
            throw PartiQlLexer.syntax("Unexpected keyword");
        }
        if ((token.kind() == Kind.WORD || token.kind() == Kind.SYMBOL)
                && OPERATORS.contains(token.text().toUpperCase())) {
            throw PartiQlLexer.syntax("Unexpected operator");
        }
        if (isValueStart(token)) {
            JsonNode value = value("root", false);
            return new Operand(OperandKind.VALUE, placeholder(value), null, value, null);
        }
        if (token.kind() == Kind.WORD && isCall()) {
            return call();
        }
        int start = tokens.position();
        String path = path();
        String name = tokens.position() == start + 1 ? token.text() : null;
        mentions.merge(token.text(), 1, Integer::sum);
        return new Operand(OperandKind.PATH, path, name, null, null);
    }

    private Operand call() {
        Token token = tokens.next();
        String function = token.text().toLowerCase();
        if (!FUNCTIONS.contains(function) && !UPDATE_FUNCTIONS.contains(function)) {
            throw ApiException.validation("Unrecognized function: " + function + " at " + token.position());
        }
        callsFunction = true;
        tokens.expect("(");
        List<Operand> arguments = new ArrayList<>();
        while (!tokens.peekIs(")")) {
            arguments.add(operand());
            if (tokens.peekIs(",")) {
                tokens.next();
            }
        }
        tokens.next();
        if (function.equals("attribute_exists") || function.equals("attribute_not_exists")) {
            if (arguments.size() != 1) {
                throw ApiException.validation("Incorrect number of operands for operator or function; operator or"
                        + " function: " + function + ", number of operands: " + arguments.size());
            }
            if (arguments.get(0).kind() != OperandKind.PATH) {
                throw ApiException.validation("Operator or function requires a document path; operator or"
                        + " function: " + function);
            }
        }
        List<String> texts = arguments.stream().map(Operand::text).toList();
        return new Operand(OperandKind.FUNCTION, function + "(" + String.join(", ", texts) + ")", null, null,
                function);
    }

    boolean isCall() {
        return tokens.secondIs("(");
    }

    private boolean isValueStart(Token token) {
        return token.kind() == Kind.STRING || token.kind() == Kind.NUMBER || token.kind() == Kind.PARAMETER
                || token.is("{") || token.is("[") || token.is("<<") || token.is("true") || token.is("false")
                || token.is("null");
    }

    /** An attribute path: {@code name}, {@code "name"}, {@code a.b}, {@code a[0]}, as expression text. */
    String path() {
        StringBuilder path = new StringBuilder(namePlaceholder(tokens.name()));
        while (tokens.peekIs(".") || tokens.peekIs("[")) {
            if (tokens.next().is(".")) {
                Token component = tokens.peek();
                if (component != null && component.kind() == Kind.WORD && ReservedWords.contains(component.text())) {
                    throw PartiQlLexer.syntax("Invalid path dot component");
                }
                path.append('.').append(namePlaceholder(tokens.name()));
            } else {
                Token index = tokens.next();
                if (index.kind() != Kind.NUMBER) {
                    throw PartiQlLexer.syntax("list index must be a number");
                }
                tokens.expect("]");
                path.append('[').append(index.text()).append(']');
            }
        }
        return path.toString();
    }

    private String namePlaceholder(String name) {
        return placeholderByName.computeIfAbsent(name, n -> {
            String placeholder = "#p" + placeholderByName.size();
            names.put(placeholder, n);
            return placeholder;
        });
    }

    String placeholder(JsonNode value) {
        String placeholder = ":v" + values.size();
        values.set(placeholder, value);
        return placeholder;
    }

    /**
     * A literal or parameter as a DynamoDB attribute value. {@code path} names where a literal sits inside the
     * value, as DynamoDB reports a number it refuses ({@code root}, {@code root.x}, {@code root[1]}); the
     * attributes of an INSERT's item each start again at {@code root}.
     */
    JsonNode value(String path, boolean item) {
        Token token = tokens.next();
        ObjectNode value = Json.object();
        switch (token.kind()) {
            case PARAMETER -> {
                if (parameters == null || nextParameter >= parameters.size()) {
                    throw ApiException.validation("Number of parameters in request and statement don't match.");
                }
                return parameters.get(nextParameter++);
            }
            case STRING -> value.put("S", token.text());
            case NUMBER -> {
                value.put("N", token.text());
                try {
                    AttributeValues.validateValue(value);
                } catch (ApiException refused) {
                    throw ApiException.validation(refused.getMessage() + " under " + path);
                }
            }
            default -> {
                if (token.is("true") || token.is("false")) {
                    value.put("BOOL", token.is("true"));
                } else if (token.is("null")) {
                    value.put("NULL", true);
                } else if (token.is("{")) {
                    ObjectNode map = value.putObject("M");
                    while (!tokens.peekIs("}")) {
                        Token key = tokens.next();
                        if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED_NAME) {
                            throw PartiQlLexer.syntax("tuple keys are quoted strings, got " + key.text());
                        }
                        tokens.expect(":");
                        map.set(key.text(), value(item ? path : path + "." + key.text(), false));
                        if (tokens.peekIs(",")) {
                            tokens.next();
                        }
                    }
                    tokens.next();
                } else if (token.is("[")) {
                    ArrayNode list = value.putArray("L");
                    while (!tokens.peekIs("]")) {
                        list.add(value(path + "[" + list.size() + "]", false));
                        if (tokens.peekIs(",")) {
                            tokens.next();
                        }
                    }
                    tokens.next();
                } else if (token.is("<<")) {
                    return set(path);
                } else if (token.kind() == Kind.WORD && tokens.peekIs("(")) {
                    throw ApiException.validation("Unsupported data type: " + token.text().toLowerCase()
                            + " under key " + path + " at " + token.position());
                } else {
                    throw PartiQlLexer.syntax("expected a value, got " + token.text());
                }
            }
        }
        return value;
    }

    private JsonNode set(String path) {
        ArrayNode members = Json.array();
        String type = null;
        while (!tokens.peekIs(">>")) {
            JsonNode member = value(path, false);
            String memberType = member.fieldNames().next();
            if (type != null && !type.equals(memberType)) {
                throw ApiException.validation("Unsupported data type in Bag. DynamoDB only supports either numbers"
                        + " or strings in bags");
            }
            type = memberType;
            members.add(member.get(memberType));
            if (tokens.peekIs(",")) {
                tokens.next();
            }
        }
        tokens.next();
        if (type == null) {
            throw ApiException.validation("Empty bags are not supported");
        }
        ObjectNode set = Json.object();
        set.set(type + "S", members);
        return set;
    }
}
