package io.jets.dynamodb.local.internal.expr;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Front door of the expression engine: parses DynamoDB expressions and binds them to a request's placeholders.
 * Parsed trees are immutable and cached by text, so a service sending the same expressions pays for parsing once.
 *
 * <pre>{@code
 * ExpressionContext ctx = ExpressionContext.of(names, values);
 * Condition condition = Expressions.condition(conditionText, ctx);
 * Update update = Expressions.update(updateText, ctx);
 * ctx.verifyAllUsed();
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.html">
 *     Using expressions in DynamoDB</a>
 */
public final class Expressions {

    private static final int CACHE_LIMIT = 4096;
    private static final Map<ExpressionKind, Map<String, Object>> CACHE = new ConcurrentHashMap<>();

    private Expressions() {
    }

    /** A ConditionExpression. */
    public static Condition condition(String expression, ExpressionContext ctx) {
        return condition(expression, ctx, ExpressionKind.CONDITION);
    }

    /** A FilterExpression: the condition grammar, errors prefixed {@code Invalid FilterExpression:}. */
    public static Condition filter(String expression, ExpressionContext ctx) {
        return condition(expression, ctx, ExpressionKind.FILTER);
    }

    /** A condition of the given kind ({@link ExpressionKind#CONDITION} or {@link ExpressionKind#FILTER}). */
    public static Condition condition(String expression, ExpressionContext ctx, ExpressionKind kind) {
        ConditionNode parsed = cached(kind, expression, () -> Parser.condition(expression, kind));
        return parsed.bind(ctx, kind);
    }

    /** An UpdateExpression. */
    public static Update update(String expression, ExpressionContext ctx) {
        Parser.Result<List<Update.Action>> parsed =
                cached(ExpressionKind.UPDATE, expression, () -> Parser.update(expression));
        return UpdateBinder.bind(parsed, ctx);
    }

    /** A ProjectionExpression. */
    public static Projection projection(String expression, ExpressionContext ctx) {
        Parser.Result<List<DocumentPath>> parsed =
                cached(ExpressionKind.PROJECTION, expression, () -> Parser.projection(expression));
        parsed.resolvePlaceholders(ctx, ExpressionKind.PROJECTION);
        List<DocumentPath> resolved = new ArrayList<>(parsed.tree().size());
        for (DocumentPath path : parsed.tree()) {
            resolved.add(path.resolve(ctx, ExpressionKind.PROJECTION));
        }
        Update.checkPaths(resolved, ExpressionKind.PROJECTION);
        return new Projection(resolved);
    }

    /** A KeyConditionExpression for a table or index whose keys are {@code hashKey} and {@code rangeKeyOrNull}. */
    public static KeyCondition keyCondition(String expression, ExpressionContext ctx, String hashKey,
                                            String rangeKeyOrNull) {
        ExpressionKind kind = ExpressionKind.KEY_CONDITION;
        ConditionNode parsed = cached(kind, expression, () -> Parser.condition(expression, kind));
        return KeyConditions.of(parsed.bind(ctx, kind), hashKey, rangeKeyOrNull);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cached(ExpressionKind kind, String expression, java.util.function.Supplier<T> parser) {
        if (expression == null) {
            throw ApiException.validation(kind.invalid("The expression can not be empty;"));
        }
        Map<String, Object> cache = CACHE.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
        Object parsed = cache.get(expression);
        if (parsed == null) {
            parsed = parser.get();
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(expression, parsed);
        }
        return (T) parsed;
    }
}
