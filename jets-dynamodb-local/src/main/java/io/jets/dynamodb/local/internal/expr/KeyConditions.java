package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reduces a parsed KeyConditionExpression to a {@link KeyCondition}, refusing what Query cannot do with
 * DynamoDB's messages, checked in DynamoDB's order: operators, each condition's shape, one condition per key,
 * at most two conditions, then the key schema.
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
        checkOperators(node);
        List<ConditionNode> leaves = new ArrayList<>();
        flatten(node, leaves);
        List<Term> terms = new ArrayList<>();
        for (ConditionNode leaf : leaves) {
            Term term = term(leaf);
            for (Term seen : terms) {
                if (seen.name().equals(term.name())) {
                    throw ApiException.validation("KeyConditionExpressions must only contain one condition per key");
                }
            }
            terms.add(term);
        }
        if (terms.size() > 2) {
            throw ApiException.validation("Conditions can be of length 1 or 2 only");
        }
        return withSchema(terms, hashKey, rangeKeyOrNull);
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

    private static void checkOperators(ConditionNode node) {
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
        if (node instanceof ConditionNode.And and) {
            checkOperators(and.left());
            checkOperators(and.right());
        }
    }

    private static void flatten(ConditionNode node, List<ConditionNode> leaves) {
        if (node instanceof ConditionNode.And and) {
            flatten(and.left(), leaves);
            flatten(and.right(), leaves);
        } else {
            leaves.add(node);
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
        int pathIndex = -1;
        int paths = 0;
        for (int i = 0; i < operands.size(); i++) {
            Operand operand = operands.get(i);
            if (operand instanceof Operand.Size) {
                throw ApiException.validation("KeyConditionExpressions cannot contain nested operations");
            }
            if (operand instanceof Operand.PathOperand) {
                paths++;
                if (pathIndex < 0) {
                    pathIndex = i;
                }
            }
        }
        if (pathIndex < 0) {
            throw ApiException.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        DocumentPath path = ((Operand.PathOperand) operands.get(pathIndex)).path();
        if (path.size() > 1) {
            throw ApiException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        if (paths > 1) {
            throw ApiException.validation(
                    "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        }
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
        if (leaf instanceof ConditionNode.Between) {
            requireKeyFirst(pathIndex, "BETWEEN");
            return new Term(path.first(), KeyCondition.RangeOperator.BETWEEN, values);
        }
        requireKeyFirst(pathIndex, "begins_with");
        return new Term(path.first(), KeyCondition.RangeOperator.BEGINS_WITH, values);
    }

    private static void requireKeyFirst(int pathIndex, String operator) {
        if (pathIndex != 0) {
            throw ApiException.validation("Invalid condition in KeyConditionExpression: " + operator
                    + " operator must have the key attribute as its first operand");
        }
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
