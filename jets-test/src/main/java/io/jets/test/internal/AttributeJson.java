package io.jets.test.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.test.JetsTestException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain Java values and SDK {@link AttributeValue}s as DynamoDB JSON ({@code {"S":"id-1"}}), and the size DynamoDB
 * counts for them, which makes a stream record's {@code SizeBytes}.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">
 *     Item size calculations</a>
 */
public final class AttributeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AttributeJson() {
    }

    /** An image: attribute names to values, in the map's order. */
    public static ObjectNode image(Map<String, ?> item) {
        ObjectNode image = NODES.objectNode();
        item.forEach((name, value) -> image.set(name, value(name, value)));
        return image;
    }

    /** One value, converted as {@link AttributeValues} converts it. */
    public static ObjectNode value(String name, Object value) {
        return sdkValue(name, AttributeValues.value(name, value));
    }

    private static ObjectNode sdkValue(String name, AttributeValue value) {
        return switch (value.type()) {
            case S -> text("S", value.s());
            case N -> text("N", value.n());
            case B -> text("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> {
                ObjectNode node = NODES.objectNode();
                node.put("BOOL", value.bool());
                yield node;
            }
            case NUL -> {
                ObjectNode node = NODES.objectNode();
                node.put("NULL", true);
                yield node;
            }
            case SS -> strings("SS", value.ss());
            case NS -> strings("NS", value.ns());
            case BS -> strings("BS", value.bs().stream()
                    .map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList());
            case L -> {
                ObjectNode node = NODES.objectNode();
                ArrayNode array = node.putArray("L");
                value.l().forEach(element -> array.add(sdkValue(name, element)));
                yield node;
            }
            case M -> {
                ObjectNode node = NODES.objectNode();
                ObjectNode members = node.putObject("M");
                value.m().forEach((key, element) -> members.set(key, sdkValue(key, element)));
                yield node;
            }
            default -> throw new JetsTestException("Attribute " + name + " has no value set: " + value);
        };
    }

    private static ObjectNode text(String type, String value) {
        ObjectNode node = NODES.objectNode();
        node.put(type, value);
        return node;
    }

    private static ObjectNode strings(String type, Collection<String> values) {
        ObjectNode node = NODES.objectNode();
        ArrayNode array = node.putArray(type);
        values.forEach(array::add);
        return node;
    }

    /** DynamoDB's size of an image: each attribute's name in UTF-8 bytes plus its value's size. */
    public static long size(JsonNode image) {
        long size = 0;
        var fields = image.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            size += utf8(field.getKey()) + valueSize(field.getValue());
        }
        return size;
    }

    private static long valueSize(JsonNode value) {
        var entry = value.fields().next();
        JsonNode content = entry.getValue();
        return switch (entry.getKey()) {
            case "S" -> utf8(content.asText());
            case "N" -> numberSize(content.asText());
            case "B" -> Base64.getDecoder().decode(content.asText()).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> sum(content, node -> utf8(node.asText()));
            case "NS" -> sum(content, node -> numberSize(node.asText()));
            case "BS" -> sum(content, node -> Base64.getDecoder().decode(node.asText()).length);
            case "L" -> 3 + sum(content, node -> 1 + valueSize(node));
            case "M" -> 3 + size(content) + content.size();
            default -> 0;
        };
    }

    private static long sum(JsonNode array, java.util.function.ToLongFunction<JsonNode> size) {
        long total = 0;
        for (JsonNode node : array) {
            total += size.applyAsLong(node);
        }
        return total;
    }

    /** Numbers take about one byte per two significant digits, plus one. */
    private static long numberSize(String number) {
        String digits = new BigDecimal(number).unscaledValue().abs().toString().replaceAll("^0+|0+$", "");
        return Math.max(1, (digits.length() + 1) / 2) + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
