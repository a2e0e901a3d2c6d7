package io.jets.dynamodb.local.internal.expr;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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

    /*
     * The one piece of static state in the engine, kept deliberately: a bounded memo of parse results. Parsed
     * trees are immutable and depend only on the text, so a hit and a miss behave identically; clearing the map
     * when it is full keeps generated expressions (PartiQL, per-request names) from growing it without bound.
     */
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
        if (kind != ExpressionKind.CONDITION && kind != ExpressionKind.FILTER) {
            throw new IllegalArgumentException("conditions are CONDITION or FILTER expressions, got: " + kind);
        }
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
    /**
     * Parses a KeyConditionExpression and binds its placeholders and operands, without a key schema: DynamoDB
     * refuses an operand no key could match before it looks for the table.
     */
    public static void checkKeyCondition(String expression, ExpressionContext ctx) {
        ExpressionKind kind = ExpressionKind.KEY_CONDITION;
        cached(kind, expression, () -> Parser.condition(expression, kind)).bind(ctx, kind);
    }

    public static KeyCondition keyCondition(String expression, ExpressionContext ctx, String hashKey,
                                            String rangeKeyOrNull) {
        ExpressionKind kind = ExpressionKind.KEY_CONDITION;
        ConditionNode parsed = cached(kind, expression, () -> Parser.condition(expression, kind));
        return KeyConditions.of(parsed.bind(ctx, kind), hashKey, rangeKeyOrNull);
    }

    /** The key condition of a Query on an index with a multi-attribute key; see {@link MultiKeyCondition}. */
    public static MultiKeyCondition multiKeyCondition(String expression, ExpressionContext ctx,
                                                      List<String> hashKeys, List<String> rangeKeys) {
        ExpressionKind kind = ExpressionKind.KEY_CONDITION;
        ConditionNode parsed = cached(kind, expression, () -> Parser.condition(expression, kind));
        return KeyConditions.ofMultiAttribute(parsed.bind(ctx, kind), hashKeys, rangeKeys);
    }

    /**
     * The top-level attribute names a condition reads, for the checks Query makes on filters
     * ({@code Filter Expression can only contain non-primary key attributes: Primary key attribute: pk}).
     */
    public static Set<String> attributeNames(Condition condition) {
        Set<String> names = new LinkedHashSet<>();
        collectNames(condition, names);
        return names;
    }

    private static void collectNames(Condition condition, Set<String> names) {
        if (condition instanceof ConditionNode.And and) {
            collectNames(and.left(), names);
            collectNames(and.right(), names);
        } else if (condition instanceof ConditionNode.Or or) {
            collectNames(or.left(), names);
            collectNames(or.right(), names);
        } else if (condition instanceof ConditionNode.Not not) {
            collectNames(not.operand(), names);
        } else if (condition instanceof ConditionNode.Leaf leaf) {
            collectNames(leaf.condition(), names);
        } else if (condition instanceof ConditionNode.Compare compare) {
            collectNames(List.of(compare.left(), compare.right()), names);
        } else if (condition instanceof ConditionNode.Between between) {
            collectNames(List.of(between.value(), between.low(), between.high()), names);
        } else if (condition instanceof ConditionNode.In in) {
            collectNames(List.of(in.value()), names);
            collectNames(in.candidates(), names);
        } else if (condition instanceof ConditionNode.Function function) {
            collectNames(function.arguments(), names);
        } else if (condition instanceof LegacyConditions.Combined combined) {
            combined.comparisons().forEach(c -> names.add(c.attribute()));
        } else if (condition instanceof LegacyConditions.Comparison comparison) {
            names.add(comparison.attribute());
        }
    }

    private static void collectNames(List<Operand> operands, Set<String> names) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.PathOperand path) {
                names.add(path.path().first());
            } else if (operand instanceof Operand.Size size) {
                collectNames(List.of(size.operand()), names);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cached(ExpressionKind kind, String expression, Supplier<T> parser) {
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
