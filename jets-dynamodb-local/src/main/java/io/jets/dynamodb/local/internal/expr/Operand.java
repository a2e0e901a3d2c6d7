package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * A value inside an expression. Parsed operands hold placeholders; {@link #bind} returns a copy whose names and
 * values are resolved against one request's {@link ExpressionContext}, so parsed trees can be cached and shared.
 */
sealed interface Operand {

    Operand bind(ExpressionContext ctx, ExpressionKind kind);

    /** The operand's value for the item, or null when it refers to something the item does not have. */
    JsonNode eval(ObjectNode item);

    /** An attribute in the item. */
    record PathOperand(DocumentPath path) implements Operand {
        @Override
        public Operand bind(ExpressionContext ctx, ExpressionKind kind) {
            return new PathOperand(path.resolve(ctx, kind));
        }

        @Override
        public JsonNode eval(ObjectNode item) {
            return Paths.get(item, path);
        }
    }

    /** An {@code :value} placeholder; {@code value} is null until bound. */
    record ValueOperand(String placeholder, JsonNode value) implements Operand {
        @Override
        public Operand bind(ExpressionContext ctx, ExpressionKind kind) {
            return new ValueOperand(placeholder, ctx.value(placeholder, kind));
        }

        @Override
        public JsonNode eval(ObjectNode item) {
            return value;
        }
    }

    /** {@code size(path)}: length of a string or binary, member count of a set, list or map. */
    record Size(Operand operand) implements Operand {
        @Override
        public Operand bind(ExpressionContext ctx, ExpressionKind kind) {
            return new Size(operand.bind(ctx, kind));
        }

        @Override
        public JsonNode eval(ObjectNode item) {
            JsonNode value = operand.eval(item);
            if (value == null) {
                return null;
            }
            long size = AttributeValues.size(value);
            return size < 0 ? null : AttributeValues.number(Long.toString(size));
        }
    }

    /** {@code if_not_exists(path, operand)} in a SET action. */
    record IfNotExists(PathOperand path, Operand fallback) implements Operand {
        @Override
        public Operand bind(ExpressionContext ctx, ExpressionKind kind) {
            return new IfNotExists((PathOperand) path.bind(ctx, kind), fallback.bind(ctx, kind));
        }

        @Override
        public JsonNode eval(ObjectNode item) {
            JsonNode value = path.eval(item);
            return value != null ? value : fallback.eval(item);
        }
    }

    /** {@code list_append(a, b)} in a SET action. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public Operand bind(ExpressionContext ctx, ExpressionKind kind) {
            return new ListAppend(first.bind(ctx, kind), second.bind(ctx, kind));
        }

        @Override
        public JsonNode eval(ObjectNode item) {
            JsonNode a = UpdateOperands.required(first, item);
            JsonNode b = UpdateOperands.required(second, item);
            if (!a.has("L") || !b.has("L")) {
                throw UpdateOperands.incorrectType();
            }
            ObjectNode result = AttributeValues.JSON.objectNode();
            result.putArray("L").addAll((ArrayNode) a.get("L").deepCopy())
                    .addAll((ArrayNode) b.get("L").deepCopy());
            return result;
        }
    }

    /** {@code a + b} or {@code a - b} in a SET action. */
    record Arithmetic(Operand left, char operator, Operand right) implements Operand {
        @Override
        public Operand bind(ExpressionContext ctx, ExpressionKind kind) {
            return new Arithmetic(left.bind(ctx, kind), operator, right.bind(ctx, kind));
        }

        @Override
        public JsonNode eval(ObjectNode item) {
            JsonNode a = UpdateOperands.required(left, item);
            JsonNode b = UpdateOperands.required(right, item);
            if (!a.has("N") || !b.has("N")) {
                throw UpdateOperands.incorrectType();
            }
            BigDecimal x = new BigDecimal(a.get("N").asText());
            BigDecimal y = new BigDecimal(b.get("N").asText());
            return UpdateOperands.checkedNumber(operator == '+' ? x.add(y) : x.subtract(y));
        }
    }
}
