package io.jets.dynamodb.local.internal.expr;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.List;

/**
 * Entry points of the hand-written recursive-descent parsers. Syntax errors are thrown at once in DynamoDB's
 * form ({@code Syntax error; token: "x", near: "…"}); other mistakes are reported once the whole expression has
 * parsed, in the precedence DynamoDB uses, so that a request with several mistakes gets DynamoDB's error.
 */
final class Parser {

    /**
     * A parsed expression with the placeholders it uses, in order of appearance, and the first mistake DynamoDB
     * reports only after checking placeholders and paths (null when there is none). Immutable, so it is cached.
     */
    record Result<T>(T tree, List<String> placeholders, ApiException lateError) {
        Result {
            placeholders = List.copyOf(placeholders);
        }

        /** Checks every placeholder is defined, names before values, and marks them used. */
        void resolvePlaceholders(ExpressionContext ctx, ExpressionKind kind) {
            for (String placeholder : placeholders) {
                if (placeholder.charAt(0) == '#') {
                    ctx.name(placeholder, kind);
                }
            }
            for (String placeholder : placeholders) {
                if (placeholder.charAt(0) == ':') {
                    ctx.value(placeholder, kind);
                }
            }
        }

        void throwLateError() {
            if (lateError != null) {
                throw lateError;
            }
        }
    }

    private Parser() {
    }

    /** A condition, filter or key condition; its per-condition mistakes are checked when it is bound. */
    static ConditionNode condition(String text, ExpressionKind kind) {
        return new ConditionParser(new TokenStream(text, kind)).parse();
    }

    static Result<List<Update.Action>> update(String text) {
        return new UpdateParser(new TokenStream(text, ExpressionKind.UPDATE)).parse();
    }

    static Result<List<DocumentPath>> projection(String text) {
        TokenStream tokens = new TokenStream(text, ExpressionKind.PROJECTION);
        List<DocumentPath> paths = tokens.commaSeparated(tokens::parsePath);
        tokens.throwDeferred(TokenStream.Slot.RESERVED, TokenStream.Slot.NESTING);
        return new Result<>(List.copyOf(paths), tokens.placeholders(0), null);
    }
}
