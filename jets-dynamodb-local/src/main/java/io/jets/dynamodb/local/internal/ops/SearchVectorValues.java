package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.IndexEntries;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import io.jets.dynamodb.local.internal.table.VectorValues;

/**
 * The vectors of a search, read as a vector index holds them ({@link VectorValues}): the search vector, a list of
 * numbers each within the range of a 32-bit float, and the index's own 32-bit copy of every vector, which is what a
 * search that asks for the vector attribute returns ({@code "1"} comes back as {@code "1.0"}, {@code 16777217} as
 * {@code 16777216}), while the table keeps the number as written.
 */
final class SearchVectorValues {

    private SearchVectorValues() {
    }

    /** The search vector as floats, or DynamoDB's refusal when an element is not a number a float can hold. */
    static float[] parse(JsonNode searchVector) {
        float[] values = new float[searchVector.size()];
        for (int i = 0; i < values.length; i++) {
            Float value = VectorValues.number(searchVector.get(i));
            if (value == null) {
                throw ApiException.validation("Search vector contains invalid values. All values in the search vector"
                        + " must be a 32-bit floating-point number attribute");
            }
            values[i] = value;
        }
        return values;
    }

    /** The item as the index holds it ({@link IndexEntries#projection}), with the index's 32-bit copy of the vector. */
    static ObjectNode asIndexed(TableDefinition table, VectorIndexDefinition index, ObjectNode item) {
        ObjectNode held = IndexEntries.projection(table, index, item).deepCopy();
        JsonNode vector = held.get(index.vectorAttribute());
        float[] values = VectorValues.floats(vector, index.dimensions());
        if (values != null) {
            ArrayNode copy = Json.array();
            for (float value : values) {
                copy.addObject().put("N", Float.toString(value));
            }
            held.putObject(index.vectorAttribute()).set("L", copy);
        }
        return held;
    }
}
