package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.table.IndexEntries;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.SearchSchemaElement;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * What a write obeys once its table has vector indexes ({@link VectorIndexes}): a vector attribute holds a list of
 * as many 32-bit floats as the index has dimensions, and the search schema attributes have their defined types;
 * and what the write is charged for each vector index it changes.
 */
final class VectorWrites {

    /** The least a write is charged per vector index it changes. */
    private static final long MIN_WRITE_BYTES = 1024;
    private static final BigDecimal MAX_FLOAT = new BigDecimal(Float.toString(Float.MAX_VALUE));

    private VectorWrites() {
    }

    /**
     * Why a write into a table with vector indexes cannot hold {@code item}, or null when it can; checked index by
     * index in the order they were declared: a vector attribute present is a list of 32-bit floats of the index's
     * dimensions, and search schema attributes present have their defined types (a HASH value not empty, worded
     * as any index key's by {@link IndexValueChecks#emptyKey}). An item without the vector or the HASH attribute
     * is written and stays out of the index. Only values the write changes from {@code old} (null when the item
     * is new) are checked: an item written before an index was added keeps what the index cannot hold until that
     * value itself changes.
     */
    static String refusal(TableDefinition table, ObjectNode item, ObjectNode old, boolean updated) {
        for (VectorIndexDefinition index : table.vectorIndexes()) {
            JsonNode vector = item.get(index.vectorAttribute());
            if (vector != null && !unchanged(old, index.vectorAttribute(), vector)) {
                String refusal = vectorRefusal(index, vector);
                if (refusal != null) {
                    return refusal;
                }
            }
            for (SearchSchemaElement element : index.searchSchema()) {
                JsonNode value = item.get(element.attributeName());
                if (value == null || table.keyNames().contains(element.attributeName())
                        || unchanged(old, element.attributeName(), value)) {
                    continue;
                }
                String expected = table.typeOf(element.attributeName());
                String actual = AttributeValues.type(value);
                if (!actual.equals(expected)) {
                    return "One or more parameter values were invalid. Attribute '" + element.attributeName()
                            + "' type mismatch. Expected: " + expected + ", Actual: " + actual + ". IndexName: "
                            + index.name();
                }
                if ("HASH".equals(element.type()) && value.get(actual).asText().isEmpty()) {
                    return IndexValueChecks.emptyKey(actual, index.name(), element.attributeName(), updated);
                }
            }
        }
        return null;
    }

    private static boolean unchanged(ObjectNode old, String attribute, JsonNode value) {
        return old != null && value.equals(old.get(attribute));
    }

    private static String vectorRefusal(VectorIndexDefinition index, JsonNode vector) {
        String name = index.vectorAttribute();
        JsonNode elements = vector.get("L");
        if (elements == null || !elements.isArray()) {
            return "One or more parameter values were invalid. Invalid type for parameter " + name
                    + ", Expected: 32-bit floating point number list IndexName: " + index.name();
        }
        if (elements.size() != index.dimensions()) {
            return "One or more parameter values were invalid. Invalid size for parameter " + name + ", Expected: "
                    + index.dimensions() + ", Actual: " + elements.size() + " IndexName: " + index.name();
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String type = AttributeValues.type(element);
            if (!"N".equals(type)) {
                return "One or more parameter values were invalid. Invalid type for parameter " + name + "[" + i
                        + "], Expected: 32-bit floating point number, Actual: " + type + ". IndexName: "
                        + index.name();
            }
            BigDecimal number = new BigDecimal(element.get("N").asText().trim());
            if (number.abs().compareTo(MAX_FLOAT) > 0) {
                return "One or more parameter values are not valid. One or more parameter values were invalid ."
                        + " Invalid value for parameter " + name + "[" + i + "], Value: " + scientific(number)
                        + " is outside valid range [-3.4028235E38, 3.4028235E38]. IndexName: " + index.name();
            }
        }
        return null;
    }

    /** A number as DynamoDB echoes an out of range vector element: {@code 3.5E+38}. */
    private static String scientific(BigDecimal number) {
        return number.stripTrailingZeros().round(MathContext.DECIMAL64).toString();
    }

    /**
     * The vector write request bytes a write replacing {@code before} with {@code after} (either null when absent)
     * costs one index: nothing when the index's view of the item did not change, else the size of the entry it
     * stores (the vector counted as its name and 4 bytes a dimension), at least 1 KB.
     */
    static double writeBytes(TableDefinition table, VectorIndexDefinition index, ObjectNode before,
                             ObjectNode after) {
        ObjectNode old = view(table, index, before);
        ObjectNode next = view(table, index, after);
        if (Objects.equals(old, next)) {
            return 0;
        }
        ObjectNode entry = (next != null ? next : old).deepCopy();
        entry.remove(index.vectorAttribute());
        long bytes = AttributeValues.itemSize(entry) + index.vectorAttribute().length() + 4 * index.dimensions();
        return Math.max(MIN_WRITE_BYTES, bytes);
    }

    /** What a vector index stores of an item, or null when it does not hold the item. */
    private static ObjectNode view(TableDefinition table, VectorIndexDefinition index, ObjectNode item) {
        if (item == null || !IndexEntries.holds(table, index, item)) {
            return null;
        }
        return IndexEntries.projection(table, index, item);
    }
}
