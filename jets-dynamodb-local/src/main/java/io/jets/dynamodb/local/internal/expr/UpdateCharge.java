package io.jets.dynamodb.local.internal.expr;

import java.util.List;

/**
 * What UpdateItem's UpdateExpression is measured at against the 400 KB item limit, besides the item it leaves.
 * DynamoDB sizes the statement rather than the item: three bytes for the update, and for each clause a fixed cost
 * plus the bytes of what the request writes, so the key and the attributes the statement leaves alone are not
 * counted and a short-keyed item tops out below 409,600 bytes. Clause costs, measured against DynamoDB:
 *
 * <pre>
 * SET / ADD target operand   19 + target + operand      REMOVE / DELETE target   1 + target
 * target                     first name + (4 + element) for each further element
 * path operand               1 + (14 + element) for each element; the value it reads is free
 * value operand              the value's size, at every use
 * a + b / a - b              34 / 37 + both operands    if_not_exists(p, v)      39 + both operands
 * list_append(a, b)          37 + both operands         element                  a name's bytes, an index's digits
 * </pre>
 *
 * Only the request is measured, so the charge is refused before the condition is evaluated. Transactions, PartiQL
 * and AttributeUpdates size the finished item alone.
 */
final class UpdateCharge {

    private static final long UPDATE = 3;
    private static final long WRITE_CLAUSE = 19;
    private static final long REMOVE_CLAUSE = 1;

    private UpdateCharge() {
    }

    static long of(List<Update.Action> actions) {
        long charge = UPDATE;
        for (Update.Action action : actions) {
            long target = target(action.path());
            charge += switch (action.type()) {
                case SET, ADD -> WRITE_CLAUSE + target + operand(action.value());
                case REMOVE, DELETE -> REMOVE_CLAUSE + target;
            };
        }
        return charge;
    }

    private static long target(DocumentPath path) {
        long bytes = ItemSize.utf8Length(path.first());
        for (int i = 1; i < path.size(); i++) {
            bytes += 4 + element(path.elements().get(i));
        }
        return bytes;
    }

    private static long operand(Operand operand) {
        if (operand instanceof Operand.ValueOperand value) {
            return ItemSize.ofValue(value.value());
        }
        if (operand instanceof Operand.PathOperand path) {
            long bytes = 1;
            for (Object element : path.path().elements()) {
                bytes += 14 + element(element);
            }
            return bytes;
        }
        if (operand instanceof Operand.Arithmetic arithmetic) {
            return (arithmetic.operator() == '+' ? 34 : 37) + operand(arithmetic.left()) + operand(arithmetic.right());
        }
        if (operand instanceof Operand.IfNotExists ifNotExists) {
            return 39 + operand(ifNotExists.path()) + operand(ifNotExists.fallback());
        }
        if (operand instanceof Operand.ListAppend append) {
            return 37 + operand(append.first()) + operand(append.second());
        }
        // size() has no place in a SET, which the parser refuses
        return 0;
    }

    private static long element(Object element) {
        return element instanceof Integer index ? Integer.toString(index).length()
                : ItemSize.utf8Length((String) element);
    }
}
