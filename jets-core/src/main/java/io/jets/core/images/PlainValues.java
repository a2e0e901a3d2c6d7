package io.jets.core.images;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.jets.core.JetsException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plain Java values to DynamoDB attributes, the reverse of {@link Images#toValue}. */
final class PlainValues {

    private PlainValues() {
    }

    static AttributeValue toAttributeValue(Object value) {
        AttributeValue attribute = new AttributeValue();
        if (value == null) {
            return attribute.withNULL(true);
        } else if (value instanceof String s) {
            return attribute.withS(s);
        } else if (value instanceof Number n) {
            return attribute.withN(number(n));
        } else if (value instanceof Boolean b) {
            return attribute.withBOOL(b);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return attribute.withB(binary(value));
        } else if (value instanceof Enum<?> e) {
            return attribute.withS(e.name());
        } else if (value instanceof Set<?> set && !set.isEmpty()) {
            return set(set);
        } else if (value instanceof Collection<?> list) {
            List<AttributeValue> elements = new ArrayList<>();
            list.forEach(element -> elements.add(toAttributeValue(element)));
            return attribute.withL(elements);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> members = new LinkedHashMap<>();
            map.forEach((k, v) -> members.put(String.valueOf(k), toAttributeValue(v)));
            return attribute.withM(members);
        } else if (value instanceof Record record) {
            Map<String, AttributeValue> members = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Attribute renamed = component.getAnnotation(Attribute.class);
                try {
                    Object componentValue = component.getAccessor().invoke(record);
                    members.put(renamed == null ? component.getName() : renamed.value(), toAttributeValue(componentValue));
                } catch (ReflectiveOperationException e) {
                    throw new JetsException("Cannot read " + component + " of " + record.getClass().getName(), e);
                }
            }
            return attribute.withM(members);
        }
        // Instants, dates, UUIDs and the like are stored as their ISO string, as the Enhanced Client does.
        return attribute.withS(value.toString());
    }

    private static AttributeValue set(Set<?> set) {
        Object first = set.iterator().next();
        if (first instanceof String) {
            return new AttributeValue().withSS(set.stream().map(String.class::cast).toList());
        } else if (first instanceof Number) {
            return new AttributeValue().withNS(set.stream().map(n -> number((Number) n)).toList());
        } else if (first instanceof byte[] || first instanceof ByteBuffer) {
            return new AttributeValue().withBS(set.stream().map(PlainValues::binary).toList());
        }
        throw new JetsException("A DynamoDB set holds strings, numbers or binaries, got a set of "
                + first.getClass().getSimpleName() + "; use a List for other values");
    }

    private static String number(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            return new BigDecimal(number.toString()).toPlainString();
        }
        return number.toString();
    }

    private static ByteBuffer binary(Object value) {
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes.clone());
        }
        return ((ByteBuffer) value).asReadOnlyBuffer();
    }
}
