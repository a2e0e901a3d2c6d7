package io.jets.dynamodb.local.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Vectors as a vector index holds them: 32-bit floats. An item's vector is an {@code L} of {@code N}, each number
 * within the range of a 32-bit float; the same holds for each element of a search vector.
 */
public final class VectorValues {

    private VectorValues() {
    }

    /** The vector as floats, or null when it is not a list of {@code dimensions} numbers a float can hold. */
    public static float[] floats(JsonNode vector, long dimensions) {
        JsonNode list = vector == null ? null : vector.get("L");
        if (list == null || !list.isArray() || list.size() != dimensions) {
            return null;
        }
        float[] values = new float[list.size()];
        for (int i = 0; i < values.length; i++) {
            Float value = number(list.get(i));
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return values;
    }

    /** The number ({@code {"N": "1.5"}}) as a float, or null when it is no number or beyond a float's range. */
    public static Float number(JsonNode element) {
        JsonNode text = element == null || !element.isObject() || element.size() != 1 ? null : element.get("N");
        if (text == null || !text.isTextual()) {
            return null;
        }
        float value;
        try {
            value = new BigDecimal(text.asText().trim()).floatValue();
        } catch (NumberFormatException notANumber) {
            return null;
        }
        return Float.isFinite(value) ? value : null;
    }
}
