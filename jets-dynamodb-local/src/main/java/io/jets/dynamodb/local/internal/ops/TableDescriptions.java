package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.Partitions;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import io.jets.dynamodb.local.internal.table.TableOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The TableDescription DynamoDB returns from CreateTable, DescribeTable, UpdateTable and DeleteTable.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html">
 *     TableDescription</a>
 */
final class TableDescriptions {

    private TableDescriptions() {
    }

    static String tableArn(String region, String tableName) {
        return Partitions.arnPrefix("dynamodb", region) + RequestContext.ACCOUNT + ":table/" + tableName;
    }

    static ObjectNode describe(TableDefinition table, String status, long itemCount, long sizeBytes,
                               String region) {
        return describe(table, status, itemCount, sizeBytes, region, Map.of());
    }

    /** @param indexStats item count and size in bytes by index name; indexes not in it report zeros */
    static ObjectNode describe(TableDefinition table, String status, long itemCount, long sizeBytes,
                               String region, Map<String, long[]> indexStats) {
        ObjectNode description = Json.object();
        ArrayNode definitions = description.putArray("AttributeDefinitions");
        // DynamoDB describes the definitions, and an INCLUDE projection's attributes, in name order
        for (TableDefinition.AttributeDefinition definition : table.attributeDefinitions().stream()
                .sorted(java.util.Comparator.comparing(TableDefinition.AttributeDefinition::name)).toList()) {
            definitions.addObject().put("AttributeName", definition.name()).put("AttributeType", definition.type());
        }
        description.put("TableName", table.name());
        description.set("KeySchema", keySchema(table.hashKey(), table.rangeKey()));
        description.put("TableStatus", status);
        description.put("CreationDateTime", seconds(table.createdMillis()));
        description.set("ProvisionedThroughput", throughput(table.readCapacityUnits(), table.writeCapacityUnits()));
        description.put("TableSizeBytes", sizeBytes);
        description.put("ItemCount", itemCount);
        description.put("TableArn", tableArn(region, table.name()));
        description.put("TableId", table.tableId());
        long payPerRequestSince = table.options().payPerRequestMillis();
        if ("PAY_PER_REQUEST".equals(table.billingMode()) || payPerRequestSince != 0) {
            ObjectNode billing = description.putObject("BillingModeSummary");
            billing.put("BillingMode", table.billingMode());
            billing.put("LastUpdateToPayPerRequestDateTime",
                    seconds(payPerRequestSince != 0 ? payPerRequestSince : table.createdMillis()));
        }
        if (!table.localIndexes().isEmpty()) {
            ArrayNode indexes = description.putArray("LocalSecondaryIndexes");
            for (IndexDefinition index : table.localIndexes()) {
                ObjectNode node = index(index, table, region, indexStats);
                node.remove("IndexStatus");
                node.remove("ProvisionedThroughput");
                node.remove("WarmThroughput");
                indexes.add(node);
            }
        }
        if (!table.globalIndexes().isEmpty()) {
            ArrayNode indexes = description.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : table.globalIndexes()) {
                indexes.add(index(index, table, region, indexStats));
            }
        }
        ArrayNode vectorIndexes = VectorIndexes.describeAll(table, region, "ACTIVE", indexStats);
        if (vectorIndexes != null) {
            description.set("VectorIndexes", vectorIndexes);
        }
        if (table.stream() != null) {
            // a disabled stream leaves no StreamSpecification behind, only the latest stream's ARN and label
            if (table.stream().enabled()) {
                ObjectNode specification = description.putObject("StreamSpecification");
                specification.put("StreamEnabled", true);
                specification.put("StreamViewType", table.stream().viewType());
            }
            description.put("LatestStreamLabel", table.stream().label());
            description.put("LatestStreamArn", table.stream().arn());
        }
        description.set("WarmThroughput", WarmThroughput.description(WarmThroughput.of(table), "ACTIVE"));
        OnDemandThroughput.describe(description, table.options());
        if (table.tableClass() != null) {
            ObjectNode summary = description.putObject("TableClassSummary").put("TableClass", table.tableClass());
            if (table.options().tableClassUpdatedMillis() != 0) {
                summary.put("LastUpdateDateTime", seconds(table.options().tableClassUpdatedMillis()));
            }
        }
        if (table.options().kmsMasterKeyArn() != null) {
            description.set("SSEDescription",
                    ServerSideEncryption.description(table.options().kmsMasterKeyArn(), "ENABLED"));
        }
        description.put("DeletionProtectionEnabled", table.deletionProtection());
        return description;
    }

    /**
     * What a restore answers of the table it starts: DynamoDB reports the RestoreSummary only while the restore is
     * in progress, so DescribeTable, which finds the restored table already ACTIVE here, has none.
     */
    static ObjectNode restoreSummary(TableDefinition table) {
        TableOptions.Restore from = table.options().restore();
        ObjectNode restore = Json.object();
        if (from.sourceBackupArn() != null) {
            restore.put("SourceBackupArn", from.sourceBackupArn());
        }
        restore.put("SourceTableArn", from.sourceTableArn());
        restore.put("RestoreDateTime", seconds(from.restoredMillis()));
        restore.put("RestoreInProgress", true);
        return restore;
    }

    /** One global index of {@code table} as DescribeTable lists it, with no items counted. */
    static ObjectNode globalIndex(IndexDefinition index, TableDefinition table, String region) {
        return index(index, table, region, Map.of());
    }

    private static ObjectNode index(IndexDefinition index, TableDefinition table, String region,
                                    Map<String, long[]> indexStats) {
        long[] stats = indexStats.getOrDefault(index.name(), new long[2]);
        ObjectNode node = Json.object();
        node.put("IndexName", index.name());
        node.set("KeySchema", keySchema(index.hashKeys(), index.rangeKeys()));
        ObjectNode projection = node.putObject("Projection");
        projection.put("ProjectionType", index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            ArrayNode attributes = projection.putArray("NonKeyAttributes");
            index.nonKeyAttributes().stream().sorted().forEach(attributes::add);
        }
        node.put("IndexStatus", "ACTIVE");
        node.set("ProvisionedThroughput", throughput(index.readCapacityUnits(), index.writeCapacityUnits()));
        node.put("IndexSizeBytes", stats[1]);
        node.put("ItemCount", stats[0]);
        node.put("IndexArn", tableArn(region, table.name()) + "/index/" + index.name());
        node.set("WarmThroughput", WarmThroughput.description(WarmThroughput.of(table, index), "ACTIVE"));
        return node;
    }

    /** An index key schema: its HASH attributes, then its RANGE attributes, in the order they were created. */
    private static ArrayNode keySchema(List<String> hashKeys, List<String> rangeKeys) {
        ArrayNode schema = Json.array();
        hashKeys.forEach(name -> schema.addObject().put("AttributeName", name).put("KeyType", "HASH"));
        rangeKeys.forEach(name -> schema.addObject().put("AttributeName", name).put("KeyType", "RANGE"));
        return schema;
    }

    static ArrayNode keySchema(String hashKey, String rangeKey) {
        ArrayNode schema = Json.array();
        schema.addObject().put("AttributeName", hashKey).put("KeyType", "HASH");
        if (rangeKey != null) {
            schema.addObject().put("AttributeName", rangeKey).put("KeyType", "RANGE");
        }
        return schema;
    }

    private static ObjectNode throughput(long read, long write) {
        ObjectNode throughput = Json.object();
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", read);
        throughput.put("WriteCapacityUnits", write);
        return throughput;
    }

    /** Epoch seconds with millisecond fraction, as DynamoDB's JSON timestamps. */
    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
