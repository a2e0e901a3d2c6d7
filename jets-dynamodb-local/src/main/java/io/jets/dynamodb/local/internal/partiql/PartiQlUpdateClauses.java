package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Kind;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Token;
import io.jets.dynamodb.local.internal.partiql.PartiQlOperands.Operand;
import io.jets.dynamodb.local.internal.partiql.PartiQlOperands.OperandKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the SET and REMOVE clauses of a PartiQL UPDATE into one update expression: assignments, arithmetic, and
 * {@code set_add} and {@code set_delete}, which become the expression's ADD and DELETE actions.
 */
final class PartiQlUpdateClauses {

    private final PartiQlTokens tokens;
    private final PartiQlOperands operands;

    PartiQlUpdateClauses(PartiQlTokens tokens, PartiQlOperands operands) {
        this.tokens = tokens;
        this.operands = operands;
    }

    /** SET and REMOVE clauses, in any number and order, as one update expression. */
    String read() {
        List<String> sets = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        while (tokens.peekIs("SET") || tokens.peekIs("REMOVE")) {
            boolean set = tokens.next().is("SET");
            do {
                if (tokens.peekIs(",")) {
                    tokens.next();
                }
                if (set) {
                    assignment(sets, adds, deletes);
                } else {
                    removes.add(operands.path());
                }
            } while (tokens.peekIs(","));
        }
        if (sets.isEmpty() && adds.isEmpty() && deletes.isEmpty() && removes.isEmpty()) {
            throw PartiQlLexer.syntax(PartiQlParser.NO_MANIPULATION);
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
        String target = operands.path();
        tokens.expect("=");
        Token token = tokens.peek();
        if (token != null && token.kind() == Kind.WORD && operands.isCall()
                && (token.is("set_add") || token.is("set_delete"))) {
            String function = tokens.next().text().toUpperCase();
            tokens.expect("(");
            List<Operand> arguments = new ArrayList<>();
            Token firstArgument = tokens.peek();
            while (!tokens.peekIs(")")) {
                arguments.add(operands.operand());
                if (tokens.peekIs(",")) {
                    tokens.next();
                }
            }
            tokens.expect(")");
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
        String value = operands.operand().text();
        if (tokens.peekIs("+") || tokens.peekIs("-")) {
            value += " " + tokens.next().text() + " " + operands.operand().text();
        } else if (tokens.peek() != null && tokens.peek().kind() == Kind.NUMBER
                && tokens.peek().text().startsWith("-")) {
            // "a -1" lexes as a negative literal: read it as a subtraction
            Token number = tokens.next();
            ObjectNode positive = Json.object().put("N", number.text().substring(1));
            value += " - " + operands.placeholder(positive);
        }
        sets.add(target + " = " + value);
    }
}
