package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A SearchVectors {@code SearchConditionExpression}: equality conditions on top-level attributes of the vector
 * index's search schema, joined by {@code AND}, as DynamoDB accepts them today. The expression is parsed with the
 * grammar of a condition expression, so that a comparison DynamoDB does not support yet ({@code <}, {@code BETWEEN},
 * {@code OR}, a function) is refused by name rather than as a syntax error.
 *
 * <pre>{@code
 * SearchCondition condition = SearchCondition.parse("tenant = :t AND category = :c", ctx);
 * boolean matches = condition.test(item);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/VectorSearchFilterReference.html">
 *     SearchConditionExpression reference for vector indexes</a>
 */
public final class SearchCondition {

    private static final ExpressionKind KIND = ExpressionKind.SEARCH_CONDITION;
    private static final Set<String> COMPARATORS = Set.of("<>", "<", "<=", ">", ">=");
    private static final String INVALID_COMPARATOR = "Invalid comparator used in SearchConditionExpression";
    private static final String INVALID_OPERATOR = "Invalid operator used in SearchConditionExpression";
    private static final String NESTED = "SearchConditionExpression cannot have conditions on nested attributes";

    /** One condition: the attribute equals the value. */
    public record Equality(String attribute, JsonNode value) {
    }

    /** A condition as written: {@code path = :value}, before the placeholders are resolved. */
    private record Written(DocumentPath path, String value) {
    }

    private final List<Equality> equalities;

    private SearchCondition(List<Equality> equalities) {
        this.equalities = List.copyOf(equalities);
    }

    /** The conditions in the order written. */
    public List<Equality> equalities() {
        return equalities;
    }

    /** The value the expression requires of {@code attribute}, or null when it has no condition on it. */
    public JsonNode valueOf(String attribute) {
        for (Equality equality : equalities) {
            if (equality.attribute().equals(attribute)) {
                return equality.value();
            }
        }
        return null;
    }

    /** Whether the item meets every condition; an item without the attribute meets none on it. */
    public boolean test(ObjectNode item) {
        for (Equality equality : equalities) {
            JsonNode value = item.get(equality.attribute());
            if (value == null || !AttributeValues.equal(value, equality.value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses and resolves the expression: syntax first, then reserved words, then undefined placeholders, then
     * the first unsupported comparison in the order written, then nested paths and repeated attributes.
     */
    public static SearchCondition parse(String expression, ExpressionContext ctx) {
        TokenStream tokens = new TokenStream(expression, KIND);
        Parse parse = new Parse(tokens);
        parse.disjunction();
        tokens.throwDeferred(TokenStream.Slot.RESERVED, TokenStream.Slot.NESTING);
        for (String placeholder : tokens.placeholders(0)) {
            if (placeholder.charAt(0) == '#') {
                ctx.name(placeholder, KIND);
            } else {
                ctx.value(placeholder, KIND);
            }
        }
        if (!parse.unsupported.isEmpty()) {
            throw ApiException.validation(KIND.invalid(parse.unsupported.get(0)));
        }
        List<Equality> equalities = new ArrayList<>();
        for (Written written : parse.written) {
            if (written.path().size() > 1) {
                throw ApiException.validation(KIND.invalid(NESTED));
            }
            String attribute = written.path().resolve(ctx, KIND).first();
            if (equalities.stream().anyMatch(equality -> equality.attribute().equals(attribute))) {
                throw ApiException.validation("SearchConditionExpression must only contain one condition per"
                        + " attribute");
            }
            equalities.add(new Equality(attribute, ctx.value(written.value(), KIND)));
        }
        return new SearchCondition(equalities);
    }

    /** A recursive descent over the condition grammar, keeping the equalities and the unsupported parts. */
    private static final class Parse {
        private final TokenStream tokens;
        private final List<Written> written = new ArrayList<>();
        private final List<String> unsupported = new ArrayList<>();

        Parse(TokenStream tokens) {
            this.tokens = tokens;
        }

        void disjunction() {
            conjunction();
            while (tokens.peek().isWord("OR")) {
                tokens.next();
                unsupported.add(INVALID_OPERATOR);
                conjunction();
            }
        }

        private void conjunction() {
            negation();
            while (tokens.peek().isWord("AND")) {
                tokens.next();
                negation();
            }
        }

        private void negation() {
            if (tokens.peek().isWord("NOT")) {
                tokens.next();
                unsupported.add(INVALID_OPERATOR);
                negation();
                return;
            }
            primary();
        }

        private void primary() {
            if (tokens.peek().is("(")) {
                tokens.next();
                disjunction();
                tokens.expect(")");
                return;
            }
            if (isFunction()) {
                function();
                return;
            }
            Object left = operand();
            Token next = tokens.peek();
            if (next.is("=")) {
                tokens.next();
                Object right = operand();
                if (left instanceof DocumentPath path && right instanceof String value) {
                    written.add(new Written(path, value));
                } else if (left instanceof String value && right instanceof DocumentPath path) {
                    written.add(new Written(path, value));
                } else {
                    unsupported.add(INVALID_COMPARATOR);
                }
            } else if (next.kind() == Token.Kind.SYMBOL && COMPARATORS.contains(next.text())) {
                tokens.next();
                unsupported.add(INVALID_COMPARATOR);
                operand();
            } else if (next.isWord("BETWEEN")) {
                tokens.next();
                unsupported.add(INVALID_OPERATOR);
                operand();
                if (!tokens.peek().isWord("AND")) {
                    throw tokens.syntaxError();
                }
                tokens.next();
                operand();
            } else if (next.isWord("IN")) {
                tokens.next();
                unsupported.add(INVALID_OPERATOR);
                tokens.expect("(");
                tokens.commaSeparated(this::operand);
                tokens.expect(")");
            } else {
                throw tokens.syntaxError();
            }
        }

        private boolean isFunction() {
            Token token = tokens.peek();
            return token.kind() == Token.Kind.WORD && !tokens.isKeyword(token) && tokens.peek(1).is("(");
        }

        /** A function call ({@code attribute_exists(a)}, {@code size(a)}): none is supported in a search. */
        private void function() {
            tokens.next();
            unsupported.add(INVALID_OPERATOR);
            tokens.expect("(");
            tokens.commaSeparated(this::operand);
            tokens.expect(")");
        }

        /** A document path, or the placeholder of a value (returned as its text). */
        private Object operand() {
            Token token = tokens.peek();
            if (token.kind() == Token.Kind.VALUE_REF) {
                return tokens.parseValue().placeholder();
            }
            if (isFunction()) {
                function();
                return null;
            }
            return tokens.parsePath();
        }
    }
}
