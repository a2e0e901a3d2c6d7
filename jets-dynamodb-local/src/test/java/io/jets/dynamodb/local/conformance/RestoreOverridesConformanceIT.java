package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The overrides of RestoreTableFromBackup (and RestoreTableToPointInTime, which takes the same ones): throughput
 * only with an effective PROVISIONED mode and required with a switch to it, and index overrides that may rename
 * a source index but never make a new one.
 */
class RestoreOverridesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static String backupOfOnDemandTable(String name) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("city", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(g -> g.indexName("by-city").keySchema(hash("city"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        return client.createBackup(b -> b.tableName(name).backupName("nightly")).backupDetails().backupArn();
    }

    private static GlobalSecondaryIndex byCity(String name, ProjectionType projection) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(hash("city"))
                .projection(p -> p.projectionType(projection)).build();
    }

    @Test
    void throughputOverrides_followTheBillingModeTheRestoredTableGets() {
        String arn = backupOfOnDemandTable("customers");

        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("customers-a")
                        .provisionedThroughputOverride(t -> t.readCapacityUnits(2L).writeCapacityUnits(2L))),
                "Invalid Request: Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED");
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("customers-b")
                        .billingModeOverride(BillingMode.PAY_PER_REQUEST)
                        .provisionedThroughputOverride(t -> t.readCapacityUnits(2L).writeCapacityUnits(2L))),
                "Invalid Request: Cannot override ProvisionedThroughput if BillingMode is overridden to"
                        + " PAY_PER_REQUEST");
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("customers-c")
                        .billingModeOverride(BillingMode.PROVISIONED)),
                "Invalid Request: Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED");
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("customers-d")
                        .billingModeOverride(BillingMode.PROVISIONED)
                        .provisionedThroughputOverride(t -> t.readCapacityUnits(2L).writeCapacityUnits(2L))),
                "Invalid Request: Must specify provisioned throughput for index by-city");

        TableDescription provisioned = client.restoreTableFromBackup(b -> b.backupArn(arn)
                .targetTableName("customers-e").billingModeOverride(BillingMode.PROVISIONED)
                .provisionedThroughputOverride(t -> t.readCapacityUnits(2L).writeCapacityUnits(2L))
                .globalSecondaryIndexOverride(byCity("by-city", ProjectionType.ALL).toBuilder()
                        .provisionedThroughput(t -> t.readCapacityUnits(3L).writeCapacityUnits(3L)).build()))
                .tableDescription();

        assertThat(provisioned.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
        assertThat(provisioned.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits())
                .isEqualTo(3L);
        assertThat(client.listTables().tableNames()).contains("customers-e")
                .doesNotContain("customers-a", "customers-b", "customers-c", "customers-d");
    }

    @Test
    void indexOverrides_mayRenameOrDropASourceIndex_butNotMakeANewOne() {
        String arn = backupOfOnDemandTable("suppliers");

        TableDescription renamed = client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("suppliers-a")
                .globalSecondaryIndexOverride(byCity("by-town", ProjectionType.ALL))).tableDescription();
        TableDescription dropped = client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("suppliers-b")
                .globalSecondaryIndexOverride(java.util.List.of())).tableDescription();

        assertThat(renamed.globalSecondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-town"));
        assertThat(dropped.hasGlobalSecondaryIndexes()).isFalse();
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("suppliers-c")
                        .globalSecondaryIndexOverride(byCity("by-city", ProjectionType.KEYS_ONLY))),
                "Invalid Request: Index by-city does not match a secondary index that existed in the source table"
                        + " and cannot be created during the restore operation");
    }
}
