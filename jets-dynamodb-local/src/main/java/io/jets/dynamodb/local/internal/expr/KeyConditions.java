package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reduces a parsed KeyConditionExpression to a {@link KeyCondition}, refusing what Query cannot do with
 * DynamoDB's messages. Like DynamoDB it walks the conditions in order, checking each node's operator and then each
 * condition's shape and key before the next; then at most two conditions, then the key schema.
 */
final class KeyConditions {

    /** A comparison the other way round ({@code :v <= sk}) means its mirror ({@code sk >= :v}). */
    private static final Map<String, String> MIRRORED = Map.of("=", "=", "<", ">", "<=", ">=", ">", "<", ">=", "<=");

    /** One sort or partition key condition before the schema is applied. */
    record Term(String name, KeyCondition.RangeOperator operator, List<JsonNode> values) {
    }

    private KeyConditions() {
    }

    static KeyCondition of(ConditionNode node, String hashKey, String rangeKeyOrNull) {
        List<Term> terms = new ArrayList<>();
        collect(node, terms);
        int keyAttributes = rangeKeyOrNull == null ? 1 : 2;
        if (terms.size() > 2) {
            throw ApiException.validation("The number of query conditions (" + terms.size() + ") exceeds the number"
                    + " of key attributes defined in the schema (" + keyAttributes + ")");
        }
        return withSchema(terms, hashKey, rangeKeyOrNull);
    }

    /** {@link #of} for a key of several HASH or several RANGE attributes, which takes more than two conditions. */
    static MultiKeyCondition ofMultiAttribute(ConditionNode node, List<String> hashKeys, List<String> rangeKeys) {
        List<Term> terms = new ArrayList<>();
        collect(node, terms);
        return MultiKeyCondition.of(terms, hashKeys, rangeKeys);
    }

    /** Walks the tree in order, checking each node as DynamoDB does before moving on to the next. */
    private static void collect(ConditionNode node, List<Term> terms) {
        checkOperator(node);
        if (node instanceof ConditionNode.And and) {
            collect(and.left(), terms);
            collect(and.right(), terms);
            return;
        }
        Term term = term(node);
        for (Term seen : terms) {
            if (seen.name().equals(term.name())) {
                throw ApiException.validation(ExpressionKind.KEY_CONDITION.invalid(
                        "KeyConditionExpressions must only contain one condition per key"));
            }
        }
        terms.add(term);
    }

    /** Applies the key schema to one or two terms; shared with the legacy KeyConditions. */
    static KeyCondition withSchema(List<Term> terms, String hashKey, String rangeKeyOrNull) {
        Term hash = null;
        Term range = null;
        for (Term term : terms) {
            if (term.name().equals(hashKey)) {
                hash = term;
            } else {
                range = term;
            }
        }
        if (hash == null) {
            throw ApiException.validation(terms.size() == 1
                    ? "Query condition missed key schema element: " + hashKey
                    : "Query key condition not supported");
        }
        if (hash.operator() != KeyCondition.RangeOperator.EQ) {
            throw ApiException.validation("Query key condition not supported");
        }
        if (range != null && !range.name().equals(rangeKeyOrNull)) {
            throw ApiException.validation(rangeKeyOrNull == null ? "Query key condition not supported"
                    : "Query condition missed key schema element: " + rangeKeyOrNull);
        }
        return range == null
                ? new KeyCondition(hashKey, hash.values().get(0), null, null, List.of())
                : new KeyCondition(hashKey, hash.values().get(0), range.name(), range.operator(), range.values());
    }

    private static void checkOperator(ConditionNode node) {
        String invalid = null;
        if (node instanceof ConditionNode.Or) {
            invalid = "OR";
        } else if (node instanceof ConditionNode.Not) {
            invalid = "NOT";
        } else if (node instanceof ConditionNode.In) {
            invalid = "IN";
        } else if (node instanceof ConditionNode.Compare compare && compare.operator().equals("<>")) {
            invalid = "<>";
        } else if (node instanceof ConditionNode.Function function && !function.name().equals("begins_with")) {
            invalid = function.name();
        }
        if (invalid != null) {
            throw ApiException.validation("Invalid operator used in KeyConditionExpression: " + invalid);
        }
    }

    private static Term term(ConditionNode leaf) {
        List<Operand> operands;
        if (leaf instanceof ConditionNode.Compare c) {
            operands = List.of(c.left(), c.right());
        } else if (leaf instanceof ConditionNode.Between b) {
            operands = List.of(b.value(), b.low(), b.high());
        } else {
            operands = ((ConditionNode.Function) leaf).arguments();
        }
        boolean keyFirst = operands.get(0) instanceof Operand.PathOperand;
        if (!keyFirst && !(leaf instanceof ConditionNode.Compare)) {
            throw ApiException.validation("Invalid condition in KeyConditionExpression: "
                    + (leaf instanceof ConditionNode.Between ? "BETWEEN" : "begins_with")
                    + " operator must have the key attribute as its first operand");
        }
        int pathIndex = -1;
        for (int i = 0; i < operands.size(); i++) {
            Operand operand = operands.get(i);
            if (operand instanceof Operand.PathOperand path) {
                if (pathIndex >= 0) {
                    throw ApiException.validation("Invalid condition in KeyConditionExpression: Multiple attribute "
                            + "names used in one condition");
                }
                if (path.path().size() > 1) {
                    throw ApiException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                pathIndex = i;
            } else if (operand instanceof Operand.Size) {
                throw ApiException.validation("KeyConditionExpressions cannot contain nested operations");
            }
        }
        if (pathIndex < 0) {
            throw ApiException.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        DocumentPath path = ((Operand.PathOperand) operands.get(pathIndex)).path();
        List<JsonNode> values = new ArrayList<>();
        for (Operand operand : operands) {
            if (operand instanceof Operand.ValueOperand value) {
                values.add(value.value());
            }
        }
        if (leaf instanceof ConditionNode.Compare c) {
            String operator = pathIndex == 0 ? c.operator() : MIRRORED.get(c.operator());
            return new Term(path.first(), rangeOperator(operator), values);
        }
        return new Term(path.first(), leaf instanceof ConditionNode.Between ? KeyCondition.RangeOperator.BETWEEN
                : KeyCondition.RangeOperator.BEGINS_WITH, values);
    }

    private static KeyCondition.RangeOperator rangeOperator(String comparator) {
        return switch (comparator) {
            case "=" -> KeyCondition.RangeOperator.EQ;
            case "<" -> KeyCondition.RangeOperator.LT;
            case "<=" -> KeyCondition.RangeOperator.LE;
            case ">" -> KeyCondition.RangeOperator.GT;
            default -> KeyCondition.RangeOperator.GE;
        };
    }
}
