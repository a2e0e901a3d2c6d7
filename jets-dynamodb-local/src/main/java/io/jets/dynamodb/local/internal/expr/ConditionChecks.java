package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The checks DynamoDB makes on one bound condition before evaluating anything. */
final class ConditionChecks {

    private static final Set<String> ATTRIBUTE_TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");
    private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");
    private static final Set<String> ORDERED_TYPES = Set.of("S", "N", "B");

    private ConditionChecks() {
    }

    /** {@code a = a} or {@code contains(a, a)}: comparing a path with itself is refused. */
    static void distinctOperands(ConditionNode condition, ExpressionKind kind) {
        String operator = null;
        List<Operand> operands = List.of();
        if (condition instanceof ConditionNode.Compare compare) {
            operator = compare.operator();
            operands = List.of(compare.left(), compare.right());
        } else if (condition instanceof ConditionNode.Function function) {
            operator = function.name();
            operands = function.arguments();
        }
        if (operands.size() == 2 && operands.get(0) instanceof Operand.PathOperand first
                && operands.get(1) instanceof Operand.PathOperand second && first.path().equals(second.path())) {
            throw ApiException.validation(kind.invalid("The first operand must be distinct from the remaining "
                    + "operands for this operator or function; operator: " + operator + ", first operand: "
                    + first.path().describe()));
        }
    }

    /** Values of the wrong type given to size, begins_with, attribute_type, an ordering comparison or BETWEEN. */
    static void operandTypes(ConditionNode condition, ExpressionKind kind) {
        List<Operand> operands = operands(condition);
        if (condition instanceof ConditionNode.Compare compare && ORDERING.contains(compare.operator())) {
            orderable(List.of(compare.left(), compare.right()), compare.operator(), kind);
        } else if (condition instanceof ConditionNode.Between between) {
            orderable(List.of(between.value(), between.low(), between.high()), "BETWEEN", kind);
        }
        for (Operand operand : operands) {
            if (operand instanceof Operand.Size size) {
                String type = staticType(size.operand());
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    throw incorrectOperandType(kind, "size", type);
                }
            }
        }
        if (condition instanceof ConditionNode.Function function) {
            if (function.name().equals("begins_with")) {
                for (Operand argument : function.arguments()) {
                    String type = staticType(argument);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        throw incorrectOperandType(kind, "begins_with", type);
                    }
                }
            } else if (function.name().equals("attribute_type")) {
                Operand typeName = function.arguments().get(1);
                String type = staticType(typeName);
                if (!"S".equals(type)) {
                    throw incorrectOperandType(kind, "attribute_type",
                            type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
                }
                String name = ((Operand.ValueOperand) typeName).value().get("S").asText();
                if (!ATTRIBUTE_TYPES.contains(name)) {
                    throw ApiException.validation(kind.invalid("Invalid attribute type name found; type: " + name
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"));
                }
            }
        } else if (condition instanceof ConditionNode.Between between
                && between.low() instanceof Operand.ValueOperand low
                && between.high() instanceof Operand.ValueOperand high) {
            String lowType = AttributeValues.type(low.value());
            String highType = AttributeValues.type(high.value());
            if (!lowType.equals(highType)) {
                throw ApiException.validation(kind.invalid("The BETWEEN operator requires same data type for lower "
                        + "and upper bounds; lower bound operand: AttributeValue: " + describe(low.value())
                        + ", upper bound operand: AttributeValue: " + describe(high.value())));
            }
            if (Set.of("N", "S", "B").contains(lowType) && AttributeValues.compare(low.value(), high.value()) > 0) {
                throw ApiException.validation(kind.invalid("The BETWEEN operator requires upper bound to be greater "
                        + "than or equal to lower bound; lower bound operand: AttributeValue: " + describe(low.value())
                        + ", upper bound operand: AttributeValue: " + describe(high.value())));
            }
        }
    }

    /** Only strings, numbers and binary have an order; a value of another type cannot be compared. */
    private static void orderable(List<Operand> operands, String operator, ExpressionKind kind) {
        for (Operand operand : operands) {
            String type = operand instanceof Operand.ValueOperand value ? AttributeValues.type(value.value()) : null;
            if (type != null && !ORDERED_TYPES.contains(type)) {
                throw incorrectOperandType(kind, operator, type);
            }
        }
    }

    private static List<Operand> operands(ConditionNode condition) {
        if (condition instanceof ConditionNode.Compare c) {
            return List.of(c.left(), c.right());
        }
        if (condition instanceof ConditionNode.Between b) {
            return List.of(b.value(), b.low(), b.high());
        }
        if (condition instanceof ConditionNode.In in) {
            List<Operand> all = new ArrayList<>(in.candidates());
            all.add(0, in.value());
            return all;
        }
        if (condition instanceof ConditionNode.Function f) {
            return f.arguments();
        }
        return List.of();
    }

    /** The type an operand is known to have before any item is read: a value's, N for size(), else null. */
    private static String staticType(Operand operand) {
        if (operand instanceof Operand.ValueOperand value) {
            return AttributeValues.type(value.value());
        }
        return operand instanceof Operand.Size ? "N" : null;
    }

    private static ApiException incorrectOperandType(ExpressionKind kind, String function, String type) {
        return ApiException.validation(kind.invalid("Incorrect operand type for operator or function; operator or "
                + "function: " + function + ", operand type: " + type));
    }

    /** {@code {N:5}} — how DynamoDB shows a value inside an error message. */
    static String describe(JsonNode value) {
        String type = AttributeValues.type(value);
        JsonNode content = value.get(type);
        return "{" + type + ":" + (content.isValueNode() ? content.asText() : content.toString()) + "}";
    }
}
