package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an item must give the table's secondary and vector indexes to be written, and how DynamoDB refuses it.
 * An item may lack an index's key attributes (it then stays out of that sparse index), but the ones it has must
 * be of the defined type, not empty and within the key size limits. A put names the index and the key of an empty
 * value ("IndexName: gsi1, IndexKey: lsi1sk"); the result of an update expression is refused in the update's own
 * words and names neither, whether or not the item existed before. In a transaction a wrongly typed index key and
 * every vector refusal are the action's cancellation reason, while the other refusals fail the whole request.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/SecondaryIndexes.html">Secondary
 *     indexes</a>
 */
final class IndexValueChecks {

    /** Why an item cannot be written; {@code actionReason}: a transaction cancels with it as the action's reason. */
    record Refusal(String message, boolean actionReason) {

        ApiException error() {
            return ApiException.validation(message);
        }
    }

    private IndexValueChecks() {
    }

    /**
     * Why {@code item}, replacing {@code old} (null when new), cannot be written, or null when it can;
     * {@code updated} when the item is the result of an update expression.
     */
    static Refusal refusal(TableDefinition table, ObjectNode item, ObjectNode old, boolean updated) {
        Refusal keys = keyRefusal(table, item, updated);
        return keys != null ? keys : vectorRefusal(table, item, old, updated);
    }

    /** {@link #refusal} for the vector indexes alone; every vector refusal is a transaction action's reason. */
    static Refusal vectorRefusal(TableDefinition table, ObjectNode item, ObjectNode old, boolean updated) {
        if (table.vectorIndexes().isEmpty()) {
            return null;
        }
        String vector = VectorWrites.refusal(table, item, old, updated);
        return vector == null ? null : new Refusal(vector, true);
    }

    /** {@link #refusal} for the local and global secondary indexes alone. */
    static Refusal keyRefusal(TableDefinition table, ObjectNode item, boolean updated) {
        if (table.localIndexes().isEmpty() && table.globalIndexes().isEmpty()) {
            return null;
        }
        List<IndexDefinition> indexes = new ArrayList<>(table.localIndexes());
        indexes.addAll(table.globalIndexes());
        // DynamoDB names the last index, in declaration order with the local ones first, that the item gives a
        // wrongly typed key, and of that index's key attributes the first wrongly typed one
        IndexDefinition named = null;
        String mismatched = null;
        for (IndexDefinition index : indexes) {
            for (String name : index.keyNames()) {
                JsonNode value = item.get(name);
                if (value != null && !table.keyNames().contains(name)
                        && !table.typeOf(name).equals(AttributeValues.type(value))) {
                    named = index;
                    mismatched = name;
                    break;
                }
            }
        }
        if (named != null) {
            return new Refusal("One or more parameter values were invalid: Type mismatch for Index Key " + mismatched
                    + " Expected: " + table.typeOf(mismatched) + " Actual: "
                    + AttributeValues.type(item.get(mismatched)) + " IndexName: " + named.name(), true);
        }
        indexes.sort(Comparator.comparing(IndexDefinition::name));
        for (IndexDefinition index : indexes) {
            for (String attribute : index.keyNames()) {
                JsonNode value = item.get(attribute);
                if (value == null || table.keyNames().contains(attribute)) {
                    continue;
                }
                String type = value.fieldNames().next();
                String text = value.get(type).asText();
                if (text.isEmpty()) {
                    return new Refusal(emptyKey(type, index.name(), attribute, updated), false);
                }
                long bytes = Keys.keyBytes(type, text);
                long max = index.hashKeys().contains(attribute) ? 2048 : 1024;
                if (bytes > max) {
                    return new Refusal("One or more parameter values were invalid: Size limit exceeded for Index"
                            + " Key " + attribute + " Actual Size: " + bytes + " bytes Max Size: " + max
                            + " bytes IndexName: " + index.name(), false);
                }
            }
        }
        return null;
    }

    /** The refusal of an empty string or binary index key value, as a put or as an update expression's result. */
    static String emptyKey(String type, String index, String attribute, boolean updated) {
        String kind = type.equals("B") ? "binary" : "string";
        if (updated) {
            return "One or more parameter values are not valid. The update expression attempted to update a"
                    + " secondary index key to a value that is not supported. The AttributeValue for a key attribute"
                    + " cannot contain an empty " + kind + " value.";
        }
        return "One or more parameter values are not valid. A value specified for a secondary index key is not"
                + " supported. The AttributeValue for a key attribute cannot contain an empty " + kind
                + " value. IndexName: " + index + ", IndexKey: " + attribute;
    }
}
