package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The OnDemandThroughput ceilings of an on-demand table, kept through CreateTable and UpdateTable. */
class OnDemandThroughputConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static OnDemandThroughput ceilings(long read, long write) {
        return OnDemandThroughput.builder().maxReadRequestUnits(read).maxWriteRequestUnits(write).build();
    }

    private static void createOnDemand(String name, OnDemandThroughput onDemand) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .onDemandThroughput(onDemand));
    }

    @Test
    void createTable_withOnDemandThroughput_describesIt() {
        createOnDemand("ceilings-created", ceilings(10, 5));

        assertThat(client.describeTable(b -> b.tableName("ceilings-created")).table().onDemandThroughput())
                .isEqualTo(ceilings(10, 5));
    }

    @Test
    void updateTable_changesTheCeilings_andMinusOneRemovesOne() {
        createOnDemand("ceilings-updated", ceilings(10, 5));

        var answered = client.updateTable(b -> b.tableName("ceilings-updated").onDemandThroughput(ceilings(20, 15)))
                .tableDescription().onDemandThroughput();
        var described = client.describeTable(b -> b.tableName("ceilings-updated")).table().onDemandThroughput();
        client.updateTable(b -> b.tableName("ceilings-updated")
                .onDemandThroughput(OnDemandThroughput.builder().maxWriteRequestUnits(-1L).build()));

        assertThat(answered).isEqualTo(ceilings(20, 15));
        assertThat(described).isEqualTo(ceilings(20, 15));
        assertThat(client.describeTable(b -> b.tableName("ceilings-updated")).table().onDemandThroughput())
                .isEqualTo(ceilings(20, -1));
    }

    @Test
    void aTableNeverGivenCeilings_describesNone() {
        Attributes.idTable(client, "ceilings-none");

        assertThat(client.describeTable(b -> b.tableName("ceilings-none")).table().onDemandThroughput()).isNull();
    }
}
