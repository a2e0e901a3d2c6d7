package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An UpdateExpression (or legacy AttributeUpdates) bound to one request: SET, REMOVE, ADD and DELETE actions on
 * document paths.
 *
 * <pre>{@code
 * Update update = Expressions.update("SET n = n + :one REMOVE tmp", ctx);
 * ObjectNode newItem = update.apply(existingOrNull, key, Set.of("id"));
 * ObjectNode updatedNew = update.updatedAttributes(newItem);   // ReturnValues UPDATED_NEW
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">
 *     Update expressions</a>
 */
public final class Update {

    enum ActionType { SET, REMOVE, ADD, DELETE }

    /** One action; {@code value} is null for REMOVE. */
    record Action(ActionType type, DocumentPath path, Operand value) {
    }

    private final List<Action> actions;
    private final boolean legacy;
    /** Built on first use: most updates are not asked for UPDATED_OLD / UPDATED_NEW. */
    private Projection touched;

    /** {@code legacy} marks AttributeUpdates, whose type mismatches DynamoDB reports in other words. */
    Update(List<Action> actions, boolean legacy) {
        this.actions = List.copyOf(actions);
        this.legacy = legacy;
    }

    /**
     * Rejects paths that overlap (one is a prefix of the other) and then paths that conflict (one indexes a list
     * where the other names a map member), in the order the paths appear, as DynamoDB does before touching the item.
     */
    static void checkPaths(List<DocumentPath> paths, ExpressionKind kind) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (divergence(paths.get(i), paths.get(j)) < 0) {
                    throw ApiException.validation(kind.invalid("Two document paths overlap with each other; must "
                            + "remove or rewrite one of these paths; path one: " + paths.get(i).describe()
                            + ", path two: " + paths.get(j).describe()));
                }
            }
        }
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                DocumentPath one = paths.get(i);
                DocumentPath two = paths.get(j);
                int at = divergence(one, two);
                if (one.elements().get(at).getClass() != two.elements().get(at).getClass()) {
                    throw ApiException.validation(kind.invalid("Two document paths conflict with each other; must "
                            + "remove or rewrite one of these paths; path one: " + one.describe() + ", path two: "
                            + two.describe()));
                }
            }
        }
    }

    /** The first position where the paths differ, or -1 when one is a prefix of the other. */
    private static int divergence(DocumentPath one, DocumentPath two) {
        int common = Math.min(one.size(), two.size());
        for (int k = 0; k < common; k++) {
            if (!one.elements().get(k).equals(two.elements().get(k))) {
                return k;
            }
        }
        return -1;
    }

    List<DocumentPath> paths() {
        List<DocumentPath> paths = new ArrayList<>(actions.size());
        for (Action action : actions) {
            paths.add(action.path());
        }
        return paths;
    }

    /**
     * The item after the update: a new object (the input is never mutated) including the key attributes. Operands
     * are read from the item as it was before the update.
     *
     * @param existingOrNull    the stored item, or null to create one
     * @param key               the request's key, the starting point when there is no item
     * @param keyAttributeNames the table's key attributes, which an update may not touch
     */
    public ObjectNode apply(ObjectNode existingOrNull, ObjectNode key, Set<String> keyAttributeNames) {
        checkKeyUntouched(keyAttributeNames);
        ObjectNode before = existingOrNull != null ? existingOrNull : key;
        List<Action> sets = new ArrayList<>();
        List<JsonNode> setValues = new ArrayList<>();
        for (Action action : actions) {
            if (action.type() == ActionType.SET) {
                sets.add(action);
                setValues.add(UpdateOperands.required(action.value(), before));
            }
        }
        ObjectNode item = before.deepCopy();
        // Elements set past a list's end are appended in the order of their indexes, not of the expression.
        List<Integer> setOrder = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            setOrder.add(i);
        }
        setOrder.sort(Comparator.comparingInt(i -> lastIndex(sets.get(i).path())));
        for (int i : setOrder) {
            set(item, sets.get(i).path(), setValues.get(i).deepCopy());
        }
        List<Action> removes = new ArrayList<>();
        for (Action action : actions) {
            if (action.type() == ActionType.REMOVE) {
                removes.add(action);
            }
        }
        // Indexes refer to the list before the update: remove from the back so earlier removals do not shift them.
        removes.sort(Comparator.comparingInt((Action a) -> lastIndex(a.path())).reversed());
        for (Action action : removes) {
            remove(item, action.path());
        }
        // as with SET, elements added past a list's end are appended in the order of their indexes
        List<Action> addsAndDeletes = new ArrayList<>();
        for (Action action : actions) {
            if (action.type() == ActionType.ADD || action.type() == ActionType.DELETE) {
                addsAndDeletes.add(action);
            }
        }
        addsAndDeletes.sort(Comparator.comparingInt((Action a) -> lastIndex(a.path())));
        for (Action action : addsAndDeletes) {
            if (action.type() == ActionType.ADD) {
                add(item, action.path(), action.value().eval(before));
            } else {
                delete(item, action.path(), action.value().eval(before));
            }
        }
        return item;
    }

    /**
     * The size UpdateItem measures its UpdateExpression at, besides the item it leaves (see {@link UpdateCharge});
     * 0 for AttributeUpdates, which DynamoDB sizes by the item alone.
     */
    public long charge() {
        return legacy ? 0 : UpdateCharge.of(actions);
    }

    /** Rejects an action on a key attribute, which no update may change. */
    public void checkKeyUntouched(Set<String> keyAttributeNames) {
        for (Action action : actions) {
            String attribute = action.path().first();
            if (keyAttributeNames.contains(attribute)) {
                throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute "
                        + attribute + ". This attribute is part of the key");
            }
        }
    }

    /**
     * Whether the update only removes (REMOVE, DELETE, or AttributeUpdates DELETE): DynamoDB then creates no item
     * where none exists, while an update with no action at all still creates one holding just the key.
     */
    public boolean onlyRemoves() {
        for (Action action : actions) {
            if (action.type() == ActionType.SET || action.type() == ActionType.ADD) {
                return false;
            }
        }
        return !actions.isEmpty();
    }

    /** The parts of the item the update touched — what ReturnValues UPDATED_OLD / UPDATED_NEW return. */
    public ObjectNode updatedAttributes(ObjectNode item) {
        if (touched == null) {
            touched = new Projection(paths());
        }
        return touched.apply(item);
    }

    private static int lastIndex(DocumentPath path) {
        return path.elements().get(path.size() - 1) instanceof Integer index ? index : -1;
    }

    /**
     * The map or list value holding the path's last element. A missing step, or a step of the wrong kind (a list
     * index into a map, a member name into a list or scalar), makes the path invalid for update.
     */
    private static JsonNode container(ObjectNode item, DocumentPath path) {
        JsonNode current = item.get(path.first());
        for (int i = 1; i < path.size(); i++) {
            Object element = path.elements().get(i);
            boolean fits = current != null && (element instanceof Integer ? current.get("L") instanceof ArrayNode
                    : current.get("M") instanceof ObjectNode);
            if (!fits) {
                throw UpdateOperands.invalidPath();
            }
            if (i == path.size() - 1) {
                return current;
            }
            current = Paths.child(current, element);
        }
        throw new IllegalStateException("top-level paths have no container");
    }

    static void set(ObjectNode item, DocumentPath path, JsonNode value) {
        if (path.size() == 1) {
            item.set(path.first(), value);
            return;
        }
        JsonNode container = container(item, path);
        Object last = path.elements().get(path.size() - 1);
        if (last instanceof Integer index) {
            ArrayNode list = (ArrayNode) container.get("L");
            if (index < list.size()) {
                list.set(index, value);
            } else {
                list.add(value);
            }
        } else {
            ((ObjectNode) container.get("M")).set((String) last, value);
        }
    }

    private static void remove(ObjectNode item, DocumentPath path) {
        if (path.size() == 1) {
            item.remove(path.first());
            return;
        }
        JsonNode container = container(item, path);
        Object last = path.elements().get(path.size() - 1);
        if (last instanceof Integer index) {
            ArrayNode list = (ArrayNode) container.get("L");
            if (index < list.size()) {
                list.remove(index.intValue());
            }
        } else {
            ((ObjectNode) container.get("M")).remove((String) last);
        }
    }

    /** The current value at the path, null when absent; the path itself must be valid for update. */
    private static JsonNode current(ObjectNode item, DocumentPath path) {
        if (path.size() == 1) {
            return item.get(path.first());
        }
        return Paths.child(container(item, path), path.elements().get(path.size() - 1));
    }

    private ApiException typeMismatch() {
        return legacy ? ApiException.validation("Type mismatch for attribute to update")
                : UpdateOperands.incorrectType();
    }

    private void add(ObjectNode item, DocumentPath path, JsonNode value) {
        JsonNode current = current(item, path);
        if (current == null) {
            set(item, path, value.deepCopy());
            return;
        }
        String type = AttributeValues.type(current);
        if (!type.equals(AttributeValues.type(value))) {
            throw typeMismatch();
        }
        switch (type) {
            case "N" -> set(item, path, UpdateOperands.checkedNumber(new BigDecimal(current.get("N").asText())
                    .add(new BigDecimal(value.get("N").asText()))));
            case "SS", "NS", "BS" -> {
                ObjectNode union = current.deepCopy();
                ArrayNode members = (ArrayNode) union.get(type);
                for (JsonNode member : value.get(type)) {
                    if (!AttributeValues.setContains(type, members, member)) {
                        members.add(member);
                    }
                }
                set(item, path, union);
            }
            case "L" -> {
                ObjectNode appended = current.deepCopy();
                ((ArrayNode) appended.get("L")).addAll((ArrayNode) value.get("L").deepCopy());
                set(item, path, appended);
            }
            default -> throw typeMismatch();
        }
    }

    private void delete(ObjectNode item, DocumentPath path, JsonNode value) {
        JsonNode current = current(item, path);
        if (current == null) {
            return;
        }
        String type = AttributeValues.type(current);
        if (!type.equals(AttributeValues.type(value)) || !(type.equals("SS") || type.equals("NS") || type.equals("BS"))) {
            throw typeMismatch();
        }
        ArrayNode remaining = AttributeValues.JSON.arrayNode();
        for (JsonNode member : current.get(type)) {
            if (!AttributeValues.setContains(type, value.get(type), member)) {
                remaining.add(member);
            }
        }
        if (remaining.isEmpty()) {
            remove(item, path);
        } else {
            ObjectNode set = AttributeValues.JSON.objectNode();
            set.set(type, remaining);
            Update.set(item, path, set);
        }
    }
}
