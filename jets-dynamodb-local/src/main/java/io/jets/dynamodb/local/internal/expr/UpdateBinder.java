package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a parsed update to a request's placeholders and makes the checks that need the values but not the item,
 * in DynamoDB's order: placeholders (names, then values), overlapping then conflicting paths, ADD/DELETE operand
 * types, function operand counts and paths, then the types of values given to {@code list_append}, {@code +} and
 * {@code -}.
 */
final class UpdateBinder {

    private static final Map<String, String> TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "BOOL", "BOOLEAN", "NULL", "NULL", "L", "LIST", "M", "MAP", "SS", "STRING_SET", "NS", "NUMBER_SET",
            "BS", "BINARY_SET");

    private UpdateBinder() {
    }

    static Update bind(Parser.Result<List<Update.Action>> parsed, ExpressionContext ctx) {
        ExpressionKind kind = ExpressionKind.UPDATE;
        parsed.resolvePlaceholders(ctx, kind);
        List<Update.Action> bound = new ArrayList<>(parsed.tree().size());
        for (Update.Action action : parsed.tree()) {
            Operand value = action.value() == null ? null : action.value().bind(ctx, kind);
            bound.add(new Update.Action(action.type(), action.path().resolve(ctx, kind), value));
        }
        Update update = new Update(bound, false);
        Update.checkPaths(update.paths(), kind);
        for (Update.Action action : bound) {
            if (action.type() == Update.ActionType.ADD || action.type() == Update.ActionType.DELETE) {
                String type = AttributeValues.type(((Operand.ValueOperand) action.value()).value());
                boolean set = type.equals("SS") || type.equals("NS") || type.equals("BS");
                boolean allowed = action.type() == Update.ActionType.ADD ? set || type.equals("N") : set;
                if (!allowed) {
                    throw ApiException.validation(kind.invalid("Incorrect operand type for operator or function; "
                            + "operator: " + action.type() + ", operand type: " + TYPE_NAMES.get(type)));
                }
            }
        }
        parsed.throwLateError();
        for (Update.Action action : bound) {
            if (action.type() == Update.ActionType.SET) {
                checkValueTypes(action.value());
            }
        }
        return update;
    }

    /** Values given straight to list_append must be lists, and to + and - numbers. */
    private static void checkValueTypes(Operand operand) {
        if (operand instanceof Operand.ListAppend append) {
            requireType(append.first(), "L", "list_append");
            requireType(append.second(), "L", "list_append");
            checkValueTypes(append.first());
            checkValueTypes(append.second());
        } else if (operand instanceof Operand.Arithmetic arithmetic) {
            String operator = String.valueOf(arithmetic.operator());
            requireType(arithmetic.left(), "N", operator);
            requireType(arithmetic.right(), "N", operator);
            checkValueTypes(arithmetic.left());
            checkValueTypes(arithmetic.right());
        } else if (operand instanceof Operand.IfNotExists ifNotExists) {
            checkValueTypes(ifNotExists.fallback());
        }
    }

    private static void requireType(Operand operand, String type, String operator) {
        if (operand instanceof Operand.ValueOperand value) {
            JsonNode v = value.value();
            String actual = AttributeValues.type(v);
            if (!type.equals(actual)) {
                throw ApiException.validation(ExpressionKind.UPDATE.invalid("Incorrect operand type for operator or "
                        + "function; operator or function: " + operator + ", operand type: " + actual));
            }
        }
    }
}
