package io.jets.core.testing;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB's item size rules, which a stream record's {@code SizeBytes} sums over its keys and images
 * (the seed's MODIFY: keys 3 + new image 18 + old image 11 = 32).
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">Item sizes</a>
 */
final class ItemSize {

    private ItemSize() {
    }

    static long of(Map<String, AttributeValue> image) {
        if (image == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : image.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    private static long of(AttributeValue value) {
        if (value.getS() != null) {
            return utf8(value.getS());
        } else if (value.getN() != null) {
            return number(value.getN());
        } else if (value.getB() != null) {
            return value.getB().remaining();
        } else if (value.getSS() != null) {
            return value.getSS().stream().mapToLong(ItemSize::utf8).sum();
        } else if (value.getNS() != null) {
            return value.getNS().stream().mapToLong(ItemSize::number).sum();
        } else if (value.getBS() != null) {
            return value.getBS().stream().mapToLong(b -> b.remaining()).sum();
        } else if (value.getM() != null) {
            return 3 + value.getM().size() + of(value.getM());
        } else if (value.getL() != null) {
            return 3 + value.getL().size() + value.getL().stream().mapToLong(ItemSize::of).sum();
        }
        return 1; // NULL and BOOL
    }

    // One byte per two significant digits, plus one.
    private static long number(String number) {
        String digits = new BigDecimal(number).stripTrailingZeros().unscaledValue().abs().toString();
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
