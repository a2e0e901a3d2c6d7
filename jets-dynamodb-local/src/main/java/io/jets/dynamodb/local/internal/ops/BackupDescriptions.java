package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.BackupCatalog.Backup;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.util.List;

/** The BackupDetails and BackupDescription shapes of DynamoDB's backup operations. */
final class BackupDescriptions {

    private BackupDescriptions() {
    }

    static ObjectNode details(Backup backup, String status) {
        ObjectNode details = Json.object();
        details.put("BackupArn", backup.arn());
        details.put("BackupName", backup.name());
        details.put("BackupSizeBytes", backup.sizeBytes());
        details.put("BackupStatus", status);
        details.put("BackupType", backup.type());
        details.put("BackupCreationDateTime", TableDescriptions.seconds(backup.createdMillis()));
        if (backup.expiresMillis() != 0) {
            details.put("BackupExpiryDateTime", TableDescriptions.seconds(backup.expiresMillis()));
        }
        return details;
    }

    /** A backup with the table it was taken of, described from the table's description at that moment. */
    static ObjectNode describe(Backup backup, String status) {
        TableDefinition table = backup.table();
        String region = backup.tableArn().split(":")[3];
        ObjectNode described = TableDescriptions.describe(table, "ACTIVE", backup.itemCount(), backup.sizeBytes(),
                region);
        ObjectNode description = Json.object();
        description.set("BackupDetails", details(backup, status));
        ObjectNode source = description.putObject("SourceTableDetails");
        source.put("TableName", table.name());
        source.put("TableId", table.tableId());
        source.put("TableArn", backup.tableArn());
        source.put("TableSizeBytes", backup.sizeBytes());
        source.set("KeySchema", described.get("KeySchema"));
        source.put("TableCreationDateTime", TableDescriptions.seconds(table.createdMillis()));
        ObjectNode throughput = source.putObject("ProvisionedThroughput");
        throughput.put("ReadCapacityUnits", table.readCapacityUnits());
        throughput.put("WriteCapacityUnits", table.writeCapacityUnits());
        source.put("ItemCount", backup.itemCount());
        source.put("BillingMode", table.billingMode());
        ObjectNode features = description.putObject("SourceTableFeatureDetails");
        if (backup.type().equals("SYSTEM")) {
            // DynamoDB records no features in the backup it takes of a deleted table
            return description;
        }
        for (String indexes : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
            if (described.has(indexes)) {
                var list = features.putArray(indexes);
                for (JsonNode index : described.get(indexes)) {
                    ObjectNode copy = list.addObject();
                    copy.set("IndexName", index.get("IndexName"));
                    copy.set("KeySchema", index.get("KeySchema"));
                    copy.set("Projection", index.get("Projection"));
                    if (index.has("ProvisionedThroughput")) {
                        ObjectNode capacity = copy.putObject("ProvisionedThroughput");
                        capacity.set("ReadCapacityUnits", index.get("ProvisionedThroughput").get("ReadCapacityUnits"));
                        capacity.set("WriteCapacityUnits",
                                index.get("ProvisionedThroughput").get("WriteCapacityUnits"));
                    }
                }
            }
        }
        if (described.has("StreamSpecification")) {
            features.set("StreamDescription", described.get("StreamSpecification"));
        }
        if (described.has("SSEDescription")) {
            features.set("SSEDescription", described.get("SSEDescription"));
        }
        if (table.ttlAttribute() != null) {
            features.putObject("TimeToLiveDescription").put("TimeToLiveStatus", "ENABLED")
                    .put("AttributeName", table.ttlAttribute());
        }
        return description;
    }
}
