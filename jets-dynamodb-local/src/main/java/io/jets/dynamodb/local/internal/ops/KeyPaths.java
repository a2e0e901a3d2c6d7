package io.jets.dynamodb.local.internal.ops;

import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.Set;

/**
 * DynamoDB's refusal of a nested path ({@code a.b}, {@code a[0]}) into a key attribute of the table or of one of
 * its indexes in a projection, a filter or an update: key attributes are scalars.
 */
final class KeyPaths {

    private KeyPaths() {
    }

    /**
     * Refuses {@code nested} (the attributes an expression reaches into) when one is a key attribute: the table's
     * keys first when {@code tableKeys} (an update reports those as part of the key instead), then the indexes'.
     */
    static void check(TableDefinition table, Set<String> nested, boolean tableKeys) {
        if (nested.isEmpty()) {
            return;
        }
        if (tableKeys) {
            for (String name : table.keyNames()) {
                if (nested.contains(name)) {
                    throw refusal("Key", name);
                }
            }
        }
        for (IndexDefinition index : table.globalIndexes()) {
            for (String name : index.keyNames()) {
                if (nested.contains(name)) {
                    throw refusal("IndexKey", name);
                }
            }
        }
        for (IndexDefinition index : table.localIndexes()) {
            if (nested.contains(index.rangeKey())) {
                throw refusal("IndexKey", index.rangeKey());
            }
        }
    }

    private static ApiException refusal(String kind, String name) {
        return ApiException.validation("Key attributes must be scalars; list random access '[]' and map lookup '.'"
                + " are not allowed: " + kind + ": " + name);
    }
}
