package io.jets.dynamodb.local.internal.expr;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for condition, update and projection expressions. Precedence, lowest first: OR, AND,
 * NOT, then comparisons, BETWEEN, IN and functions; parentheses override it. Syntax errors are thrown at once in
 * DynamoDB's form; other mistakes (reserved words, unknown functions) are reported only if the whole expression
 * parses, as DynamoDB does.
 */
final class Parser {

    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Map<String, Integer> CONDITION_FUNCTIONS = Map.of(
            "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2, "begins_with", 2, "contains", 2);
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final int MAX_IN_OPERANDS = 100;

    /** Mistakes other than syntax, reported in this order of precedence as DynamoDB does. */
    private static final int RESERVED = 0;
    private static final int FUNCTION = 1;
    private static final int STRUCTURE = 2;
    /** Reported only after placeholders and overlapping paths have been checked. */
    private static final int OPERANDS = 3;
    private static final int DOCUMENT_PATH = 4;

    /**
     * A parsed expression with the placeholders it uses, in order of appearance, and the first mistake DynamoDB
     * reports only after checking those placeholders (null when there is none). Immutable, so it is cached.
     */
    record Result<T>(T tree, List<String> names, List<String> values, ApiException lateError) {
        Result {
            names = List.copyOf(names);
            values = List.copyOf(values);
        }

        /** Checks every placeholder is defined (names first) and marks them used. */
        void resolvePlaceholders(ExpressionContext ctx, ExpressionKind kind) {
            for (String name : names) {
                ctx.name(name, kind);
            }
            for (String value : values) {
                ctx.value(value, kind);
            }
        }

        void throwLateError() {
            if (lateError != null) {
                throw lateError;
            }
        }
    }

    private final String text;
    private final ExpressionKind kind;
    private final List<Token> tokens;
    private int pos;
    private final ApiException[] deferred = new ApiException[DOCUMENT_PATH + 1];
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private Parser(String text, ExpressionKind kind) {
        this.text = text;
        this.kind = kind;
        this.tokens = Lexer.tokenize(text);
        if (tokens.size() == 1) {
            throw ApiException.validation(kind.invalid("The expression can not be empty;"));
        }
    }

    static Result<ConditionNode> condition(String text, ExpressionKind kind) {
        Parser parser = new Parser(text, kind);
        return parser.finish(parser.parseOr());
    }

    static Result<List<Update.Action>> update(String text) {
        Parser parser = new Parser(text, ExpressionKind.UPDATE);
        return parser.finish(List.copyOf(parser.parseUpdate()));
    }

    static Result<List<DocumentPath>> projection(String text) {
        Parser parser = new Parser(text, ExpressionKind.PROJECTION);
        List<DocumentPath> paths = new ArrayList<>();
        paths.add(parser.parsePath());
        while (parser.peek().is(",")) {
            parser.next();
            paths.add(parser.parsePath());
        }
        return parser.finish(List.copyOf(paths));
    }

    // ---- tokens

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(pos);
        if (token.kind() != Token.Kind.EOF) {
            pos++;
        }
        return token;
    }

    private void expect(String symbol) {
        if (!peek().is(symbol)) {
            throw syntaxError();
        }
        next();
    }

    private <T> Result<T> finish(T tree) {
        if (peek().kind() != Token.Kind.EOF) {
            throw syntaxError();
        }
        for (int priority = RESERVED; priority <= STRUCTURE; priority++) {
            if (deferred[priority] != null) {
                throw deferred[priority];
            }
        }
        ApiException late = deferred[OPERANDS] != null ? deferred[OPERANDS] : deferred[DOCUMENT_PATH];
        return new Result<>(tree, names, values, late);
    }

    private void defer(int priority, String detail) {
        if (deferred[priority] == null) {
            deferred[priority] = ApiException.validation(kind.invalid(detail));
        }
    }

    /** {@code token: "x", near: "prev x next"} — the offending token with one token either side. */
    private ApiException syntaxError() {
        Token token = peek();
        int from = pos > 0 ? tokens.get(pos - 1).start() : token.start();
        int to = token.kind() == Token.Kind.EOF ? token.start() : peek(1).kind() == Token.Kind.EOF ? token.end()
                : peek(1).end();
        String near = text.substring(from, to).strip();
        return ApiException.validation(
                kind.invalid("Syntax error; token: \"" + token.display() + "\", near: \"" + near + "\""));
    }

    // ---- conditions

    private ConditionNode parseOr() {
        ConditionNode left = parseAnd();
        while (peek().isWord("OR")) {
            next();
            left = new ConditionNode.Or(left, parseAnd());
        }
        return left;
    }

    private ConditionNode parseAnd() {
        ConditionNode left = parseNot();
        while (peek().isWord("AND")) {
            next();
            left = new ConditionNode.And(left, parseNot());
        }
        return left;
    }

    private ConditionNode parseNot() {
        if (peek().isWord("NOT")) {
            next();
            return new ConditionNode.Not(parseNot());
        }
        return parsePrimary();
    }

    private ConditionNode parsePrimary() {
        Token token = peek();
        if (token.is("(")) {
            next();
            ConditionNode inner = parseOr();
            expect(")");
            return inner;
        }
        Operand left;
        if (token.kind() == Token.Kind.WORD && peek(1).is("(")) {
            String name = next().text();
            List<Operand> arguments = parseArguments(false);
            if (!startsComparison(peek())) {
                return conditionFunction(name, arguments);
            }
            left = operandFunction(name, arguments, false);
        } else {
            left = parseOperand(false);
        }
        Token operator = peek();
        if (operator.kind() == Token.Kind.SYMBOL && COMPARATORS.contains(operator.text())) {
            next();
            return new ConditionNode.Compare(left, operator.text(), parseOperand(false));
        }
        if (operator.isWord("BETWEEN")) {
            next();
            Operand low = parseOperand(false);
            if (!peek().isWord("AND")) {
                throw syntaxError();
            }
            next();
            return new ConditionNode.Between(left, low, parseOperand(false));
        }
        if (operator.isWord("IN")) {
            next();
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            candidates.add(parseOperand(false));
            while (peek().is(",")) {
                next();
                candidates.add(parseOperand(false));
            }
            expect(")");
            if (candidates.size() > MAX_IN_OPERANDS) {
                defer(STRUCTURE, "The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new ConditionNode.In(left, List.copyOf(candidates));
        }
        throw syntaxError();
    }

    private static boolean startsComparison(Token token) {
        return (token.kind() == Token.Kind.SYMBOL && COMPARATORS.contains(token.text())) || token.isWord("BETWEEN")
                || token.isWord("IN");
    }

    private ConditionNode conditionFunction(String name, List<Operand> arguments) {
        Integer arity = CONDITION_FUNCTIONS.get(name);
        if (arity == null) {
            defer(FUNCTION, UPDATE_FUNCTIONS.contains(name)
                    ? "The function is not allowed in a condition expression; function: " + name
                    : "Invalid function name; function: " + name);
            return new ConditionNode.Function("attribute_exists", arguments);
        }
        if (arguments.size() != arity) {
            defer(OPERANDS, "Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + arguments.size());
            return new ConditionNode.Function("attribute_exists", arguments);
        }
        if (name.startsWith("attribute_") && !(arguments.get(0) instanceof Operand.PathOperand)) {
            defer(DOCUMENT_PATH, "Operator or function requires a document path; operator or function: " + name);
        }
        return new ConditionNode.Function(name, arguments);
    }

    private List<Operand> parseArguments(boolean update) {
        expect("(");
        List<Operand> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            arguments.add(parseOperand(update));
            while (peek().is(",")) {
                next();
                arguments.add(parseOperand(update));
            }
        }
        expect(")");
        return List.copyOf(arguments);
    }

    // ---- operands and paths

    private Operand parseOperand(boolean update) {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_REF) {
            next();
            values.add(token.text());
            return new Operand.ValueOperand(token.text(), null);
        }
        if (token.kind() == Token.Kind.WORD && peek(1).is("(")) {
            String name = next().text();
            return operandFunction(name, parseArguments(update), update);
        }
        if (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.NAME_REF) {
            return new Operand.PathOperand(parsePath());
        }
        throw syntaxError();
    }

    private Operand operandFunction(String name, List<Operand> arguments, boolean update) {
        Operand placeholder = arguments.isEmpty() ? new Operand.ValueOperand(":", null) : arguments.get(0);
        boolean allowed = update ? UPDATE_FUNCTIONS.contains(name) : name.equals("size");
        if (!allowed) {
            if (!update && UPDATE_FUNCTIONS.contains(name)) {
                defer(FUNCTION, "The function is not allowed in a condition expression; function: " + name);
            } else if (update && (name.equals("size") || CONDITION_FUNCTIONS.containsKey(name))) {
                defer(FUNCTION, "The function is not allowed in an update expression; function: " + name);
            } else if (CONDITION_FUNCTIONS.containsKey(name)) {
                defer(FUNCTION, "The function is not allowed to be used this way in an expression; function: " + name);
            } else {
                defer(FUNCTION, "Invalid function name; function: " + name);
            }
            return placeholder;
        }
        int arity = name.equals("size") ? 1 : 2;
        if (arguments.size() != arity) {
            defer(OPERANDS, "Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + arguments.size());
            return placeholder;
        }
        if ((name.equals("size") || name.equals("if_not_exists")) && !(arguments.get(0) instanceof Operand.PathOperand)) {
            defer(DOCUMENT_PATH, "Operator or function requires a document path; operator or function: " + name);
            return placeholder;
        }
        return switch (name) {
            case "size" -> new Operand.Size(arguments.get(0));
            case "if_not_exists" -> new Operand.IfNotExists((Operand.PathOperand) arguments.get(0), arguments.get(1));
            default -> new Operand.ListAppend(arguments.get(0), arguments.get(1));
        };
    }

    private DocumentPath parsePath() {
        List<Object> elements = new ArrayList<>();
        elements.add(parseName());
        while (true) {
            if (peek().is(".")) {
                next();
                elements.add(parseName());
            } else if (peek().is("[")) {
                next();
                Token index = peek();
                if (index.kind() != Token.Kind.NUMBER) {
                    throw syntaxError();
                }
                next();
                try {
                    elements.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    defer(STRUCTURE, "List index is too large; index: " + index.text());
                    elements.add(Integer.MAX_VALUE);
                }
                expect("]");
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private Object parseName() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME_REF) {
            next();
            names.add(token.text());
            return new DocumentPath.Ref(token.text());
        }
        if (token.kind() != Token.Kind.WORD) {
            throw syntaxError();
        }
        next();
        if (ReservedWords.isReserved(token.text())) {
            defer(RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        return token.text();
    }

    // ---- updates

    private List<Update.Action> parseUpdate() {
        List<Update.Action> actions = new ArrayList<>();
        Set<Update.ActionType> seen = new HashSet<>();
        while (peek().kind() != Token.Kind.EOF) {
            Token clause = peek();
            Update.ActionType type = clause.kind() == Token.Kind.WORD ? actionType(clause.text()) : null;
            if (type == null) {
                throw syntaxError();
            }
            next();
            if (!seen.add(type)) {
                defer(STRUCTURE, "The \"" + type + "\" section can only be used once in an update expression;");
            }
            actions.add(parseAction(type));
            while (peek().is(",")) {
                next();
                actions.add(parseAction(type));
            }
        }
        return actions;
    }

    private static Update.ActionType actionType(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "SET" -> Update.ActionType.SET;
            case "REMOVE" -> Update.ActionType.REMOVE;
            case "ADD" -> Update.ActionType.ADD;
            case "DELETE" -> Update.ActionType.DELETE;
            default -> null;
        };
    }

    private Update.Action parseAction(Update.ActionType type) {
        DocumentPath path = parsePath();
        switch (type) {
            case SET -> {
                expect("=");
                Operand value = parseOperand(true);
                if (peek().is("+") || peek().is("-")) {
                    char operator = next().text().charAt(0);
                    value = new Operand.Arithmetic(value, operator, parseOperand(true));
                }
                return new Update.Action(type, path, value);
            }
            case REMOVE -> {
                return new Update.Action(type, path, null);
            }
            default -> {
                Token value = peek();
                if (value.kind() != Token.Kind.VALUE_REF) {
                    throw syntaxError();
                }
                next();
                values.add(value.text());
                return new Update.Action(type, path, new Operand.ValueOperand(value.text(), null));
            }
        }
    }
}
