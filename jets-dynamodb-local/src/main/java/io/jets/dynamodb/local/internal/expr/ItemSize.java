package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * DynamoDB's item size, which the 400 KB item limit, the 1 MB page cap and capacity units are counted in: attribute
 * names in UTF-8 bytes plus value sizes — strings in UTF-8 bytes, binaries in raw bytes, numbers as stored,
 * one byte for booleans and nulls, three bytes of overhead for a list or map plus one per element.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">
 *     Item sizes and formats</a>
 */
final class ItemSize {

    private ItemSize() {
    }

    static long of(ObjectNode item) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            size += utf8Length(e.getKey()) + ofValue(e.getValue());
        }
        return size;
    }

    static long ofValue(JsonNode value) {
        String type = AttributeValues.type(value);
        if (type == null) {
            return 0;
        }
        JsonNode content = value.get(type);
        long size = 0;
        switch (type) {
            case "S" -> size = utf8Length(content.asText());
            case "N" -> size = ofNumber(content.asText());
            case "B" -> size = base64Length(content.asText());
            case "BOOL", "NULL" -> size = 1;
            case "SS" -> {
                for (JsonNode m : content) {
                    size += utf8Length(m.asText());
                }
            }
            case "NS" -> {
                for (JsonNode m : content) {
                    size += ofNumber(m.asText());
                }
            }
            case "BS" -> {
                for (JsonNode m : content) {
                    size += base64Length(m.asText());
                }
            }
            case "L" -> {
                size = 3;
                for (JsonNode m : content) {
                    size += 1 + ofValue(m);
                }
            }
            case "M" -> {
                size = 3;
                for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    size += 1 + utf8Length(e.getKey()) + ofValue(e.getValue());
                }
            }
            default -> {
            }
        }
        return size;
    }

    /**
     * DynamoDB stores numbers in base 100 without leading or trailing zeros: one byte per pair of significant
     * digits (pairs aligned on the decimal point, so an even digit count at an even exponent needs one more), one
     * byte of exponent, and one more for negative numbers.
     */
    static long ofNumber(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text.length();
        }
        if (number.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        int digits = stripped.precision();
        int exponent = digits - stripped.scale() - 1;
        boolean extraPair = digits % 2 == 0 && exponent % 2 == 0;
        return 1 + (digits + 1) / 2 + (extraPair ? 1 : 0) + (number.signum() < 0 ? 1 : 0);
    }

    static long utf8Length(String s) {
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static long base64Length(String base64) {
        int length = base64.length();
        while (length > 0 && base64.charAt(length - 1) == '=') {
            length--;
        }
        return (long) length * 3 / 4;
    }
}
