package io.jets.dynamodb.local.internal.expr;

import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Binds parsed update actions to a request's placeholders and checks what can be checked before the item. */
final class UpdateBinder {

    private static final Map<String, String> TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "BOOL", "BOOLEAN", "NULL", "NULL", "L", "LIST", "M", "MAP", "SS", "STRING_SET", "NS", "NUMBER_SET",
            "BS", "BINARY_SET");

    private UpdateBinder() {
    }

    static Update bind(List<Update.Action> parsed, ExpressionContext ctx) {
        ExpressionKind kind = ExpressionKind.UPDATE;
        List<Update.Action> bound = new ArrayList<>(parsed.size());
        for (Update.Action action : parsed) {
            Operand value = action.value() == null ? null : action.value().bind(ctx, kind);
            bound.add(new Update.Action(action.type(), action.path().resolve(ctx, kind), value));
        }
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
        Update.checkPaths(bound, kind);
        return new Update(bound);
    }
}
