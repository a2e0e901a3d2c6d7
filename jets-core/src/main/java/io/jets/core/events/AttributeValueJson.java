package io.jets.core.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.core.JetsException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB JSON ({@code {"S":"x"}}, {@code {"N":"1"}}, {@code {"B":"<base64>"}} …) to and from the
 * aws-lambda-java-events {@link AttributeValue}, as Lambda's Java runtime maps them. Attribute order is kept.
 */
final class AttributeValueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AttributeValueJson() {
    }

    static Map<String, AttributeValue> readImage(JsonNode image) {
        if (image == null || image.isNull()) {
            return null;
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        image.fields().forEachRemaining(e -> values.put(e.getKey(), read(e.getValue())));
        return values;
    }

    static AttributeValue read(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            throw new JetsException("A DynamoDB attribute value is an object with one type key (S, N, B, SS, NS,"
                    + " BS, M, L, NULL, BOOL), got: " + node);
        }
        Map.Entry<String, JsonNode> typed = node.fields().next();
        JsonNode value = typed.getValue();
        AttributeValue attribute = new AttributeValue();
        switch (typed.getKey()) {
            case "S" -> attribute.setS(value.asText());
            case "N" -> attribute.setN(value.asText());
            case "B" -> attribute.setB(ByteBuffer.wrap(Base64.getDecoder().decode(value.asText())));
            case "SS" -> attribute.setSS(texts(value));
            case "NS" -> attribute.setNS(texts(value));
            case "BS" -> attribute.setBS(texts(value).stream()
                    .map(b -> ByteBuffer.wrap(Base64.getDecoder().decode(b))).toList());
            case "M" -> attribute.setM(readImage(value));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                value.forEach(element -> list.add(read(element)));
                attribute.setL(list);
            }
            case "NULL" -> attribute.setNULL(value.asBoolean());
            case "BOOL" -> attribute.setBOOL(value.asBoolean());
            default -> throw new JetsException("Unknown DynamoDB attribute type " + typed.getKey()
                    + "; expected one of S, N, B, SS, NS, BS, M, L, NULL, BOOL");
        }
        return attribute;
    }

    static ObjectNode writeImage(Map<String, AttributeValue> image) {
        ObjectNode node = NODES.objectNode();
        image.forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    static ObjectNode write(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        if (value.getS() != null) {
            node.put("S", value.getS());
        } else if (value.getN() != null) {
            node.put("N", value.getN());
        } else if (value.getB() != null) {
            node.put("B", base64(value.getB()));
        } else if (value.getSS() != null) {
            ArrayNode set = node.putArray("SS");
            value.getSS().forEach(set::add);
        } else if (value.getNS() != null) {
            ArrayNode set = node.putArray("NS");
            value.getNS().forEach(set::add);
        } else if (value.getBS() != null) {
            ArrayNode set = node.putArray("BS");
            value.getBS().forEach(b -> set.add(base64(b)));
        } else if (value.getM() != null) {
            node.set("M", writeImage(value.getM()));
        } else if (value.getL() != null) {
            ArrayNode list = node.putArray("L");
            value.getL().forEach(element -> list.add(write(element)));
        } else if (value.getNULL() != null) {
            node.put("NULL", value.getNULL());
        } else if (value.getBOOL() != null) {
            node.put("BOOL", value.getBOOL());
        } else {
            throw new JetsException("An AttributeValue must have one of S, N, B, SS, NS, BS, M, L, NULL, BOOL set,"
                    + " got an empty one");
        }
        return node;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static String base64(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
