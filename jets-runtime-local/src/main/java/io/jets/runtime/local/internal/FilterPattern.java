package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One Lambda event filter pattern, evaluated against a record as EventBridge's engine does it: the pattern's
 * fields become dotted paths ({@code {"dynamodb":{"Keys":…}}} and {@code {"dynamodb.Keys":…}} are the same
 * field), fields are AND'ed, the rules listed for a field are OR'ed, and {@code "$or": [{…}, {…}]} matches when
 * any of its sub-patterns does. A field matches when one of its values satisfies a rule (see {@link FilterRule});
 * a field without a value is matched only by {@code {"exists": false}}. Inside an array of objects, the fields
 * matched must come from the same element. Patterns are validated when the application compiles; here an
 * unreadable one matches nothing. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">event filtering</a>.
 *
 * <pre>{@code
 * FilterPattern.parse("{\"eventName\":[\"INSERT\"]}", json).matches(record);
 * }</pre>
 */
public final class FilterPattern {

    /** One field of a pattern: its dotted path and the rules for its values. */
    private record Field(String path, List<JsonNode> rules) {
    }

    /** The pattern with each {@code $or} spread out: the record must match every field of one of these. */
    private final List<List<Field>> alternatives;

    private FilterPattern(List<List<Field>> alternatives) {
        this.alternatives = alternatives;
    }

    public static FilterPattern parse(String pattern, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(pattern);
            return new FilterPattern(node != null && node.isObject() ? alternatives(node, "") : List.of());
        } catch (IOException e) {
            return new FilterPattern(List.of());
        }
    }

    public boolean matches(JsonNode record) {
        return matches(FlatRecord.of(record));
    }

    boolean matches(FlatRecord record) {
        for (List<Field> fields : alternatives) {
            if (matchesFrom(fields, 0, record, Map.of())) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Field>> alternatives(JsonNode object, String prefix) {
        List<List<Field>> result = List.of(List.of());
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            JsonNode value = entry.getValue();
            List<List<Field>> part;
            if (entry.getKey().equals("$or") && value.isArray()) {
                part = new ArrayList<>();
                for (JsonNode branch : value) {
                    if (!branch.isObject()) {
                        return List.of();
                    }
                    part.addAll(alternatives(branch, prefix));
                }
            } else if (value.isObject()) {
                part = alternatives(value, path);
            } else if (value.isArray()) {
                List<JsonNode> rules = new ArrayList<>();
                value.forEach(rules::add);
                part = List.of(List.of(new Field(path, List.copyOf(rules))));
            } else {
                return List.of();
            }
            result = combine(result, part);
        }
        return result;
    }

    private static List<List<Field>> combine(List<List<Field>> left, List<List<Field>> right) {
        List<List<Field>> combined = new ArrayList<>();
        for (List<Field> one : left) {
            for (List<Field> other : right) {
                List<Field> both = new ArrayList<>(one);
                both.addAll(other);
                combined.add(List.copyOf(both));
            }
        }
        return combined;
    }

    /** Tries the values of field {@code i} in turn, keeping to the array elements the earlier fields chose. */
    private static boolean matchesFrom(List<Field> fields, int i, FlatRecord record, Map<Integer, Integer> chosen) {
        if (i == fields.size()) {
            return true;
        }
        Field field = fields.get(i);
        List<FlatRecord.Leaf> leaves = record.at(field.path());
        if (leaves.isEmpty()) {
            return field.rules().stream().anyMatch(FilterRule::matchesAbsent)
                    && matchesFrom(fields, i + 1, record, chosen);
        }
        for (FlatRecord.Leaf leaf : leaves) {
            if (leaf.agreesWith(chosen)
                    && field.rules().stream().anyMatch(rule -> FilterRule.matches(rule, leaf.value()))) {
                Map<Integer, Integer> narrowed = new HashMap<>(chosen);
                narrowed.putAll(leaf.elements());
                if (matchesFrom(fields, i + 1, record, narrowed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
