package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The parsed tree of a condition; like {@link Operand}, {@link #bind} resolves placeholders into a copy. */
sealed interface ConditionNode extends Condition {

    Set<String> ATTRIBUTE_TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    ConditionNode bind(ExpressionContext ctx, ExpressionKind kind);

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
            Between bound = new Between(value.bind(ctx, kind), low.bind(ctx, kind), high.bind(ctx, kind));
            if (bound.low instanceof Operand.ValueOperand lo && bound.high instanceof Operand.ValueOperand hi) {
                String loType = AttributeValues.type(lo.value());
                if (!loType.equals(AttributeValues.type(hi.value()))) {
                    throw ApiException.validation(kind.invalid("The BETWEEN operator requires same data type for "
                            + "lower and upper bounds; lower bound operand: AttributeValue: " + describe(lo.value())
                            + ", upper bound operand: AttributeValue: " + describe(hi.value())));
                }
                if (Set.of("N", "S", "B").contains(loType) && AttributeValues.compare(lo.value(), hi.value()) > 0) {
                    throw ApiException.validation(kind.invalid("The BETWEEN operator requires upper bound to be "
                            + "greater than or equal to lower bound; lower bound operand: AttributeValue: "
                            + describe(lo.value()) + ", upper bound operand: AttributeValue: "
                            + describe(hi.value())));
                }
            }
            return bound;
        }

        @Override
        public boolean test(ObjectNode item) {
            return Functions.between(value.eval(item), low.eval(item), high.eval(item));
        }
    }

    record In(Operand value, List<Operand> candidates) implements ConditionNode {
        @Override
        public ConditionNode bind(ExpressionContext ctx, ExpressionKind kind) {
            List<Operand> bound = new ArrayList<>(candidates.size());
            for (Operand candidate : candidates) {
                bound.add(candidate.bind(ctx, kind));
            }
            return new In(value.bind(ctx, kind), List.copyOf(bound));
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
            List<Operand> bound = new ArrayList<>(arguments.size());
            for (Operand argument : arguments) {
                bound.add(argument.bind(ctx, kind));
            }
            if (bound.size() == 2 && bound.get(1) instanceof Operand.ValueOperand v) {
                String type = AttributeValues.type(v.value());
                if (name.equals("begins_with") && !type.equals("S") && !type.equals("B")) {
                    throw ApiException.validation(kind.invalid("Incorrect operand type for operator or function; "
                            + "operator or function: begins_with, operand type: " + type));
                }
                if (name.equals("attribute_type")
                        && (!type.equals("S") || !ATTRIBUTE_TYPES.contains(v.value().get("S").asText()))) {
                    if (!type.equals("S")) {
                        throw ApiException.validation(kind.invalid("Incorrect operand type for operator or "
                                + "function; operator or function: attribute_type, operand type: " + type));
                    }
                    throw ApiException.validation(kind.invalid("Invalid attribute type name found; type: "
                            + v.value().get("S").asText() + ", valid types: { B, NULL, SS, BOOL, L, BS, N, NS, S, M }"));
                }
            }
            return new Function(name, List.copyOf(bound));
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

    /** {@code {N:5}} — how DynamoDB shows a value inside an error message. */
    static String describe(JsonNode value) {
        String type = AttributeValues.type(value);
        JsonNode content = value.get(type);
        return "{" + type + ":" + (content.isValueNode() ? content.asText() : content.toString()) + "}";
    }
}
