package io.jets.dynamodb.local.internal.expr;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tokens of one expression being parsed, with what the grammars share: document paths, the placeholders
 * seen (in order of appearance) and the mistakes DynamoDB reports only once the whole expression has parsed.
 */
final class TokenStream {

    /** Mistakes found while parsing that do not stop it; each grammar reports them in its own precedence. */
    enum Slot { PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION, NESTING }

    /** Saved position for backtracking over a parenthesized operand. */
    record Mark(int pos, int placeholders, Map<Slot, ApiException> deferred) {
    }

    private final String text;
    private final ExpressionKind kind;
    private final List<Token> tokens;
    private int pos;
    private Map<Slot, ApiException> deferred = new EnumMap<>(Slot.class);
    private final List<String> placeholders = new ArrayList<>();
    private final Set<String> keywords;

    /** DynamoDB's limit on the length of one expression, in UTF-8 bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;

    /** DynamoDB's limit on the elements of one document path, the top-level name included. */
    static final int MAX_PATH_DEPTH = 32;

    /** The largest list index DynamoDB accepts in a document path. */
    static final long MAX_LIST_INDEX = 4_294_967_294L;

    TokenStream(String text, ExpressionKind kind) {
        long size = AttributeValues.utf8Length(text);
        if (size > MAX_EXPRESSION_BYTES) {
            // an UpdateExpression's message stops before the size the others report
            throw ApiException.validation(kind.invalid("Expression size has exceeded the maximum allowed size;"
                    + (kind == ExpressionKind.UPDATE ? "" : " expression size: " + size)));
        }
        this.text = text;
        this.kind = kind;
        this.keywords = switch (kind) {
            case UPDATE -> Set.of("SET", "REMOVE", "ADD", "DELETE");
            case PROJECTION -> Set.of();
            default -> Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
        };
        this.tokens = Lexer.tokenize(text);
        if (tokens.size() == 1) {
            throw ApiException.validation(kind.invalid("The expression can not be empty;"));
        }
    }

    ExpressionKind kind() {
        return kind;
    }

    /** A word the grammar reserves for itself (AND, SET, …), which can be neither a name nor a function. */
    boolean isKeyword(Token token) {
        return token.kind() == Token.Kind.WORD && keywords.contains(token.text().toUpperCase(Locale.ROOT));
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(pos);
        if (token.kind() != Token.Kind.EOF) {
            pos++;
        }
        return token;
    }

    void expect(String symbol) {
        if (!peek().is(symbol)) {
            throw syntaxError();
        }
        next();
    }

    /** One or more items separated by commas, each parsed by {@code item}. */
    <T> List<T> commaSeparated(Supplier<T> item) {
        List<T> items = new ArrayList<>();
        items.add(item.get());
        while (peek().is(",")) {
            next();
            items.add(item.get());
        }
        return items;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    Mark mark() {
        return new Mark(pos, placeholders.size(), new EnumMap<>(deferred));
    }

    void reset(Mark mark) {
        pos = mark.pos();
        placeholders.subList(mark.placeholders(), placeholders.size()).clear();
        deferred = new EnumMap<>(Slot.class);
        deferred.putAll(mark.deferred());
    }

    /** {@code token: "x", near: "prev x next"} — the offending token with one token either side. */
    ApiException syntaxError() {
        Token token = peek();
        int from = pos > 0 ? tokens.get(pos - 1).start() : token.start();
        int to = token.kind() == Token.Kind.EOF ? token.start()
                : peek(1).kind() == Token.Kind.EOF ? token.end() : peek(1).end();
        String near = text.substring(from, to).strip();
        return ApiException.validation(
                kind.invalid("Syntax error; token: \"" + token.display() + "\", near: \"" + near + "\""));
    }

    ApiException error(String detail) {
        return ApiException.validation(kind.invalid(detail));
    }

    /** Remembers the first mistake of its kind; {@link #throwDeferred} reports them after a successful parse. */
    void defer(Slot slot, String detail) {
        deferred.putIfAbsent(slot, error(detail));
    }

    void throwDeferred(Slot... precedence) {
        if (!atEnd()) {
            throw syntaxError();
        }
        for (Slot slot : precedence) {
            ApiException error = deferred.get(slot);
            if (error != null) {
                throw error;
            }
        }
    }

    /** Placeholders ({@code #name} and {@code :value}) from position {@code from}, in order of appearance. */
    List<String> placeholders(int from) {
        return List.copyOf(placeholders.subList(from, placeholders.size()));
    }

    int placeholderCount() {
        return placeholders.size();
    }

    Operand.ValueOperand parseValue() {
        Token token = peek();
        if (token.kind() != Token.Kind.VALUE_REF) {
            throw syntaxError();
        }
        next();
        placeholders.add(token.text());
        return new Operand.ValueOperand(token.text(), null);
    }

    DocumentPath parsePath() {
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
                elements.add(listIndex(index.text()));
                expect("]");
            } else {
                if (elements.size() > MAX_PATH_DEPTH) {
                    defer(Slot.NESTING, "The document path has too many nesting levels; nesting levels: "
                            + elements.size());
                }
                return new DocumentPath(elements);
            }
        }
    }

    /**
     * A list index as written. DynamoDB accepts indexes up to {@value #MAX_LIST_INDEX}; one past the end of a
     * list reads nothing and appends when set, so an index beyond int range is kept as the largest int.
     */
    private Integer listIndex(String digits) {
        long index = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (index > MAX_LIST_INDEX) {
            throw error("List index is not within the allowable range; index: [" + digits + "]");
        }
        return (int) Math.min(index, Integer.MAX_VALUE);
    }

    private Object parseName() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME_REF) {
            next();
            placeholders.add(token.text());
            return new DocumentPath.Ref(token.text());
        }
        if (token.kind() != Token.Kind.WORD || isKeyword(token)) {
            throw syntaxError();
        }
        next();
        if (ReservedWords.isReserved(token.text())) {
            defer(Slot.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        return token.text();
    }
}
