package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed tree of a condition. Like {@link Operand}, {@link #bind} returns a copy with the request's names and
 * values resolved; parsed trees are immutable and shared between requests.
 */
sealed interface ConditionNode extends Condition {

    ConditionNode bind(ExpressionContext ctx, ExpressionKind kind);

    /**
     * One comparison or function as written, with its placeholders in order of appearance and the mistakes
     * found while parsing it. Binding checks them in DynamoDB's order (undefined placeholders, operand counts,
     * identical operands, then operand types) and returns the bound condition itself.
     */
    record Leaf(ConditionNode condition, List<String> placeholders, String operandError, String functionError)
            implements ConditionNode {

        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            for (String placeholder : placeholders) {
                if (placeholder.charAt(0) == '#') {
                    ctx.name(placeholder, kind);
                } else {
                    ctx.value(placeholder, kind);
                }
            }
            if (operandError != null) {
                throw ApiException.validation(kind.invalid(operandError));
            }
            ConditionNode bound = condition.bind(ctx, kind);
            ConditionChecks.distinctOperands(bound, kind);
            if (functionError != null) {
                throw ApiException.validation(kind.invalid(functionError));
            }
            ConditionChecks.operandTypes(bound, kind);
            return bound;
        }

        @Override
        public boolean test(ObjectNode item) {
            return condition.test(item);
        }
    }

    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            return new And(left.bind(ctx, kind), right.bind(ctx, kind));
        }

        @Override
        public boolean test(ObjectNode item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            return new Or(left.bind(ctx, kind), right.bind(ctx, kind));
        }

        @Override
        public boolean test(ObjectNode item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(ConditionNode operand) implements ConditionNode {
        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            return new Not(operand.bind(ctx, kind));
        }

        @Override
        public boolean test(ObjectNode item) {
            return !operand.test(item);
        }
    }

    /** {@code a = b}, {@code a <> b}, {@code a < b}, … */
    record Compare(Operand left, String operator, Operand right) implements ConditionNode {
        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            return new Compare(left.bind(ctx, kind), operator, right.bind(ctx, kind));
        }

        @Override
        public boolean test(ObjectNode item) {
            JsonNode a = left.eval(item);
            JsonNode b = right.eval(item);
            return switch (operator) {
                case "=" -> AttributeValues.equal(a, b);
                case "<>" -> !AttributeValues.equal(a, b);
                default -> Functions.ordered(a, operator, b);
            };
        }
    }

    record Between(Operand value, Operand low, Operand high) implements ConditionNode {
        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            return new Between(value.bind(ctx, kind), low.bind(ctx, kind), high.bind(ctx, kind));
        }

        @Override
        public boolean test(ObjectNode item) {
            return Functions.between(value.eval(item), low.eval(item), high.eval(item));
        }
    }

    record In(Operand value, List<Operand> candidates) implements ConditionNode {
        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            return new In(value.bind(ctx, kind), bindAll(candidates, ctx, kind));
        }

        @Override
        public boolean test(ObjectNode item) {
            JsonNode v = value.eval(item);
            if (v == null) {
                return false;
            }
            for (Operand candidate : candidates) {
                if (AttributeValues.equal(v, candidate.eval(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
    record Function(String name, List<Operand> arguments) implements ConditionNode {
        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            return new Function(name, bindAll(arguments, ctx, kind));
        }

        @Override
        public boolean test(ObjectNode item) {
            JsonNode first = arguments.get(0).eval(item);
            return switch (name) {
                case "attribute_exists" -> first != null;
                case "attribute_not_exists" -> first == null;
                case "attribute_type" -> first != null
                        && arguments.get(1).eval(item).path("S").asText().equals(AttributeValues.type(first));
                case "begins_with" -> Functions.beginsWith(first, arguments.get(1).eval(item));
                case "contains" -> Functions.contains(first, arguments.get(1).eval(item));
                default -> throw new IllegalStateException("unknown function " + name);
            };
        }
    }

    private static List<Operand> bindAll(List<Operand> operands, ExpressionContext ctx, ExpressionKind kind) {
        List<Operand> bound = new ArrayList<>(operands.size());
        for (Operand operand : operands) {
            bound.add(operand.bind(ctx, kind));
        }
        return List.copyOf(bound);
    }
}
