package io.jets.dynamodb.local.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the server. Numbers in items are strings in DynamoDB JSON, so no float handling. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            // attribute names reach 64 KB, beyond Jackson's default limit on member names
            .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(1 << 20).build())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static ObjectNode parseObject(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses stored UTF-8 JSON, as the store holds items and stream records. */
    public static ObjectNode parseObject(byte[] utf8) {
        try {
            return (ObjectNode) MAPPER.readTree(utf8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is corrupt: " + e.getMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of an optional string member, or null when absent or JSON null. */
    public static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** An optional member as an object, or null when absent or JSON null. */
    public static ObjectNode objectOrNull(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node instanceof ObjectNode object ? object : null;
    }
}
