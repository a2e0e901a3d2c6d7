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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the single-table PartiQL DynamoDB accepts for SELECT, INSERT, UPDATE (also in its {@code FROM … WHERE …
 * SET …} form) and DELETE, translating names and literals into expression placeholders. The WHERE clause is read
 * with its full grammar (AND, OR, NOT, parentheses, comparisons, BETWEEN, IN, IS and the condition functions), so
 * that a token left over is refused rather than run as something else.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for
 *     DynamoDB</a>
 */
final class PartiQlParser {

    private static final Set<String> FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
            "attribute_type", "begins_with", "contains", "size");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("list_append", "if_not_exists");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(Map.entry("NULL", "NULL"),
            Map.entry("BOOL", "BOOL"), Map.entry("BOOLEAN", "BOOL"), Map.entry("STRING", "S"),
            Map.entry("NUMBER", "N"), Map.entry("BINARY", "B"), Map.entry("BLOB", "B"), Map.entry("LIST", "L"),
            Map.entry("MAP", "M"), Map.entry("TUPLE", "M"), Map.entry("STRUCT", "M"));
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "ORDER", "BY", "SET", "REMOVE",
            "INSERT", "INTO", "VALUE", "UPDATE", "DELETE", "RETURNING", "AND", "OR", "ASC", "DESC");
    private static final Set<String> OPERATORS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=", "IS", "LIKE",
            "BETWEEN", "IN", "+", "*");

    private enum OperandKind { PATH, VALUE, FUNCTION }

    /** One side of a comparison, as expression text; {@code name} is set for a bare top-level attribute. */
    private record Operand(OperandKind kind, String text, String name, JsonNode value, String function) {
    }

    private final List<Token> tokens;
    private final JsonNode parameters;
    private int position;
    private int nextParameter;
    private boolean callsFunction;
    private final ObjectNode names = Json.object();
    private final ObjectNode values = Json.object();
    private final Map<String, String> placeholderByName = new HashMap<>();
    /** DynamoDB's words for an UPDATE, or a FROM-first one, with no SET or REMOVE where one must stand. */
    private static final String NO_MANIPULATION = "Expected data manipulation";

    private final Map<String, JsonNode> equalities = new HashMap<>();
    private final Set<String> inLists = new HashSet<>();
    private String refusal;
    private final List<PartiQlStatement.Branch> branches = new ArrayList<>();
    private Map<String, JsonNode> branchEqualities = new HashMap<>();
    private Map<String, Integer> mentions = new HashMap<>();

    private PartiQlParser(String statement, JsonNode parameters) {
        this.tokens = PartiQlLexer.tokenize(statement);
        this.parameters = parameters;
    }

    static PartiQlStatement parse(String statement, JsonNode parameters) {
        if (parameters != null) {
            PartiQlParameters.check(parameters);
        }
        return new PartiQlParser(statement, parameters).statement();
    }

    private PartiQlStatement statement() {
        Token first = next();
        String kind = first.text().toUpperCase();
        PartiQlStatement result = switch (first.kind() == Kind.WORD ? kind : "") {
            case "SELECT" -> select("SELECT");
            case "INSERT" -> insert();
            case "UPDATE" -> update();
            case "DELETE" -> delete();
            case "FROM" -> fromFirstUpdate();
            case "EXISTS" -> {
                expect("(");
                expect("SELECT");
                PartiQlStatement check = select("EXISTS");
                expect(")");
                yield check;
            }
            default -> {
                // DynamoDB's parser reads "SELEC * FROM t …" as an expression around a FROM-first UPDATE, which
                // then lacks its SET or REMOVE
                if (tokens.stream().anyMatch(token -> token.kind() == Kind.WORD && token.is("FROM"))) {
                    throw PartiQlLexer.syntax(NO_MANIPULATION);
                }
                throw PartiQlLexer.syntax("unsupported statement " + first.text());
            }
        };
        if (position == tokens.size() - 1 && peekIs(";")) {
            next();
        }
        if (position < tokens.size()) {
            throw PartiQlLexer.syntax("Unexpected token after expression");
        }
        int given = parameters == null ? 0 : parameters.size();
        if (given != nextParameter) {
            throw ApiException.validation("Number of parameters in request and statement don't match.");
        }
        return result;
    }

    private PartiQlStatement select(String kind) {
        String projection = null;
        if (peekIs("*")) {
            next();
        } else {
            StringBuilder paths = new StringBuilder();
            boolean first = true;
            do {
                if (!first) {
                    expect(",");
                }
                first = false;
                if (position + 1 < tokens.size() && tokens.get(position + 1).is("(")) {
                    // a call (COUNT(*), attribute_exists(a)) is no column; DynamoDB says so once it knows the
                    // table and index, after refusing a multi-attribute index
                    if (refusal == null) {
                        refusal = "Unexpected path component at " + peek().position();
                    }
                    skipCall();
                    continue;
                }
                paths.append(paths.isEmpty() ? "" : ", ").append(path());
            } while (peekIs(","));
            projection = paths.isEmpty() ? null : paths.toString();
        }
        expect("FROM");
        String table = name();
        if (table.isEmpty()) {
            throw ApiException.validation("Path component cannot be an empty string");
        }
        String index = null;
        if (peekIs(".")) {
            next();
            index = name();
            if (index.isEmpty()) {
                throw ApiException.validation("Path component cannot be an empty string");
            }
            if (peekIs(".")) {
                throw ApiException.validation("A path may contain at most 2 components in the FROM clause");
            }
        }
        refuseAlias("WHERE", "ORDER");
        String condition = peekIs("WHERE") ? where() : null;
        List<PartiQlStatement.Order> orderBy = new ArrayList<>();
        if (kind.equals("SELECT") && peekIs("ORDER")) {
            next();
            expect("BY");
            do {
                if (peekIs(",")) {
                    next();
                }
                String attribute = name();
                boolean descending = (peekIs("ASC") || peekIs("DESC")) && next().is("DESC");
                orderBy.add(new PartiQlStatement.Order(attribute, descending));
            } while (peekIs(","));
        }
        return statement(kind, table, index, projection, condition, null, null, null, orderBy);
    }

    /** Skips a call in a select list, up to its closing parenthesis. */
    private void skipCall() {
        next();
        int depth = 0;
        do {
            Token token = next();
            depth += token.is("(") ? 1 : token.is(")") ? -1 : 0;
        } while (depth > 0);
    }

    private PartiQlStatement insert() {
        expect("INTO");
        String table = name();
        if (peekIs(".")) {
            throw ApiException.validation("FROM clause may only contain a single table name");
        }
        if (!peekIs("VALUE")) {
            throw PartiQlLexer.syntax("Unexpected token after expression");
        }
        next();
        if (!peekIs("{")) {
            throw PartiQlLexer.syntax("INSERT needs a tuple value: {'attribute': value, …}");
        }
        JsonNode item = value("root", true);
        return new PartiQlStatement("INSERT", table, null, null, null, null, (ObjectNode) item.get("M"), null,
                null, Map.of(), Set.of(), false, null, List.of(), List.of(), null);
    }

    private PartiQlStatement update() {
        String table = writeTarget();
        Token after = peek();
        if (after == null || !after.is("SET") && !after.is("REMOVE")
                && (after.kind() != Kind.WORD && after.kind() != Kind.QUOTED_NAME
                        || after.kind() == Kind.WORD && !after.is("AS") && ReservedWords.contains(after.text()))) {
            // only a name can be an alias here; anything else, an unquoted "my-table" too, leaves no SET or REMOVE
            throw PartiQlLexer.syntax(NO_MANIPULATION);
        }
        refuseAlias("SET", "REMOVE");
        String update = updateClauses();
        String condition = where();
        return statement("UPDATE", table, null, null, condition, update, returning(), null, List.of());
    }

    /** {@code FROM "table" WHERE … SET …}: an UPDATE written with its clauses the other way round. */
    private PartiQlStatement fromFirstUpdate() {
        String table = writeTarget();
        refuseAlias("WHERE", "SET", "REMOVE");
        String condition = peekIs("WHERE") ? where() : null;
        String update = updateClauses();
        return statement("UPDATE", table, null, null, condition, update, returning(), null, List.of());
    }

    private PartiQlStatement delete() {
        expect("FROM");
        Token token = peek();
        if (token == null || token.is(";") || token.is("WHERE")) {
            throw PartiQlLexer.syntax("Expected identifier for simple path");
        }
        String table = writeTarget();
        Token after = peek();
        if (after != null && after.kind() != Kind.WORD && after.kind() != Kind.QUOTED_NAME) {
            // DynamoDB's parser ends the DELETE at the table name, so an unquoted "my-table" leaves "-table" over
            throw PartiQlLexer.syntax("Unexpected token after expression");
        }
        refuseAlias("WHERE");
        String condition = where();
        String returning = returning();
        if (returning != null && !returning.equals("ALL_OLD")) {
            throw ApiException.validation("Invalid returning clause: " + returningClause(returning) + ". Only"
                    + " RETURNING ALL OLD * is allowed in DELETE statements.");
        }
        return statement("DELETE", table, null, null, condition, null, returning, null, List.of());
    }

    private PartiQlStatement statement(String kind, String table, String index, String projection,
                                       String condition, String update, String returning, ObjectNode item,
                                       List<PartiQlStatement.Order> orderBy) {
        return new PartiQlStatement(kind, table, index, projection, condition, update, item,
                names.isEmpty() ? null : names, values.isEmpty() ? null : values, Map.copyOf(equalities),
                Set.copyOf(inLists), callsFunction, returning, List.copyOf(orderBy),
                branches.size() > 1 ? List.copyOf(branches) : List.of(), refusal);
    }

    private void refuseAlias(String... clauses) {
        Token token = peek();
        if (token == null || token.kind() != Kind.WORD && token.kind() != Kind.QUOTED_NAME) {
            return;
        }
        for (String clause : clauses) {
            if (token.is(clause)) {
                return;
            }
        }
        throw ApiException.validation("Aliasing is not supported");
    }

    private String returning() {
        if (!peekIs("RETURNING")) {
            return null;
        }
        next();
        Token scope = next();
        Token age = next();
        if (!(scope.is("ALL") || scope.is("MODIFIED")) || !(age.is("NEW") || age.is("OLD"))) {
            throw PartiQlLexer.syntax("RETURNING takes ALL or MODIFIED, then NEW or OLD, then *");
        }
        expect("*");
        return (scope.is("ALL") ? "ALL_" : "UPDATED_") + age.text().toUpperCase();
    }

    /** The RETURNING clause as written, for DynamoDB's message refusing it. */
    static String returningClause(String returning) {
        return "RETURNING " + (returning.startsWith("ALL") ? "ALL " : "MODIFIED ")
                + returning.substring(returning.indexOf('_') + 1) + " *";
    }

    /** SET and REMOVE clauses, in any number and order, as one update expression. */
    private String updateClauses() {
        List<String> sets = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        while (peekIs("SET") || peekIs("REMOVE")) {
            boolean set = next().is("SET");
            do {
                if (peekIs(",")) {
                    next();
                }
                if (set) {
                    assignment(sets, adds, deletes);
                } else {
                    removes.add(path());
                }
            } while (peekIs(","));
        }
        if (sets.isEmpty() && adds.isEmpty() && deletes.isEmpty() && removes.isEmpty()) {
            throw PartiQlLexer.syntax(NO_MANIPULATION);
        }
        StringBuilder update = new StringBuilder();
        clause(update, "SET", sets);
        clause(update, "ADD", adds);
        clause(update, "DELETE", deletes);
        clause(update, "REMOVE", removes);
        return update.toString().trim();
    }

    private static void clause(StringBuilder update, String action, List<String> parts) {
        if (!parts.isEmpty()) {
            update.append(action).append(' ').append(String.join(", ", parts)).append(' ');
        }
    }

    /** {@code path = value}, {@code path = a + b}, or {@code path = set_add(path, <<…>>)} and set_delete. */
    private void assignment(List<String> sets, List<String> adds, List<String> deletes) {
        String target = path();
        expect("=");
        Token token = peek();
        if (token != null && token.kind() == Kind.WORD && isCall()
                && (token.is("set_add") || token.is("set_delete"))) {
            String function = next().text().toUpperCase();
            expect("(");
            List<Operand> arguments = new ArrayList<>();
            Token firstArgument = peek();
            while (!peekIs(")")) {
                arguments.add(operand());
                if (peekIs(",")) {
                    next();
                }
            }
            expect(")");
            if (arguments.size() != 2) {
                throw ApiException.validation(function + " must have exactly two arguments at " + token.position());
            }
            if (arguments.get(0).kind() != OperandKind.PATH || !arguments.get(0).text().equals(target)) {
                throw ApiException.validation("The first argument to " + function
                        + " must equal the assignment value at " + token.position());
            }
            JsonNode members = arguments.get(1).value();
            String type = members == null ? null : AttributeValues.type(members);
            if (!"SS".equals(type) && !"NS".equals(type) && !"BS".equals(type)) {
                throw ApiException.validation("The second argument to " + function
                        + " must be a value with type SET at " + firstArgument.position());
            }
            AttributeValues.validateValue(members);
            (function.equals("SET_ADD") ? adds : deletes).add(target + " " + arguments.get(1).text());
            return;
        }
        String value = operand().text();
        if (peekIs("+") || peekIs("-")) {
            value += " " + next().text() + " " + operand().text();
        } else if (peek() != null && peek().kind() == Kind.NUMBER && peek().text().startsWith("-")) {
            // "a -1" lexes as a negative literal: read it as a subtraction
            Token number = next();
            ObjectNode positive = Json.object().put("N", number.text().substring(1));
            value += " - " + placeholder(positive);
        }
        sets.add(target + " = " + value);
    }

    private String where() {
        expect("WHERE");
        return or(true);
    }

    private String or(boolean top) {
        StringBuilder condition = new StringBuilder(and(top));
        boolean branched = false;
        while (peekIs("OR")) {
            next();
            requireRightHandSide();
            if (top) {
                endBranch();
            }
            condition.append(" OR ").append(and(top));
            branched = true;
        }
        if (top) {
            endBranch();
        }
        if (branched && top) {
            equalities.clear();
            inLists.clear();
        }
        return condition.toString();
    }

    private void endBranch() {
        Set<String> others = new java.util.HashSet<>();
        mentions.forEach((name, count) -> {
            if (count > 0) {
                others.add(name);
            }
        });
        branches.add(new PartiQlStatement.Branch(Map.copyOf(branchEqualities), Set.copyOf(others)));
        branchEqualities = new HashMap<>();
        mentions = new HashMap<>();
    }

    private String and(boolean top) {
        StringBuilder condition = new StringBuilder(not(top));
        while (peekIs("AND")) {
            next();
            requireRightHandSide();
            condition.append(" AND ").append(not(top));
        }
        return condition.toString();
    }

    private void requireRightHandSide() {
        if (peek() == null || peekIs(";")) {
            throw PartiQlLexer.syntax("Missing right-hand side expression of infix operator");
        }
    }

    private String not(boolean top) {
        if (peekIs("NOT")) {
            next();
            String negated = not(false);
            // a parenthesised group is already one term; wrapping it again reads as redundant parentheses
            return negated.startsWith("(") && negated.endsWith(")") ? "NOT " + negated : "NOT (" + negated + ")";
        }
        return predicate(top);
    }

    private String predicate(boolean top) {
        if (peekIs("(")) {
            next();
            String inner = or(false);
            expect(")");
            return "(" + inner + ")";
        }
        Operand left = operand();
        Token operator = peek();
        if (operator == null) {
            return booleanOperand(left);
        }
        if (operator.kind() == Kind.SYMBOL && COMPARATORS.contains(operator.text())) {
            next();
            String comparator = operator.is("!=") ? "<>" : operator.text();
            if (left.kind() == OperandKind.FUNCTION && !left.function().equals("size")
                    && (peekIs("true") || peekIs("false")) && (comparator.equals("=") || comparator.equals("<>"))) {
                boolean holds = next().is("true") == comparator.equals("=");
                return holds ? left.text() : "NOT " + left.text();
            }
            Operand right = operand();
            if (top && comparator.equals("=") && left.name() != null && right.kind() == OperandKind.VALUE) {
                equalities.put(left.name(), right.value());
                branchEqualities.put(left.name(), right.value());
                mentions.merge(left.name(), -1, Integer::sum);
            }
            return left.text() + " " + comparator + " " + right.text();
        }
        if (operator.is("BETWEEN")) {
            next();
            String low = operand().text();
            expect("AND");
            return left.text() + " BETWEEN " + low + " AND " + operand().text();
        }
        if (operator.is("IN") || operator.is("NOT") && position + 1 < tokens.size()
                && tokens.get(position + 1).is("IN")) {
            boolean negated = next().is("NOT");
            if (negated) {
                next();
            }
            Token open = next();
            String close = open.is("[") ? "]" : open.is("(") ? ")" : null;
            if (close == null) {
                throw PartiQlLexer.syntax("IN takes a list: [value, …]");
            }
            List<String> members = new ArrayList<>();
            while (!peekIs(close)) {
                members.add(operand().text());
                if (peekIs(",")) {
                    next();
                }
            }
            next();
            if (top && !negated && left.name() != null) {
                inLists.add(left.name());
            }
            String in = left.text() + " IN (" + String.join(", ", members) + ")";
            return negated ? "NOT (" + in + ")" : in;
        }
        if (operator.is("IS")) {
            next();
            boolean negated = peekIs("NOT");
            if (negated) {
                next();
            }
            return is(left, next(), negated);
        }
        return booleanOperand(left);
    }

    /** {@code x IS [NOT] NULL | MISSING | type}; IS NULL holds only for the NULL type, not a missing attribute. */
    private String is(Operand left, Token type, boolean negated) {
        if (left.kind() != OperandKind.PATH) {
            throw PartiQlLexer.syntax("IS needs a document path");
        }
        String path = left.text();
        String test;
        if (type.is("MISSING")) {
            test = "attribute_not_exists(" + path + ")";
        } else {
            String typeName = type.kind() == Kind.WORD ? TYPE_NAMES.get(type.text().toUpperCase()) : null;
            if (typeName == null) {
                throw PartiQlLexer.syntax("Expected type name");
            }
            String typeTest = "attribute_type(" + path + ", " + placeholder(Json.object().put("S", typeName)) + ")";
            test = typeTest;
        }
        return negated ? "NOT " + test : test;
    }

    private String booleanOperand(Operand operand) {
        if (operand.kind() == OperandKind.FUNCTION && !operand.function().equals("size")) {
            return operand.text();
        }
        throw PartiQlLexer.syntax("Unexpected term");
    }

    private Operand operand() {
        Token token = peek();
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
        int start = position;
        String path = path();
        String name = position == start + 1 ? token.text() : null;
        mentions.merge(token.text(), 1, Integer::sum);
        return new Operand(OperandKind.PATH, path, name, null, null);
    }

    private Operand call() {
        Token token = next();
        String function = token.text().toLowerCase();
        if (!FUNCTIONS.contains(function) && !UPDATE_FUNCTIONS.contains(function)) {
            throw ApiException.validation("Unrecognized function: " + function + " at " + token.position());
        }
        callsFunction = true;
        expect("(");
        List<Operand> arguments = new ArrayList<>();
        while (!peekIs(")")) {
            arguments.add(operand());
            if (peekIs(",")) {
                next();
            }
        }
        next();
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

    private boolean isCall() {
        return position + 1 < tokens.size() && tokens.get(position + 1).is("(");
    }

    private boolean isValueStart(Token token) {
        return token.kind() == Kind.STRING || token.kind() == Kind.NUMBER || token.kind() == Kind.PARAMETER
                || token.is("{") || token.is("[") || token.is("<<") || token.is("true") || token.is("false")
                || token.is("null");
    }

    /** An attribute path: {@code name}, {@code "name"}, {@code a.b}, {@code a[0]}, as expression text. */
    private String path() {
        StringBuilder path = new StringBuilder(namePlaceholder(name()));
        while (peekIs(".") || peekIs("[")) {
            if (next().is(".")) {
                Token component = peek();
                if (component != null && component.kind() == Kind.WORD && ReservedWords.contains(component.text())) {
                    throw PartiQlLexer.syntax("Invalid path dot component");
                }
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

    /** The table an UPDATE or DELETE writes: DynamoDB refuses an index after it before it looks the table up. */
    private String writeTarget() {
        String table = name();
        if (peekIs(".")) {
            throw ApiException.validation("This operation is not supported on an index");
        }
        return table;
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

    /**
     * A literal or parameter as a DynamoDB attribute value. {@code path} names where a literal sits inside the
     * value, as DynamoDB reports a number it refuses ({@code root}, {@code root.x}, {@code root[1]}); the
     * attributes of an INSERT's item each start again at {@code root}.
     */
    private JsonNode value(String path, boolean item) {
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
                    while (!peekIs("}")) {
                        Token key = next();
                        if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED_NAME) {
                            throw PartiQlLexer.syntax("tuple keys are quoted strings, got " + key.text());
                        }
                        expect(":");
                        map.set(key.text(), value(item ? path : path + "." + key.text(), false));
                        if (peekIs(",")) {
                            next();
                        }
                    }
                    next();
                } else if (token.is("[")) {
                    ArrayNode list = value.putArray("L");
                    while (!peekIs("]")) {
                        list.add(value(path + "[" + list.size() + "]", false));
                        if (peekIs(",")) {
                            next();
                        }
                    }
                    next();
                } else if (token.is("<<")) {
                    return set(path);
                } else if (token.kind() == Kind.WORD && peekIs("(")) {
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
        while (!peekIs(">>")) {
            JsonNode member = value(path, false);
            String memberType = member.fieldNames().next();
            if (type != null && !type.equals(memberType)) {
                throw ApiException.validation("Unsupported data type in Bag. DynamoDB only supports either numbers"
                        + " or strings in bags");
            }
            type = memberType;
            members.add(member.get(memberType));
            if (peekIs(",")) {
                next();
            }
        }
        next();
        if (type == null) {
            throw ApiException.validation("Empty bags are not supported");
        }
        ObjectNode set = Json.object();
        set.set(type + "S", members);
        return set;
    }

    private boolean peekIs(String word) {
        Token token = peek();
        return token != null && token.is(word);
    }

    private Token peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private Token next() {
        if (position >= tokens.size()) {
            throw PartiQlLexer.syntax("Unexpected term");
        }
        return tokens.get(position++);
    }

    private void expect(String word) {
        Token token = next();
        if (!token.is(word)) {
            throw PartiQlLexer.syntax("expected " + word + ", got " + token.text());
        }
    }
}
