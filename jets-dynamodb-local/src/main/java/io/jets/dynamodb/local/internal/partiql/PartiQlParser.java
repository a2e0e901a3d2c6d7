package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Kind;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the single-table PartiQL DynamoDB accepts for SELECT, INSERT, UPDATE (also in its {@code FROM … WHERE …
 * SET …} form) and DELETE, translating names and literals into expression placeholders. The WHERE clause is read
 * with its full grammar (AND, OR, NOT, parentheses, comparisons, BETWEEN, IN, IS and the condition functions), so
 * that a token left over is refused rather than run as something else.
 *
 * <p>This class reads the statements' clauses; {@link PartiQlConditions} reads WHERE, {@link PartiQlUpdateClauses}
 * SET and REMOVE, and {@link PartiQlOperands} the paths, literals and calls all of them are made of.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for
 *     DynamoDB</a>
 */
final class PartiQlParser {

    /** DynamoDB's words for an UPDATE, or a FROM-first one, with no SET or REMOVE where one must stand. */
    static final String NO_MANIPULATION = "Expected data manipulation";

    private final PartiQlTokens tokens;
    private final JsonNode parameters;
    private final PartiQlOperands operands;
    private final PartiQlConditions conditions;
    private String refusal;

    private PartiQlParser(String statement, JsonNode parameters) {
        this.tokens = new PartiQlTokens(PartiQlLexer.tokenize(statement));
        this.parameters = parameters;
        this.operands = new PartiQlOperands(tokens, parameters);
        this.conditions = new PartiQlConditions(tokens, operands);
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
                if (tokens.containsWord("FROM")) {
                    throw PartiQlLexer.syntax(NO_MANIPULATION);
                }
                throw PartiQlLexer.syntax("unsupported statement " + first.text());
            }
        };
        if (tokens.remaining() == 1 && peekIs(";")) {
            next();
        }
        if (tokens.remaining() > 0) {
            throw PartiQlLexer.syntax("Unexpected token after expression");
        }
        int given = parameters == null ? 0 : parameters.size();
        if (given != operands.parametersUsed()) {
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
                if (tokens.secondIs("(")) {
                    // a call (COUNT(*), attribute_exists(a)) is no column; DynamoDB says so once it knows the
                    // table and index, after refusing a multi-attribute index
                    if (refusal == null) {
                        refusal = "Unexpected path component at " + peek().position();
                    }
                    skipCall();
                    continue;
                }
                paths.append(paths.isEmpty() ? "" : ", ").append(operands.path());
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
        String condition = peekIs("WHERE") ? conditions.where() : null;
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
        JsonNode item = operands.value("root", true);
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
        String update = new PartiQlUpdateClauses(tokens, operands).read();
        String condition = conditions.where();
        return statement("UPDATE", table, null, null, condition, update, returning(), null, List.of());
    }

    /** {@code FROM "table" WHERE … SET …}: an UPDATE written with its clauses the other way round. */
    private PartiQlStatement fromFirstUpdate() {
        String table = writeTarget();
        refuseAlias("WHERE", "SET", "REMOVE");
        String condition = peekIs("WHERE") ? conditions.where() : null;
        String update = new PartiQlUpdateClauses(tokens, operands).read();
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
        String condition = conditions.where();
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
                operands.names().isEmpty() ? null : operands.names(),
                operands.values().isEmpty() ? null : operands.values(), Map.copyOf(conditions.equalities()),
                Set.copyOf(conditions.inLists()), operands.callsFunction(), returning, List.copyOf(orderBy),
                conditions.branches().size() > 1 ? List.copyOf(conditions.branches()) : List.of(), refusal);
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


    /** The table an UPDATE or DELETE writes: DynamoDB refuses an index after it before it looks the table up. */
    private String writeTarget() {
        String table = name();
        if (peekIs(".")) {
            throw ApiException.validation("This operation is not supported on an index");
        }
        return table;
    }

    private String name() {
        return tokens.name();
    }

    private boolean peekIs(String word) {
        return tokens.peekIs(word);
    }

    private Token peek() {
        return tokens.peek();
    }

    private Token next() {
        return tokens.next();
    }

    private void expect(String word) {
        tokens.expect(word);
    }
}
