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
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexWarmThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableWarmThroughputDescription;

/**
 * WarmThroughput in DescribeTable, CreateTable and UpdateTable: 12,000 reads and 4,000 writes a second for an
 * on-demand table, the capacity of a provisioned one, and a value that only ever rises.
 */
class WarmThroughputConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static TableWarmThroughputDescription warm(long read, long write, String status) {
        return TableWarmThroughputDescription.builder().readUnitsPerSecond(read).writeUnitsPerSecond(write)
                .status(status).build();
    }

    private static TableWarmThroughputDescription described(String name) {
        return client.describeTable(b -> b.tableName(name)).table().warmThroughput();
    }

    private static CreateTableRequest.Builder provisioned(String name, long read, long write) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write))
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"));
    }

    private static void capacity(String name, long read, long write) {
        client.updateTable(b -> b.tableName(name).provisionedThroughput(t -> t.readCapacityUnits(read)
                .writeCapacityUnits(write)));
    }

    @Test
    void anOnDemandTableAndItsIndexes_startAtTwelveThousandReadsAndFourThousandWrites() {
        client.createTable(b -> b.tableName("clicks").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("page", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(g -> g.indexName("by-page").keySchema(hash("page"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));

        var table = client.describeTable(b -> b.tableName("clicks")).table();

        assertThat(table.warmThroughput()).isEqualTo(warm(12000, 4000, "ACTIVE"));
        assertThat(table.globalSecondaryIndexes().get(0).warmThroughput()).isEqualTo(
                GlobalSecondaryIndexWarmThroughputDescription.builder().readUnitsPerSecond(12000L)
                        .writeUnitsPerSecond(4000L).status("ACTIVE").build());
    }

    @Test
    void aProvisionedTable_isWarmToTheHighestCapacityItEverHad_andKeepsTheOnDemandValuesAfterASwitch() {
        client.createTable(provisioned("orders", 1, 1).build());
        TableWarmThroughputDescription created = described("orders");

        capacity("orders", 3, 3);
        capacity("orders", 1, 2);
        TableWarmThroughputDescription lowered = described("orders");
        client.updateTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST));
        client.updateTable(b -> b.tableName("orders").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));

        assertThat(created).isEqualTo(warm(1, 1, "ACTIVE"));
        assertThat(lowered).isEqualTo(warm(3, 3, "ACTIVE"));
        assertThat(described("orders")).isEqualTo(warm(12000, 4000, "ACTIVE"));
    }

    @Test
    void updateTable_raisesTheWarmThroughput_answeringUpdatingWithTheValuesBeingLeft_butNeverLowersIt() {
        Attributes.idTable(client, "launches");

        TableWarmThroughputDescription answered = client.updateTable(b -> b.tableName("launches")
                .warmThroughput(w -> w.readUnitsPerSecond(15000L))).tableDescription().warmThroughput();

        assertThat(answered).isEqualTo(warm(12000, 4000, "UPDATING"));
        assertThat(described("launches")).isEqualTo(warm(15000, 4000, "ACTIVE"));
        assertValidation(() -> client.updateTable(b -> b.tableName("launches")
                        .warmThroughput(w -> w.readUnitsPerSecond(14000L).writeUnitsPerSecond(4000L))),
                "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for"
                        + " table is lower than current WarmThroughput, decreasing WarmThroughput is not supported");
        assertValidation(() -> client.updateTable(b -> b.tableName("launches")
                        .warmThroughput(w -> w.writeUnitsPerSecond(3999L))),
                "One or more parameter values were invalid: Requested WriteUnitsPerSecond for WarmThroughput for"
                        + " table is lower than current WarmThroughput, decreasing WarmThroughput is not supported");
        assertThat(client.updateTable(b -> b.tableName("launches")
                        .warmThroughput(w -> w.readUnitsPerSecond(15000L))).tableDescription().warmThroughput())
                .isEqualTo(warm(15000, 4000, "ACTIVE"));
        assertValidation(() -> client.updateTable(b -> b.tableName("launches")
                        .warmThroughput(w -> w.readUnitsPerSecond(16000L)).deletionProtectionEnabled(true)),
                "One or more parameter values were invalid: WarmThroughput must be the only operation in the"
                        + " request");
    }

    @Test
    void createTable_takesAWarmThroughput_fillingAUnitLeftOut_butNoneBelowTheProvisionedCapacity() {
        client.createTable(b -> b.tableName("sales").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .warmThroughput(w -> w.writeUnitsPerSecond(4100L)));

        assertThat(described("sales")).isEqualTo(warm(12000, 4100, "ACTIVE"));
        assertValidation(() -> client.createTable(provisioned("stock", 10, 10)
                        .warmThroughput(w -> w.readUnitsPerSecond(20L).writeUnitsPerSecond(5L)).build()),
                "One or more parameter values were invalid: Requested WriteUnitsPerSecond for WarmThroughput for"
                        + " table is lower than WriteCapacityUnits of ProvisionedThroughput");
        assertThat(client.listTables().tableNames()).doesNotContain("stock");
    }
}
