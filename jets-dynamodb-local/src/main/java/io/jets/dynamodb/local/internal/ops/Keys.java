package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.storage.KeyEncoding;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.util.Iterator;

/** Primary keys of items: extraction, validation with DynamoDB's messages, and storage encoding. */
public final class Keys {

    private static final byte[] NO_RANGE = new byte[0];
    private static final String MISMATCH = "The provided key element does not match the schema";
    private static final String TYPE_MISMATCH = "One or more parameter values were invalid: Type mismatch for key ";
    private static final String MISSING = "One or more parameter values were invalid: Missing the key ";

    private Keys() {
    }

    /** The key of a full item (PutItem), checked against the table's key schema. */
    public static ObjectNode ofItem(TableDefinition table, ObjectNode item) {
        ObjectNode key = Json.object();
        for (String name : table.keyNames()) {
            JsonNode value = item.get(name);
            if (value == null) {
                throw ApiException.validation(MISSING + name + " in the item");
            }
            checkType(table, name, value, true);
            key.set(name, value);
        }
        return key;
    }

    /** A Key parameter (GetItem, UpdateItem, DeleteItem…): exactly the key attributes with their types. */
    public static ObjectNode checkKey(TableDefinition table, JsonNode key) {
        if (key instanceof ObjectNode values) {
            // a malformed value is reported ahead of a key that does not fit the schema
            values.forEach(AttributeValues::validateValue);
        }
        if (!(key instanceof ObjectNode object) || object.size() != table.keyNames().size()) {
            throw mismatch();
        }
        for (String name : table.keyNames()) {
            JsonNode value = object.get(name);
            if (value == null) {
                throw mismatch();
            }
            checkType(table, name, value, false);
        }
        return object;
    }

    /** A key value, in an item or in a condition's equality, is not an empty string or binary. */
    static void checkNotEmpty(String name, JsonNode value) {
        String type = AttributeValues.type(value);
        if (value.get(type).asText().isEmpty()) {
            throw ApiException.validation("One or more parameter values are not valid. The AttributeValue for a"
                    + " key attribute cannot contain an empty " + (type.equals("B") ? "binary" : "string")
                    + " value. Key: " + name);
        }
    }

    private static void checkType(TableDefinition table, String name, JsonNode value, boolean inItem) {
        String expected = table.typeOf(name);
        String actual = value.isObject() && value.size() == 1 ? value.fieldNames().next() : "";
        if (!expected.equals(actual)) {
            if (inItem) {
                throw ApiException.validation(TYPE_MISMATCH + name + " expected: " + expected + " actual: " + actual);
            }
            throw mismatch();
        }
        checkNotEmpty(name, value);
        if (actual.equals("N")) {
            // a number key is held to the range and precision of any number
            AttributeValues.validateValue(value);
        }
        checkKeySize(table.hashKey().equals(name), actual, value.get(actual).asText());
    }

    /**
     * The bytes a string or binary key value counts against DynamoDB's key size limits; -1 for a number (exempt)
     * or a binary that is not base64 (refused elsewhere).
     */
    static long keyBytes(String type, String text) {
        if (type.equals("S")) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (type.equals("B")) {
            try {
                return java.util.Base64.getDecoder().decode(text).length;
            } catch (IllegalArgumentException notBase64) {
                return -1;
            }
        }
        return -1;
    }

    /** DynamoDB's key size limits: 2048 bytes for a partition key, 1024 for a sort key (numbers are exempt). */
    private static void checkKeySize(boolean partition, String type, String text) {
        long bytes = keyBytes(type, text);
        if (partition && bytes > 2048) {
            // sic: DynamoDB's message has no space before the limit
            throw ApiException.validation("One or more parameter values were invalid: Size of hashkey has exceeded"
                    + " the maximum size limit of2048 bytes");
        }
        if (!partition && bytes > 1024) {
            throw ApiException.validation("One or more parameter values were invalid: Aggregated size of all range"
                    + " keys has exceeded the size limit of 1024 bytes");
        }
    }

    /**
     * True for a refusal of {@link #ofItem} or {@link #checkKey} saying the key does not fit the table's key schema
     * (a wrong type, a missing or extra attribute), as opposed to a key value that is invalid whatever the schema
     * (empty, oversized); transactions report the former per action.
     */
    static boolean isSchemaMismatch(ApiException e) {
        String message = e.getMessage();
        return message.equals(MISMATCH) || message.startsWith(TYPE_MISMATCH) || message.startsWith(MISSING);
    }

    static ApiException mismatch() {
        return ApiException.validation(MISMATCH);
    }

    public static byte[] hash(TableDefinition table, JsonNode item) {
        return KeyEncoding.encode(item.get(table.hashKey()));
    }

    public static byte[] range(TableDefinition table, JsonNode item) {
        return table.rangeKey() == null ? NO_RANGE : KeyEncoding.encode(item.get(table.rangeKey()));
    }

    /** The key attributes of a stored item, in key-schema order. */
    public static ObjectNode project(TableDefinition table, ObjectNode item) {
        ObjectNode key = Json.object();
        for (String name : table.keyNames()) {
            key.set(name, item.get(name));
        }
        return key;
    }

    /** True when every member of {@code key} is a key attribute of the table. */
    static boolean onlyKeyAttributes(TableDefinition table, ObjectNode key) {
        for (Iterator<String> names = key.fieldNames(); names.hasNext(); ) {
            if (!table.keyNames().contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
