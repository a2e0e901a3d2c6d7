package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ConsumedCapacity as DynamoDB reports it: reads cost one unit per started 4 KB (half for eventually consistent
 * reads), writes one unit per started 1 KB of the larger of the old and new item, INDEXES splits the table from
 * its indexes, and transactions cost twice as much and report read and write units apart.
 */
class ConsumedCapacityConformanceIT {

    private static final String KILOBYTE_AND_A_HALF = "x".repeat(1500);

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("capacity").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(hash("id")));
        client.createTable(b -> b.tableName("capacity-indexed").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("g", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g").keySchema(hash("g"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        for (int i = 0; i < 3; i++) {
            String sk = Integer.toString(i);
            client.putItem(b -> b.tableName("capacity-indexed").item(item("pk", s("p"), "sk", n(sk), "g", s("G"))));
        }
    }

    @Test
    void getItem_chargesHalfAUnitEventually_andAWholeUnitConsistently() {
        client.putItem(b -> b.tableName("capacity").item(item("id", s("small"))));

        var eventual = client.getItem(b -> b.tableName("capacity").key(item("id", s("small")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        var consistent = client.getItem(b -> b.tableName("capacity").key(item("id", s("small")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertThat(eventual).isEqualTo(ConsumedCapacity.builder().tableName("capacity").capacityUnits(0.5).build());
        assertThat(consistent).isEqualTo(ConsumedCapacity.builder().tableName("capacity").capacityUnits(1.0).build());
    }

    @Test
    void getItem_ofAMissingItem_stillChargesTheMinimum() {
        var capacity = client.getItem(b -> b.tableName("capacity").key(item("id", s("absent")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertThat(capacity.capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void putItem_chargesOneUnitPerStartedKilobyte() {
        var capacity = client.putItem(b -> b.tableName("capacity")
                .item(item("id", s("large"), "data", s(KILOBYTE_AND_A_HALF)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertThat(capacity).isEqualTo(ConsumedCapacity.builder().tableName("capacity").capacityUnits(2.0).build());
    }

    @Test
    void deleteItem_chargesBySizeOfTheDeletedItem_andIndexesShowsTheTable() {
        client.putItem(b -> b.tableName("capacity").item(item("id", s("doomed"), "data", s(KILOBYTE_AND_A_HALF))));

        var capacity = client.deleteItem(b -> b.tableName("capacity").key(item("id", s("doomed")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(capacity.tableName()).isEqualTo("capacity");
        assertThat(capacity.capacityUnits()).isEqualTo(2.0);
        assertThat(capacity.table().capacityUnits()).isEqualTo(2.0);
    }

    @Test
    void updateItem_thatShrinksAnItem_chargesByTheLargerOldItem() {
        client.putItem(b -> b.tableName("capacity").item(item("id", s("shrinks"), "data", s(KILOBYTE_AND_A_HALF))));

        var capacity = client.updateItem(b -> b.tableName("capacity").key(item("id", s("shrinks")))
                .updateExpression("REMOVE #d").expressionAttributeNames(Map.of("#d", "data"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertThat(capacity.capacityUnits()).isEqualTo(2.0);
    }

    @Test
    void scan_ofSmallItems_chargesByTotalBytesRead_notPerItem() {
        var eventual = client.scan(b -> b.tableName("capacity-indexed").select(Select.COUNT)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var consistent = client.scan(b -> b.tableName("capacity-indexed").select(Select.COUNT).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(eventual.scannedCount()).isEqualTo(3);
        assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(consistent.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void query_withoutReturnConsumedCapacity_hasNone() {
        var response = client.query(b -> b.tableName("capacity-indexed").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))));

        assertThat(response.consumedCapacity()).isNull();
    }

    @Test
    void queryOfGlobalIndex_withIndexes_chargesTheIndex_andShowsTheTableAtZero() {
        var capacity = client.query(b -> b.tableName("capacity-indexed").indexName("by-g")
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(capacity.tableName()).isEqualTo("capacity-indexed");
        assertThat(capacity.capacityUnits()).isEqualTo(0.5);
        assertThat(capacity.table().capacityUnits()).isEqualTo(0.0);
        assertThat(capacity.globalSecondaryIndexes()).containsOnlyKeys("by-g");
        assertThat(capacity.globalSecondaryIndexes().get("by-g").capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void batchWriteItem_reportsOneEntryPerTable() {
        var response = client.batchWriteItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .requestItems(Map.of("capacity", List.of(
                        put(item("id", s("batch-1"))),
                        put(item("id", s("batch-2"))),
                        put(item("id", s("batch-3"), "data", s(KILOBYTE_AND_A_HALF)))))));

        assertThat(response.consumedCapacity()).containsExactly(
                ConsumedCapacity.builder().tableName("capacity").capacityUnits(4.0).build());
    }

    @Test
    void batchGetItem_chargesEachItemItsOwnReadUnit() {
        client.putItem(b -> b.tableName("capacity").item(item("id", s("got-1"))));
        client.putItem(b -> b.tableName("capacity").item(item("id", s("got-2"))));

        var response = client.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .requestItems(Map.of("capacity", KeysAndAttributes.builder().consistentRead(true)
                        .keys(item("id", s("got-1")), item("id", s("got-2"))).build())));

        assertThat(response.consumedCapacity()).containsExactly(
                ConsumedCapacity.builder().tableName("capacity").capacityUnits(2.0).build());
    }

    @Test
    void transactWriteItems_chargesTwiceTheWriteUnits_andSplitsThemOut() {
        var response = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName("capacity")
                                .item(item("id", s("tx-1"))).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName("capacity")
                                .item(item("id", s("tx-2"))).build()).build()));

        assertThat(response.consumedCapacity()).containsExactly(ConsumedCapacity.builder().tableName("capacity")
                .capacityUnits(4.0).writeCapacityUnits(4.0).build());
    }

    @Test
    void transactWriteItems_withIndexes_showsTheSplitUnderTable() {
        var response = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .transactItems(TransactWriteItem.builder().put(Put.builder().tableName("capacity")
                        .item(item("id", s("tx-3"), "data", s(KILOBYTE_AND_A_HALF))).build()).build()));

        var capacity = response.consumedCapacity().get(0);
        assertThat(capacity.capacityUnits()).isEqualTo(4.0);
        assertThat(capacity.table()).isEqualTo(Capacity.builder().capacityUnits(4.0).writeCapacityUnits(4.0).build());
    }

    @Test
    void transactWriteItems_replayedWithTheSameToken_isBilledAsATransactionalRead() {
        var write = TransactWriteItem.builder().put(Put.builder().tableName("capacity")
                .item(item("id", s("tx-replayed"), "data", s(KILOBYTE_AND_A_HALF))).build()).build();

        var first = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .clientRequestToken("replay-token").transactItems(write));
        var replay = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .clientRequestToken("replay-token").transactItems(write));

        assertThat(first.consumedCapacity()).containsExactly(ConsumedCapacity.builder().tableName("capacity")
                .capacityUnits(4.0).writeCapacityUnits(4.0).build());
        assertThat(replay.consumedCapacity()).containsExactly(ConsumedCapacity.builder().tableName("capacity")
                .capacityUnits(2.0).readCapacityUnits(2.0).build());
    }

    @Test
    void transactWriteItems_replayed_isBilledOnTheLargerImageOfTheFirstCall_notOnWhatIsStoredNow() {
        String large = "x".repeat(9000);
        client.putItem(b -> b.tableName("capacity").item(item("id", s("tx-shrunk"), "data", s(large))));
        client.putItem(b -> b.tableName("capacity").item(item("id", s("tx-deleted"), "data", s(large))));
        var shrink = TransactWriteItem.builder().put(Put.builder().tableName("capacity")
                .item(item("id", s("tx-shrunk"))).build()).build();
        var delete = TransactWriteItem.builder().delete(Delete.builder().tableName("capacity")
                .key(item("id", s("tx-deleted"))).build()).build();

        var first = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .clientRequestToken("replay-sized").transactItems(shrink, delete));
        var replay = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .clientRequestToken("replay-sized").transactItems(shrink, delete));

        assertThat(first.consumedCapacity().get(0).capacityUnits()).isEqualTo(36.0);
        assertThat(replay.consumedCapacity()).containsExactly(ConsumedCapacity.builder().tableName("capacity")
                .capacityUnits(12.0).readCapacityUnits(12.0).build());
    }

    @Test
    void transactGetItems_chargesTwoReadUnitsPerItem_evenForAMissingOne() {
        client.putItem(b -> b.tableName("capacity").item(item("id", s("tx-read"))));

        var response = client.transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(
                        TransactGetItem.builder().get(Get.builder().tableName("capacity")
                                .key(item("id", s("tx-read"))).build()).build(),
                        TransactGetItem.builder().get(Get.builder().tableName("capacity")
                                .key(item("id", s("tx-missing"))).build()).build()));

        assertThat(response.consumedCapacity()).containsExactly(ConsumedCapacity.builder().tableName("capacity")
                .capacityUnits(4.0).readCapacityUnits(4.0).build());
    }

    @Test
    void executeStatement_reportsTheUnitsOfItsReadOrWrite() {
        var insert = client.executeStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .statement("INSERT INTO \"capacity\" VALUE {'id': 'partiql', 'data': '" + KILOBYTE_AND_A_HALF + "'}"));
        var select = client.executeStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .statement("SELECT * FROM \"capacity\" WHERE id = 'partiql'").consistentRead(true));

        assertThat(insert.consumedCapacity())
                .isEqualTo(ConsumedCapacity.builder().tableName("capacity").capacityUnits(2.0).build());
        assertThat(select.consumedCapacity())
                .isEqualTo(ConsumedCapacity.builder().tableName("capacity").capacityUnits(1.0).build());
    }

    @Test
    void executeStatement_selectNamingTheWholeKey_chargesThatItemAlone_andAPartitionReadChargesEveryRowItWalked() {
        client.createTable(b -> b.tableName("capacity-wide").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                .keySchema(hash("pk"), range("sk")));
        for (int i = 0; i < 4; i++) {
            String sk = Integer.toString(i);
            client.putItem(b -> b.tableName("capacity-wide")
                    .item(item("pk", s("p"), "sk", n(sk), "tag", s(sk), "filler", s("x".repeat(3000)))));
        }

        assertThat(selectUnits("SELECT * FROM \"capacity-wide\" WHERE pk = 'p' AND sk = 1")).isEqualTo(0.5);
        assertThat(selectUnits("SELECT * FROM \"capacity-wide\" WHERE pk = 'p' AND tag = '1'")).isEqualTo(1.5);
        assertThat(selectUnits("SELECT sk FROM \"capacity-wide\" WHERE pk = 'p'")).isEqualTo(1.5);
    }

    private static double selectUnits(String statement) {
        return client.executeStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .statement(statement)).consumedCapacity().capacityUnits();
    }

    private static WriteRequest put(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
