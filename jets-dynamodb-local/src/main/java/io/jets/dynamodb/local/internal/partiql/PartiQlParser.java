package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Kind;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the single-table PartiQL DynamoDB accepts for SELECT, INSERT, UPDATE and DELETE, translating names and
 * literals into expression placeholders.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for
 *     DynamoDB</a>
 */
final class PartiQlParser {

    private static final Set<String> CONDITION_WORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> STOP_WORDS = Set.of("SET", "REMOVE", "WHERE");

    private final List<Token> tokens;
    private final JsonNode parameters;
    private int position;
    private int nextParameter;
    private final ObjectNode names = Json.object();
    private final ObjectNode values = Json.object();
    private final Map<String, String> placeholderByName = new HashMap<>();
    private final Map<String, JsonNode> equalities = new HashMap<>();

    private PartiQlParser(String statement, JsonNode parameters) {
        this.tokens = PartiQlLexer.tokenize(statement);
        this.parameters = parameters;
    }

    static PartiQlStatement parse(String statement, JsonNode parameters) {
        return new PartiQlParser(statement, parameters).statement();
    }

    private PartiQlStatement statement() {
        Token first = next();
        String kind = first.text().toUpperCase();
        PartiQlStatement result = switch (kind) {
            case "SELECT" -> select();
            case "INSERT" -> insert();
            case "UPDATE" -> update();
            case "DELETE" -> delete();
            default -> throw PartiQlLexer.syntax("unsupported statement " + first.text());
        };
        if (position < tokens.size()) {
            throw PartiQlLexer.syntax("unexpected " + tokens.get(position).text());
        }
        int given = parameters == null ? 0 : parameters.size();
        if (given != nextParameter) {
            throw ApiException.validation("Number of parameters in request and statement don't match.");
        }
        return result;
    }

    private PartiQlStatement select() {
        String projection = null;
        if (peek().is("*")) {
            next();
        } else {
            StringBuilder paths = new StringBuilder();
            do {
                if (paths.length() > 0) {
                    expect(",");
                    paths.append(", ");
                }
                paths.append(path());
            } while (peek() != null && peek().is(","));
            projection = paths.toString();
        }
        expect("FROM");
        String table = name();
        String index = null;
        if (peek() != null && peek().is(".")) {
            next();
            index = name();
        }
        String condition = where();
        return new PartiQlStatement("SELECT", table, index, projection, condition, null, null, names(), values(),
                Map.copyOf(equalities));
    }

    private PartiQlStatement insert() {
        expect("INTO");
        String table = name();
        expect("VALUE");
        JsonNode item = value();
        if (!item.has("M")) {
            throw PartiQlLexer.syntax("INSERT needs a tuple value: {'attribute': value, …}");
        }
        return new PartiQlStatement("INSERT", table, null, null, null, null, (ObjectNode) item.get("M"), null,
                null, Map.of());
    }

    private PartiQlStatement update() {
        String table = name();
        StringBuilder sets = new StringBuilder();
        StringBuilder removes = new StringBuilder();
        while (peek() != null && (peek().is("SET") || peek().is("REMOVE"))) {
            boolean set = next().is("SET");
            do {
                if (peek().is(",")) {
                    next();
                }
                if (set) {
                    sets.append(sets.length() == 0 ? "" : ", ").append(path()).append(" = ");
                    expect("=");
                    sets.append(operand());
                    if (peek() != null && peek().is("+")) {
                        next();
                        sets.append(" + ").append(operand());
                    }
                } else {
                    removes.append(removes.length() == 0 ? "" : ", ").append(path());
                }
            } while (peek() != null && peek().is(","));
        }
        if (sets.length() == 0 && removes.length() == 0) {
            throw PartiQlLexer.syntax("UPDATE needs SET or REMOVE");
        }
        String update = (sets.length() > 0 ? "SET " + sets : "") + (removes.length() > 0
                ? (sets.length() > 0 ? " " : "") + "REMOVE " + removes : "");
        String condition = where();
        return new PartiQlStatement("UPDATE", table, null, null, condition, update, null, names(), values(),
                Map.copyOf(equalities));
    }

    private PartiQlStatement delete() {
        expect("FROM");
        String table = name();
        String condition = where();
        return new PartiQlStatement("DELETE", table, null, null, condition, null, null, names(), values(),
                Map.copyOf(equalities));
    }

    /** The WHERE clause as a condition expression, recording top-level equalities for key lookup. */
    private String where() {
        if (peek() == null) {
            return null;
        }
        expect("WHERE");
        StringBuilder condition = new StringBuilder();
        int depth = 0;
        boolean topLevelOr = false;
        boolean inList = false;
        while (peek() != null) {
            Token token = peek();
            if (token.is("(")) {
                depth++;
                condition.append(next().text());
            } else if (token.is(")")) {
                depth--;
                condition.append(next().text());
            } else if (token.is("]") && inList) {
                next();
                inList = false;
                condition.append(")");
            } else if (token.kind() == Kind.WORD && CONDITION_WORDS.contains(token.text().toUpperCase())) {
                String word = next().text().toUpperCase();
                topLevelOr |= word.equals("OR") && depth == 0;
                condition.append(' ').append(word).append(' ');
                if (word.equals("IN") && peek() != null && peek().is("[")) {
                    next();
                    inList = true;
                    condition.append("(");
                }
            } else if (token.is("=") || token.is("<") || token.is("<=") || token.is(">") || token.is(">=")
                    || token.is("<>") || token.is("!=") || token.is(",")) {
                next();
                condition.append(token.is("!=") ? "<>" : token.text()).append(' ');
            } else if (token.kind() == Kind.WORD && position + 1 < tokens.size()
                    && tokens.get(position + 1).is("(")) {
                condition.append(next().text().toLowerCase());
            } else if (isValueStart(token)) {
                condition.append(placeholder(value()));
            } else {
                int start = position;
                String path = path();
                condition.append(path);
                if (depth == 0 && position == start + 1 && peek() != null && peek().is("=")
                        && position + 1 < tokens.size() && isValueStart(tokens.get(position + 1))) {
                    next();
                    JsonNode value = value();
                    equalities.put(tokens.get(start).text(), value);
                    condition.append(" = ").append(placeholder(value));
                }
            }
        }
        if (topLevelOr) {
            equalities.clear();
        }
        return condition.toString().trim();
    }

    private String operand() {
        return isValueStart(peek()) ? placeholder(value()) : path();
    }

    private boolean isValueStart(Token token) {
        return token.kind() == Kind.STRING || token.kind() == Kind.NUMBER || token.kind() == Kind.PARAMETER
                || token.is("{") || token.is("[") || token.is("<<") || token.is("true") || token.is("false")
                || token.is("null");
    }

    /** An attribute path: {@code name}, {@code "name"}, {@code a.b}, {@code a[0]}, as expression text. */
    private String path() {
        StringBuilder path = new StringBuilder(namePlaceholder(name()));
        while (peek() != null && (peek().is(".") || peek().is("["))) {
            if (next().is(".")) {
                path.append('.').append(namePlaceholder(name()));
            } else {
                Token index = next();
                if (index.kind() != Kind.NUMBER) {
                    throw PartiQlLexer.syntax("list index must be a number");
                }
                expect("]");
                path.append('[').append(index.text()).append(']');
            }
        }
        return path.toString();
    }

    private String name() {
        Token token = next();
        if (token.kind() != Kind.WORD && token.kind() != Kind.QUOTED_NAME) {
            throw PartiQlLexer.syntax("expected a name, got " + token.text());
        }
        return token.text();
    }

    private String namePlaceholder(String name) {
        return placeholderByName.computeIfAbsent(name, n -> {
            String placeholder = "#p" + placeholderByName.size();
            names.put(placeholder, n);
            return placeholder;
        });
    }

    private String placeholder(JsonNode value) {
        String placeholder = ":v" + values.size();
        values.set(placeholder, value);
        return placeholder;
    }

    /** A literal or parameter as a DynamoDB attribute value. */
    private JsonNode value() {
        Token token = next();
        ObjectNode value = Json.object();
        switch (token.kind()) {
            case PARAMETER -> {
                if (parameters == null || nextParameter >= parameters.size()) {
                    throw ApiException.validation("Number of parameters in request and statement don't match.");
                }
                return parameters.get(nextParameter++);
            }
            case STRING -> value.put("S", token.text());
            case NUMBER -> value.put("N", token.text());
            default -> {
                if (token.is("true") || token.is("false")) {
                    value.put("BOOL", token.is("true"));
                } else if (token.is("null")) {
                    value.put("NULL", true);
                } else if (token.is("{")) {
                    ObjectNode map = value.putObject("M");
                    while (!peek().is("}")) {
                        Token key = next();
                        if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED_NAME) {
                            throw PartiQlLexer.syntax("tuple keys are quoted strings, got " + key.text());
                        }
                        expect(":");
                        map.set(key.text(), value());
                        if (peek().is(",")) {
                            next();
                        }
                    }
                    next();
                } else if (token.is("[")) {
                    ArrayNode list = value.putArray("L");
                    while (!peek().is("]")) {
                        list.add(value());
                        if (peek().is(",")) {
                            next();
                        }
                    }
                    next();
                } else if (token.is("<<")) {
                    return set();
                } else {
                    throw PartiQlLexer.syntax("expected a value, got " + token.text());
                }
            }
        }
        return value;
    }

    private JsonNode set() {
        ArrayNode members = Json.array();
        String type = null;
        while (!peek().is(">>")) {
            JsonNode member = value();
            String memberType = member.fieldNames().next();
            if (type != null && !type.equals(memberType)) {
                throw ApiException.validation("Unsupported type: mixed types in a set");
            }
            type = memberType;
            members.add(member.get(memberType));
            if (peek().is(",")) {
                next();
            }
        }
        next();
        ObjectNode set = Json.object();
        set.set(type == null ? "SS" : type + "S", members);
        return set;
    }

    private Token peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private Token next() {
        if (position >= tokens.size()) {
            throw PartiQlLexer.syntax("unexpected end of statement");
        }
        return tokens.get(position++);
    }

    private void expect(String word) {
        Token token = next();
        if (!token.is(word)) {
            throw PartiQlLexer.syntax("expected " + word + ", got " + token.text());
        }
    }

    private ObjectNode names() {
        return names.isEmpty() ? null : names;
    }

    private ObjectNode values() {
        return values.isEmpty() ? null : values;
    }
}
