package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The key condition of a Query on a global secondary index whose key has several HASH or several RANGE
 * attributes: an equality on every HASH attribute and on a prefix of the RANGE attributes, then optionally one
 * range condition on the RANGE attribute after that prefix.
 *
 * <pre>{@code
 * MultiKeyCondition key = Expressions.multiKeyCondition("h = :h AND a = :a AND b > :b", ctx,
 *         List.of("h"), List.of("a", "b", "c"));
 * boolean hit = key.matches(item);
 * }</pre>
 *
 * @param equalities the attributes that must equal a value, in key schema order
 * @param last       the range condition on the RANGE attribute after the equalities, or null
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html">
 *     Multi-attribute keys pattern</a>
 */
public record MultiKeyCondition(Map<String, JsonNode> equalities, KeyCondition last) {

    public MultiKeyCondition {
        equalities = Collections.unmodifiableMap(new LinkedHashMap<>(equalities));
    }

    /** Whether the item's index key satisfies every condition. */
    public boolean matches(ObjectNode item) {
        for (Map.Entry<String, JsonNode> equality : equalities.entrySet()) {
            if (!AttributeValues.equal(item.get(equality.getKey()), equality.getValue())) {
                return false;
            }
        }
        return last == null || last.rangeMatches(item.get(last.rangeName()));
    }

    /** Every value must have its attribute's defined type, with DynamoDB's message. */
    public void checkTypes(Function<String, String> typeOf) {
        List<Map.Entry<String, JsonNode>> values = new ArrayList<>(equalities.entrySet());
        if (last != null) {
            last.rangeValues().forEach(value -> values.add(Map.entry(last.rangeName(), value)));
        }
        for (Map.Entry<String, JsonNode> value : values) {
            if (!typeOf.apply(value.getKey()).equals(AttributeValues.type(value.getValue()))) {
                throw ApiException.validation("One or more parameter values were invalid: Condition parameter type"
                        + " does not match schema type");
            }
        }
    }

    /**
     * Applies a multi-attribute key schema to the conditions of an expression, written in any order: every HASH
     * attribute by equality, and the RANGE attributes left to right with no gap, only the last one named taking
     * a range condition.
     */
    static MultiKeyCondition of(List<KeyConditions.Term> terms, List<String> hashKeys, List<String> rangeKeys) {
        Map<String, KeyConditions.Term> byName = new LinkedHashMap<>();
        for (KeyConditions.Term term : terms) {
            if (!hashKeys.contains(term.name()) && !rangeKeys.contains(term.name())) {
                throw ApiException.validation("Query key condition not supported");
            }
            byName.put(term.name(), term);
        }
        Map<String, JsonNode> equalities = new LinkedHashMap<>();
        for (String hashKey : hashKeys) {
            KeyConditions.Term term = byName.get(hashKey);
            if (term == null) {
                throw ApiException.validation("Query condition missed key schema element: " + hashKey);
            }
            if (term.operator() != KeyCondition.RangeOperator.EQ) {
                throw ApiException.validation("Query key condition not supported");
            }
            equalities.put(hashKey, term.values().get(0));
        }
        int lastNamed = -1;
        for (int i = 0; i < rangeKeys.size(); i++) {
            if (byName.containsKey(rangeKeys.get(i))) {
                lastNamed = i;
            }
        }
        List<String> withoutEquality = new ArrayList<>();
        for (int i = 0; i < lastNamed; i++) {
            KeyConditions.Term term = byName.get(rangeKeys.get(i));
            if (term == null || term.operator() != KeyCondition.RangeOperator.EQ) {
                withoutEquality.add(rangeKeys.get(i));
            }
        }
        if (!withoutEquality.isEmpty()) {
            throw ApiException.validation("RANGE key attributes " + String.join(", ", withoutEquality)
                    + " must have equality conditions specified in the query because a condition is present on key"
                    + " attribute " + rangeKeys.get(lastNamed));
        }
        for (int i = 0; i < lastNamed; i++) {
            equalities.put(rangeKeys.get(i), byName.get(rangeKeys.get(i)).values().get(0));
        }
        KeyCondition last = null;
        if (lastNamed >= 0) {
            KeyConditions.Term term = byName.get(rangeKeys.get(lastNamed));
            if (term.operator() == KeyCondition.RangeOperator.EQ) {
                equalities.put(term.name(), term.values().get(0));
            } else {
                JsonNode hashValue = equalities.get(hashKeys.get(0));
                last = new KeyCondition(hashKeys.get(0), hashValue, term.name(), term.operator(), term.values());
            }
        }
        return new MultiKeyCondition(equalities, last);
    }
}
