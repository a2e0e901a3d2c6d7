package io.jets.dynamodb.local.internal.expr;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Condition grammar (ConditionExpression, FilterExpression, KeyConditionExpression). Precedence, lowest first:
 * OR, AND, NOT, then comparisons, BETWEEN, IN and functions; parentheses override it and may also wrap operands.
 * Each comparison or function becomes a {@link ConditionNode.Leaf} carrying the mistakes DynamoDB reports per
 * condition once placeholders are known.
 */
final class ConditionParser {

    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Map<String, Integer> FUNCTIONS = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
            "attribute_type", 2, "begins_with", 2, "contains", 2);
    /** attribute_type tests a value too: only these two need a document path. */
    private static final Set<String> PATH_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists");
    /** Functions of update expressions, which DynamoDB names as such when a condition uses them. */
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final int MAX_IN_OPERANDS = 100;
    /** DynamoDB's limit on comparisons, BETWEEN, IN, AND, OR and NOT in one expression; functions do not count. */
    private static final int MAX_OPERATORS = 300;

    private final TokenStream tokens;
    private final Set<ConditionNode> groups = Collections.newSetFromMap(new IdentityHashMap<>());
    private String operandError;
    private String functionError;
    private int operators;

    ConditionParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    ConditionNode parse() {
        ConditionNode node = parseOr();
        tokens.throwDeferred(TokenStream.Slot.PARENS, TokenStream.Slot.UNKNOWN_FUNCTION,
                TokenStream.Slot.MISUSED_FUNCTION, TokenStream.Slot.RESERVED, TokenStream.Slot.NESTING);
        return node;
    }

    private ConditionNode parseOr() {
        ConditionNode left = parseAnd();
        while (tokens.peek().isWord("OR")) {
            tokens.next();
            countOperator();
            left = new ConditionNode.Or(left, parseAnd());
        }
        return left;
    }

    private ConditionNode parseAnd() {
        ConditionNode left = parseNot();
        while (tokens.peek().isWord("AND")) {
            tokens.next();
            countOperator();
            left = new ConditionNode.And(left, parseNot());
        }
        return left;
    }

    private ConditionNode parseNot() {
        if (tokens.peek().isWord("NOT")) {
            tokens.next();
            countOperator();
            return new ConditionNode.Not(parseNot());
        }
        return parsePrimary();
    }

    private ConditionNode parsePrimary() {
        if (!tokens.peek().is("(")) {
            return parseLeaf();
        }
        // "(" opens either a group of conditions or a parenthesized operand such as "(a) = :v".
        TokenStream.Mark mark = tokens.mark();
        int operatorsAtMark = operators;
        try {
            ConditionNode leaf = parseLeaf();
            if (leaf != null) {
                return leaf;
            }
        } catch (ApiException notAnOperand) {
            // not an operand: parse a group
        }
        tokens.reset(mark);
        operators = operatorsAtMark;
        tokens.next();
        ConditionNode inner = parseOr();
        tokens.expect(")");
        if (groups.contains(inner)) {
            tokens.defer(TokenStream.Slot.PARENS, "The expression has redundant parentheses;");
        }
        groups.add(inner);
        return inner;
    }

    /** A comparison, BETWEEN, IN or function call; null when a leading "(" turns out to open a group. */
    private ConditionNode parseLeaf() {
        int start = tokens.placeholderCount();
        operandError = null;
        functionError = null;
        boolean parenthesized = tokens.peek().is("(");
        ConditionNode condition;
        Token token = tokens.peek();
        if (!parenthesized && token.kind() == Token.Kind.WORD && tokens.peek(1).is("(") && !tokens.isKeyword(token)) {
            String name = tokens.next().text();
            List<Operand> arguments = parseArguments();
            condition = startsComparison(tokens.peek()) ? parseComparison(operandFunction(name, arguments))
                    : conditionFunction(name, arguments);
        } else {
            Operand left = parseOperandParens();
            if (parenthesized && !startsComparison(tokens.peek())) {
                return null;
            }
            condition = parseComparison(left);
        }
        return new ConditionNode.Leaf(condition, tokens.placeholders(start), operandError, functionError);
    }

    private ConditionNode parseComparison(Operand left) {
        Token operator = tokens.peek();
        if (operator.kind() == Token.Kind.SYMBOL && COMPARATORS.contains(operator.text())) {
            tokens.next();
            countOperator();
            return new ConditionNode.Compare(left, operator.text(), parseOperandParens());
        }
        if (operator.isWord("BETWEEN")) {
            tokens.next();
            countOperator();
            Operand low = parseOperandParens();
            if (!tokens.peek().isWord("AND")) {
                throw tokens.syntaxError();
            }
            tokens.next();
            return new ConditionNode.Between(left, low, parseOperandParens());
        }
        if (operator.isWord("IN")) {
            tokens.next();
            countOperator();
            tokens.expect("(");
            List<Operand> candidates = tokens.commaSeparated(this::parseOperandParens);
            tokens.expect(")");
            if (candidates.size() > MAX_IN_OPERANDS && operandError == null) {
                operandError = "The IN operator is provided with too many operands; number of operands: "
                        + candidates.size();
            }
            return new ConditionNode.In(left, List.copyOf(candidates));
        }
        throw tokens.syntaxError();
    }

    private void countOperator() {
        if (++operators > MAX_OPERATORS) {
            throw tokens.error("The expression contains too many operators; operator count: " + operators);
        }
    }

    private static boolean startsComparison(Token token) {
        return (token.kind() == Token.Kind.SYMBOL && COMPARATORS.contains(token.text())) || token.isWord("BETWEEN")
                || token.isWord("IN");
    }

    private ConditionNode conditionFunction(String name, List<Operand> arguments) {
        if (name.equals("size")) {
            tokens.defer(TokenStream.Slot.MISUSED_FUNCTION,
                    "The function is not allowed to be used this way in an expression; function: size");
            return new ConditionNode.Function("attribute_exists", arguments);
        }
        Integer arity = FUNCTIONS.get(name);
        if (arity == null) {
            unknownFunction(name);
            return new ConditionNode.Function("attribute_exists", arguments);
        }
        if (arguments.size() != arity) {
            operandCount(name, arguments.size());
        } else if (PATH_FUNCTIONS.contains(name) && !(arguments.get(0) instanceof Operand.PathOperand)) {
            requirePath(name);
        }
        return new ConditionNode.Function(name, arguments);
    }

    private Operand operandFunction(String name, List<Operand> arguments) {
        Operand placeholder = arguments.get(0);
        if (name.equals("size")) {
            if (arguments.size() != 1) {
                operandCount(name, arguments.size());
            }
            return new Operand.Size(placeholder);
        }
        if (FUNCTIONS.containsKey(name)) {
            tokens.defer(TokenStream.Slot.MISUSED_FUNCTION,
                    "The function is not allowed to be used this way in an expression; function: " + name);
        } else {
            unknownFunction(name);
        }
        return placeholder;
    }

    private void unknownFunction(String name) {
        if (UPDATE_FUNCTIONS.contains(name)) {
            tokens.defer(TokenStream.Slot.MISUSED_FUNCTION,
                    "The function is not allowed in a condition expression; function: " + name);
        } else {
            tokens.defer(TokenStream.Slot.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
        }
    }

    private void operandCount(String name, int count) {
        if (operandError == null) {
            operandError = "Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + count;
        }
    }

    private void requirePath(String name) {
        if (functionError == null) {
            functionError = "Operator or function requires a document path; operator or function: " + name;
        }
    }

    private List<Operand> parseArguments() {
        tokens.expect("(");
        List<Operand> arguments = tokens.commaSeparated(this::parseOperandParens);
        tokens.expect(")");
        return List.copyOf(arguments);
    }

    /** An operand, optionally in parentheses; doubled parentheses are redundant. */
    private Operand parseOperandParens() {
        if (!tokens.peek().is("(")) {
            return parseOperand();
        }
        tokens.next();
        Operand operand;
        if (tokens.peek().is("(")) {
            tokens.next();
            operand = parseOperand();
            tokens.expect(")");
            tokens.defer(TokenStream.Slot.PARENS, "The expression has redundant parentheses;");
        } else {
            operand = parseOperand();
        }
        tokens.expect(")");
        return operand;
    }

    private Operand parseOperand() {
        Token token = tokens.peek();
        if (token.kind() == Token.Kind.VALUE_REF) {
            return tokens.parseValue();
        }
        if (token.kind() == Token.Kind.WORD && tokens.peek(1).is("(")) {
            String name = tokens.next().text();
            return operandFunction(name, parseArguments());
        }
        if (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.NAME_REF) {
            return new Operand.PathOperand(tokens.parsePath());
        }
        throw tokens.syntaxError();
    }
}
