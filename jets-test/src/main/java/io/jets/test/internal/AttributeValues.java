package io.jets.test.internal;

import io.jets.test.JetsTestException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Plain Java values as SDK {@link AttributeValue}s, for the items {@code Jets.putItem} writes. */
public final class AttributeValues {

    private AttributeValues() {
    }

    public static Map<String, AttributeValue> item(Map<String, ?> values) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        values.forEach((name, value) -> item.put(name, value(name, value)));
        return item;
    }

    static AttributeValue value(String name, Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        } else if (value instanceof AttributeValue attribute) {
            return attribute;
        } else if (value instanceof String s) {
            return AttributeValue.fromS(s);
        } else if (value instanceof Number n) {
            return AttributeValue.fromN(number(n));
        } else if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        } else if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        } else if (value instanceof SdkBytes bytes) {
            return AttributeValue.fromB(bytes);
        } else if (value instanceof Set<?> set) {
            return set(name, set);
        } else if (value instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(element -> value(name, element)).toList());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> members = new LinkedHashMap<>();
            map.forEach((key, element) -> members.put(String.valueOf(key), value(String.valueOf(key), element)));
            return AttributeValue.fromM(members);
        }
        throw new JetsTestException("Attribute " + name + " has a value DynamoDB cannot hold: " + value + " ("
                + value.getClass().getName() + "); use a String, Number, Boolean, byte[], List, Map, Set or null");
    }

    private static AttributeValue set(String name, Set<?> set) {
        if (set.isEmpty()) {
            throw new JetsTestException("Attribute " + name + " is an empty set; DynamoDB sets hold at least one value");
        }
        Object first = set.iterator().next();
        if (first instanceof String) {
            return AttributeValue.fromSs(set.stream().map(String.class::cast).toList());
        } else if (first instanceof Number) {
            return AttributeValue.fromNs(set.stream().map(n -> number((Number) n)).toList());
        } else if (first instanceof byte[]) {
            return AttributeValue.fromBs(set.stream().map(b -> SdkBytes.fromByteArray((byte[]) b)).toList());
        }
        throw new JetsTestException("Attribute " + name + " is a set of " + first.getClass().getName()
                + "; DynamoDB sets hold strings, numbers or byte arrays");
    }

    private static String number(Number n) {
        return n instanceof BigDecimal d ? d.toPlainString() : new BigDecimal(n.toString()).toPlainString();
    }
}
