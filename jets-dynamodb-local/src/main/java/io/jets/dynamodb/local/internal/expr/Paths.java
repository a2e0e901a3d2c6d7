package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Reading document paths out of items in DynamoDB JSON. */
final class Paths {

    private Paths() {
    }

    /** The attribute value ({@code {"S":"x"}}) at the path, or null when any step is missing or of another type. */
    static JsonNode get(ObjectNode item, DocumentPath path) {
        if (item == null) {
            return null;
        }
        List<Object> elements = path.elements();
        JsonNode current = item.get((String) elements.get(0));
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = child(current, elements.get(i));
        }
        return current;
    }

    /** One step down from an attribute value: a map member or a list element, else null. */
    static JsonNode child(JsonNode value, Object element) {
        if (element instanceof Integer index) {
            JsonNode list = value.get("L");
            return list instanceof ArrayNode array && index < array.size() ? array.get(index) : null;
        }
        JsonNode map = value.get("M");
        return map instanceof ObjectNode object ? object.get((String) element) : null;
    }
}
