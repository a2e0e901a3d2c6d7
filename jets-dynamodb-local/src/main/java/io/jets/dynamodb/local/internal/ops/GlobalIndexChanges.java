package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What UpdateTable answers when it creates or deletes a global index. DynamoDB answers before it starts, so its answer
 * shows the table UPDATING, a new index CREATING (not yet backfilling, and empty) and a deleted one DELETING. Here
 * a deleted index is gone at once; a created one is built within the call and then walks DynamoDB's phases on the
 * clock before DescribeTable finds it ACTIVE ({@link OnlineIndexes}).
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndexDescription.html">
 *     GlobalSecondaryIndexDescription</a>
 */
final class GlobalIndexChanges {

    private GlobalIndexChanges() {
    }

    static void describeUnderWay(ObjectNode description, TableDefinition before, TableDefinition after,
                                 String region) {
        Set<String> previous = names(before);
        Set<String> current = names(after);
        boolean changed = false;
        for (JsonNode node : description.path("GlobalSecondaryIndexes")) {
            if (!previous.contains(Json.text(node, "IndexName"))) {
                ObjectNode created = ((ObjectNode) node).put("IndexStatus", "CREATING").put("Backfilling", false)
                        .put("IndexSizeBytes", 0).put("ItemCount", 0);
                // as in CreateTable's answer, an index still being created has no warm throughput yet
                created.remove("WarmThroughput");
                changed = true;
            }
        }
        for (IndexDefinition index : before.globalIndexes()) {
            if (!current.contains(index.name())) {
                ArrayNode indexes = description.has("GlobalSecondaryIndexes")
                        ? (ArrayNode) description.get("GlobalSecondaryIndexes")
                        : description.putArray("GlobalSecondaryIndexes");
                indexes.add(TableDescriptions.globalIndex(index, before, region).put("IndexStatus", "DELETING"));
                changed = true;
            }
        }
        if (changed) {
            description.put("TableStatus", "UPDATING");
        }
    }

    private static Set<String> names(TableDefinition table) {
        return table.globalIndexes().stream().map(IndexDefinition::name).collect(Collectors.toSet());
    }
}
