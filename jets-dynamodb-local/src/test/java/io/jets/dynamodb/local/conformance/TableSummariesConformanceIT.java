package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableClassSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The summaries DescribeTable gives of a table's billing mode and table class: when the table last became
 * PAY_PER_REQUEST, and when UpdateTable last changed its class.
 */
class TableSummariesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static TableDescription describe(String name) {
        return client.describeTable(b -> b.tableName(name)).table();
    }

    private static void pause() throws InterruptedException {
        // DescribeTable's times have milliseconds: make the next change fall in a later one
        Thread.sleep(5);
    }

    @Test
    void billingModeSummary_datesTheLastSwitchToPayPerRequest_andKeepsItAfterASwitchBack()
            throws InterruptedException {
        Attributes.idTable(client, "tariffs");
        Instant created = describe("tariffs").creationDateTime();
        pause();

        client.updateTable(b -> b.tableName("tariffs").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(2L).writeCapacityUnits(2L)));
        BillingModeSummary provisioned = describe("tariffs").billingModeSummary();
        pause();
        Instant beforeSwitch = Instant.now();
        BillingModeSummary answered = client.updateTable(b -> b.tableName("tariffs")
                .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().billingModeSummary();
        BillingModeSummary onDemand = describe("tariffs").billingModeSummary();

        assertThat(provisioned).isEqualTo(BillingModeSummary.builder().billingMode(BillingMode.PROVISIONED)
                .lastUpdateToPayPerRequestDateTime(created).build());
        // the switch is still under way when UpdateTable answers, so the answer has no time for it yet
        assertThat(answered).isEqualTo(BillingModeSummary.builder().billingMode(BillingMode.PAY_PER_REQUEST).build());
        assertThat(onDemand.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(onDemand.lastUpdateToPayPerRequestDateTime()).isAfterOrEqualTo(beforeSwitch.minusMillis(1))
                .isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void billingModeSummary_ofATableCreatedOnDemand_isDatedAtItsCreation() {
        Attributes.idTable(client, "meters");

        TableDescription table = describe("meters");

        assertThat(table.billingModeSummary().lastUpdateToPayPerRequestDateTime())
                .isEqualTo(table.creationDateTime());
    }

    @Test
    void createTableAnswer_ofAnOnDemandTable_leavesOutTheSwitchTimeAndTheWarmThroughput_thatDescribeTableReports() {
        TableDescription answered = client.createTable(b -> b.tableName("ledgers")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")))
                .tableDescription();
        TableDescription described = describe("ledgers");

        assertThat(answered.billingModeSummary())
                .isEqualTo(BillingModeSummary.builder().billingMode(BillingMode.PAY_PER_REQUEST).build());
        assertThat(answered.warmThroughput()).isNull();
        assertThat(described.billingModeSummary().lastUpdateToPayPerRequestDateTime())
                .isEqualTo(described.creationDateTime());
        assertThat(described.warmThroughput()).isNotNull();
    }

    @Test
    void billingModeSummary_isAbsent_forATableThatWasNeverOnDemand() {
        client.createTable(b -> b.tableName("reserved").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        client.updateTable(b -> b.tableName("reserved")
                .provisionedThroughput(t -> t.readCapacityUnits(4L).writeCapacityUnits(1L)));

        assertThat(describe("reserved").billingModeSummary()).isNull();
    }

    @Test
    void tableClassSummary_hasNoUpdateTime_untilUpdateTableChangesTheClass() throws InterruptedException {
        client.createTable(b -> b.tableName("cold-store").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        TableClassSummary created = describe("cold-store").tableClassSummary();
        pause();
        Instant before = Instant.now();

        client.updateTable(b -> b.tableName("cold-store").tableClass(TableClass.STANDARD));
        TableClassSummary updated = describe("cold-store").tableClassSummary();

        assertThat(created).isEqualTo(TableClassSummary.builder()
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).build());
        assertThat(updated.tableClass()).isEqualTo(TableClass.STANDARD);
        assertThat(updated.lastUpdateDateTime()).isAfterOrEqualTo(before.minusMillis(1))
                .isBeforeOrEqualTo(Instant.now());
    }
}
