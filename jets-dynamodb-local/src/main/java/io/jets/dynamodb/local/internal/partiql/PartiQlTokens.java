package io.jets.dynamodb.local.internal.partiql;

import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Kind;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Token;
import java.util.List;

/**
 * The tokens of one PartiQL statement and how far the parser has read them: what the statement, condition and
 * operand readers step through together.
 */
final class PartiQlTokens {

    private final List<Token> tokens;
    private int position;

    PartiQlTokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Where the next token stands in the statement, counted in tokens. */
    int position() {
        return position;
    }

    /** How many tokens are left to read. */
    int remaining() {
        return tokens.size() - position;
    }

    /** Whether the statement holds the word anywhere, read or not. */
    boolean containsWord(String word) {
        return tokens.stream().anyMatch(token -> token.kind() == Kind.WORD && token.is(word));
    }

    /** Whether the token after the next one is {@code word}: the parenthesis of a call, the IN of NOT IN. */
    boolean secondIs(String word) {
        return position + 1 < tokens.size() && tokens.get(position + 1).is(word);
    }

    boolean peekIs(String word) {
        Token token = peek();
        return token != null && token.is(word);
    }

    Token peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    Token next() {
        if (position >= tokens.size()) {
            throw PartiQlLexer.syntax("Unexpected term");
        }
        return tokens.get(position++);
    }

    void expect(String word) {
        Token token = next();
        if (!token.is(word)) {
            throw PartiQlLexer.syntax("expected " + word + ", got " + token.text());
        }
    }

    String name() {
        Token token = next();
        if (token.kind() != Kind.WORD && token.kind() != Kind.QUOTED_NAME) {
            throw PartiQlLexer.syntax("expected a name, got " + token.text());
        }
        return token.text();
    }
}
