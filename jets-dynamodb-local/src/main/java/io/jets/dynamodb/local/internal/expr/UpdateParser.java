package io.jets.dynamodb.local.internal.expr;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Update grammar: SET, REMOVE, ADD and DELETE sections in any order, each at most once. SET values are an
 * operand, or two joined by {@code +} or {@code -}, optionally in parentheses; operands are paths, values,
 * {@code if_not_exists(path, operand)} and {@code list_append(operand, operand)}.
 */
final class UpdateParser {

    private final TokenStream tokens;
    private ApiException functionError;

    UpdateParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    Parser.Result<List<Update.Action>> parse() {
        List<Update.Action> actions = new ArrayList<>();
        Set<Update.ActionType> seen = EnumSet.noneOf(Update.ActionType.class);
        while (!tokens.atEnd()) {
            Update.ActionType type = actionType(tokens.peek());
            if (type == null) {
                throw tokens.syntaxError();
            }
            tokens.next();
            if (!seen.add(type)) {
                tokens.defer(TokenStream.Slot.SECTION,
                        "The \"" + type + "\" section can only be used once in an update expression;");
            }
            actions.addAll(tokens.commaSeparated(() -> parseAction(type)));
        }
        tokens.throwDeferred(TokenStream.Slot.RESERVED, TokenStream.Slot.UNKNOWN_FUNCTION, TokenStream.Slot.SECTION,
                TokenStream.Slot.NESTING);
        return new Parser.Result<>(List.copyOf(actions), tokens.placeholders(0), functionError);
    }

    private static Update.ActionType actionType(Token token) {
        if (token.kind() != Token.Kind.WORD) {
            return null;
        }
        return switch (token.text().toUpperCase(Locale.ROOT)) {
            case "SET" -> Update.ActionType.SET;
            case "REMOVE" -> Update.ActionType.REMOVE;
            case "ADD" -> Update.ActionType.ADD;
            case "DELETE" -> Update.ActionType.DELETE;
            default -> null;
        };
    }

    private Update.Action parseAction(Update.ActionType type) {
        DocumentPath path = tokens.parsePath();
        return switch (type) {
            case SET -> {
                tokens.expect("=");
                yield new Update.Action(type, path, parseSetValueParens());
            }
            case REMOVE -> new Update.Action(type, path, null);
            default -> new Update.Action(type, path, tokens.parseValue());
        };
    }

    /** {@code (a + b)} as well as {@code a + b}; "(" may also just wrap the first operand. */
    private Operand parseSetValueParens() {
        if (tokens.peek().is("(")) {
            TokenStream.Mark mark = tokens.mark();
            ApiException savedError = functionError;
            try {
                tokens.next();
                Operand value = parseSetValue();
                tokens.expect(")");
                if (endsAction(tokens.peek())) {
                    return value;
                }
            } catch (ApiException notWrapped) {
                // the parenthesis wraps only the first operand
            }
            tokens.reset(mark);
            functionError = savedError;
        }
        return parseSetValue();
    }

    private boolean endsAction(Token token) {
        return token.kind() == Token.Kind.EOF || token.is(",") || actionType(token) != null;
    }

    private Operand parseSetValue() {
        Operand value = parseOperandParens();
        if (tokens.peek().is("+") || tokens.peek().is("-")) {
            char operator = tokens.next().text().charAt(0);
            value = new Operand.Arithmetic(value, operator, parseOperandParens());
        }
        return value;
    }

    private Operand parseOperandParens() {
        if (tokens.peek().is("(")) {
            tokens.next();
            Operand operand = parseOperand();
            tokens.expect(")");
            return operand;
        }
        return parseOperand();
    }

    private Operand parseOperand() {
        Token token = tokens.peek();
        if (token.kind() == Token.Kind.VALUE_REF) {
            return tokens.parseValue();
        }
        if (token.kind() == Token.Kind.WORD && tokens.peek(1).is("(") && !tokens.isKeyword(token)) {
            return parseFunction();
        }
        if (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.NAME_REF) {
            return new Operand.PathOperand(tokens.parsePath());
        }
        throw tokens.syntaxError();
    }

    private Operand parseFunction() {
        String name = tokens.next().text();
        tokens.expect("(");
        List<Operand> arguments = tokens.commaSeparated(this::parseOperandParens);
        tokens.expect(")");
        Operand first = arguments.get(0);
        if (!name.equals("if_not_exists") && !name.equals("list_append")) {
            tokens.defer(TokenStream.Slot.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return first;
        }
        if (arguments.size() != 2) {
            functionError("Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + arguments.size());
            return first;
        }
        if (name.equals("list_append")) {
            if (first instanceof Operand.ListAppend || arguments.get(1) instanceof Operand.ListAppend) {
                // if_not_exists may be nested in list_append, list_append itself may not
                functionError("The function is not allowed to be used this way in an expression; function: " + name);
            }
            return new Operand.ListAppend(first, arguments.get(1));
        }
        if (!(first instanceof Operand.PathOperand path)) {
            functionError("Operator or function requires a document path; operator or function: " + name);
            return first;
        }
        return new Operand.IfNotExists(path, arguments.get(1));
    }

    private void functionError(String detail) {
        if (functionError == null) {
            functionError = tokens.error(detail);
        }
    }
}
