package io.jets.dynamodb.local.internal.expr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The attributes an expression reaches into with a nested path ({@code a.b}, {@code a[0]}): DynamoDB refuses such
 * a path on a key attribute of the table or of an index, as key attributes are scalars.
 *
 * <pre>{@code
 * Set<String> nested = NestedKeyPaths.of(projection);   // "x.y, z" -> [x]
 * }</pre>
 */
public final class NestedKeyPaths {

    private NestedKeyPaths() {
    }

    /** The attributes a ProjectionExpression reaches into; none for AttributesToGet. */
    public static Set<String> of(Projection projection) {
        return projection == null ? Set.of() : nested(projection.paths());
    }

    /** The attributes the paths of an UpdateExpression reach into; none for AttributeUpdates. */
    public static Set<String> of(Update update) {
        return update == null ? Set.of() : nested(update.paths());
    }

    /** The attributes a FilterExpression reaches into; none for the legacy filters. */
    public static Set<String> of(Condition condition) {
        Set<String> names = new LinkedHashSet<>();
        collect(condition, names);
        return names;
    }

    private static Set<String> nested(List<DocumentPath> paths) {
        Set<String> names = new LinkedHashSet<>();
        for (DocumentPath path : paths) {
            if (path.size() > 1) {
                names.add(path.first());
            }
        }
        return names;
    }

    private static void collect(Condition condition, Set<String> names) {
        if (condition instanceof ConditionNode.And and) {
            collect(and.left(), names);
            collect(and.right(), names);
        } else if (condition instanceof ConditionNode.Or or) {
            collect(or.left(), names);
            collect(or.right(), names);
        } else if (condition instanceof ConditionNode.Not not) {
            collect(not.operand(), names);
        } else if (condition instanceof ConditionNode.Leaf leaf) {
            collect(leaf.condition(), names);
        } else if (condition instanceof ConditionNode.Compare compare) {
            collect(List.of(compare.left(), compare.right()), names);
        } else if (condition instanceof ConditionNode.Between between) {
            collect(List.of(between.value(), between.low(), between.high()), names);
        } else if (condition instanceof ConditionNode.In in) {
            collect(List.of(in.value()), names);
            collect(in.candidates(), names);
        } else if (condition instanceof ConditionNode.Function function) {
            collect(function.arguments(), names);
        }
    }

    private static void collect(List<Operand> operands, Set<String> names) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.PathOperand path && path.path().size() > 1) {
                names.add(path.path().first());
            } else if (operand instanceof Operand.Size size) {
                collect(List.of(size.operand()), names);
            }
        }
    }
}
