package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record as Lambda's filter engine sees it: every leaf value (string, number, boolean, null) under the dotted
 * path of its field names, arrays flattened into their elements. Objects and empty arrays are not values, so
 * {@code {"exists": true}} never matches them. Each leaf remembers which element of which array it came from:
 * the fields a pattern matches inside an array of objects must all come from the same element.
 */
final class FlatRecord {

    /** One leaf value; {@code elements} maps each enclosing array (numbered as met) to the element's index. */
    record Leaf(JsonNode value, Map<Integer, Integer> elements) {

        boolean agreesWith(Map<Integer, Integer> chosen) {
            for (Map.Entry<Integer, Integer> element : elements.entrySet()) {
                Integer index = chosen.get(element.getKey());
                if (index != null && !index.equals(element.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, List<Leaf>> leaves = new HashMap<>();
    private int arrays;

    private FlatRecord() {
    }

    static FlatRecord of(JsonNode record) {
        FlatRecord flat = new FlatRecord();
        if (record != null) {
            flat.add(record, "", Map.of());
        }
        return flat;
    }

    List<Leaf> at(String path) {
        return leaves.getOrDefault(path, List.of());
    }

    private void add(JsonNode node, String path, Map<Integer, Integer> elements) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> add(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), elements));
        } else if (node.isArray()) {
            int array = arrays++;
            for (int i = 0; i < node.size(); i++) {
                Map<Integer, Integer> inside = new HashMap<>(elements);
                inside.put(array, i);
                add(node.get(i), path, Map.copyOf(inside));
            }
        } else {
            leaves.computeIfAbsent(path, p -> new ArrayList<>()).add(new Leaf(node, elements));
        }
    }
}
