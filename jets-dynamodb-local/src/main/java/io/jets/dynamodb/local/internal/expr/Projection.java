package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ProjectionExpression or AttributesToGet: keeps the requested document paths of an item, nested maps and
 * lists kept in their structure (list elements in index order, compacted) as DynamoDB does.
 *
 * <pre>{@code
 * Projection projection = Expressions.projection("id, address.city, tags[0]", ctx);
 * ObjectNode returned = projection.apply(item);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html">
 *     Projection expressions</a>
 */
public final class Projection {

    /** Node of the tree of requested paths; a leaf keeps the whole value. */
    private static final class Node {
        final Map<Object, Node> children = new LinkedHashMap<>();
        boolean leaf;
    }

    private final List<DocumentPath> paths;
    private final Node root = new Node();

    Projection(List<DocumentPath> paths) {
        this.paths = List.copyOf(paths);
        for (DocumentPath path : paths) {
            Node node = root;
            for (Object element : path.elements()) {
                node = node.children.computeIfAbsent(element, e -> new Node());
            }
            node.leaf = true;
        }
    }

    /** The resolved paths this projection keeps. */
    List<DocumentPath> paths() {
        return new ArrayList<>(paths);
    }

    /** The top-level attributes the paths start from, each once, in the order first requested. */
    public List<String> topLevelNames() {
        List<String> names = new ArrayList<>();
        for (Object name : root.children.keySet()) {
            names.add((String) name);
        }
        return names;
    }

    /** A new item with only the projected attributes (empty when none exist). Never mutates the item. */
    public ObjectNode apply(ObjectNode item) {
        ObjectNode result = AttributeValues.JSON.objectNode();
        if (item == null) {
            return result;
        }
        for (Map.Entry<Object, Node> e : root.children.entrySet()) {
            String name = (String) e.getKey();
            JsonNode projected = project(item.get(name), e.getValue());
            if (projected != null) {
                result.set(name, projected);
            }
        }
        return result;
    }

    /**
     * The item as a PartiQL SELECT answers these paths: a nested path ending in a map key comes back under that
     * key ({@code SELECT a.b} answers {@code b}), as PartiQL names a select-list path by its last step; a top-level
     * attribute, or a path ending in a list index, keeps its place in the item.
     */
    public ObjectNode applyAsColumns(ObjectNode item) {
        List<DocumentPath> kept = paths.stream().filter(path -> !namedByLastKey(path)).toList();
        ObjectNode result = kept.isEmpty() ? AttributeValues.JSON.objectNode() : new Projection(kept).apply(item);
        for (DocumentPath path : paths) {
            JsonNode value = namedByLastKey(path) ? Paths.get(item, path) : null;
            if (value != null) {
                result.set((String) path.elements().get(path.size() - 1), value.deepCopy());
            }
        }
        return result;
    }

    private static boolean namedByLastKey(DocumentPath path) {
        return path.size() > 1 && path.elements().get(path.size() - 1) instanceof String;
    }

    private static JsonNode project(JsonNode value, Node node) {
        if (value == null) {
            return null;
        }
        if (node.leaf) {
            return value.deepCopy();
        }
        JsonNode map = value.get("M");
        if (map != null && map.isObject()) {
            ObjectNode members = AttributeValues.JSON.objectNode();
            for (Map.Entry<Object, Node> e : node.children.entrySet()) {
                if (e.getKey() instanceof String key) {
                    JsonNode projected = project(map.get(key), e.getValue());
                    if (projected != null) {
                        members.set(key, projected);
                    }
                }
            }
            return members.isEmpty() ? null : wrap("M", members);
        }
        JsonNode list = value.get("L");
        if (list != null && list.isArray()) {
            Map<Integer, Node> byIndex = new TreeMap<>();
            node.children.forEach((k, v) -> {
                if (k instanceof Integer index) {
                    byIndex.put(index, v);
                }
            });
            ArrayNode elements = AttributeValues.JSON.arrayNode();
            byIndex.forEach((index, child) -> {
                JsonNode projected = index < list.size() ? project(list.get(index), child) : null;
                if (projected != null) {
                    elements.add(projected);
                }
            });
            return elements.isEmpty() ? null : wrap("L", elements);
        }
        return null;
    }

    private static ObjectNode wrap(String type, JsonNode content) {
        ObjectNode wrapped = AttributeValues.JSON.objectNode();
        wrapped.set(type, content);
        return wrapped;
    }
}
