package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;

/**
 * The search request bytes SearchVectors consumes, which DynamoDB bills with a minimum of 1 KB per request.
 * DynamoDB does not publish the formula, and its figure varies slightly between identical searches; this follows
 * what searches against it show: a cost per dimension of the index, a cost per result with the bytes of the
 * result's attributes other than the vector, and 4 bytes per dimension for each result that returns its vector.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/VectorSearchMonitoring.html">
 *     Monitoring vector indexes</a>
 */
final class SearchCapacity {

    private static final double MINIMUM_BYTES = 1024;
    private static final double BYTES_PER_DIMENSION = 30.6875;
    private static final double BYTES_PER_RESULT = 65;
    private static final double BYTES_PER_RETURNED_DIMENSION = 4;

    private SearchCapacity() {
    }

    /** The bytes of one result: {@code held} is the item as the index holds it, {@code returned} as answered. */
    static double perResult(VectorIndexDefinition index, ObjectNode held, ObjectNode returned) {
        long heldBytes = AttributeValues.itemSize(held);
        JsonNode vector = held.get(index.vectorAttribute());
        if (vector != null) {
            ObjectNode alone = Json.object();
            alone.set(index.vectorAttribute(), vector);
            heldBytes -= AttributeValues.itemSize(alone);
        }
        double vectorBytes = returned.has(index.vectorAttribute())
                ? BYTES_PER_RETURNED_DIMENSION * index.dimensions() : 0;
        return BYTES_PER_RESULT + heldBytes + vectorBytes;
    }

    /** The bytes of the whole search, given the sum of its results' bytes. */
    static double total(VectorIndexDefinition index, double resultBytes) {
        return Math.max(MINIMUM_BYTES, BYTES_PER_DIMENSION * index.dimensions() + resultBytes);
    }
}
