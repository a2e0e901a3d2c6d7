package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Write units on a table with indexes: each index whose stored view of the item changes costs a write (two when
 * its key moves), an index the write does not touch shows no entry, and TOTAL folds the index units in. In a
 * transaction only the table arm doubles; index arms cost what the same write costs outside one.
 */
class IndexWriteCapacityConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static int next;

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("indexed").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S),
                        attribute("gsiPk", ScalarAttributeType.S), attribute("lsiSk", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi-inc").keySchema(hash("gsiPk"))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("proj").build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi1")
                        .keySchema(hash("pk"), range("lsiSk"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    private static String fresh() {
        return "item-" + next++;
    }

    private static ConsumedCapacity put(Map<String, AttributeValue> item) {
        return client.putItem(b -> b.tableName("indexed").item(item)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    }

    private static ConsumedCapacity update(String pk, String expression, Map<String, AttributeValue> values) {
        return client.updateItem(b -> b.tableName("indexed").key(item("pk", s(pk), "sk", s("1")))
                .updateExpression(expression).expressionAttributeValues(values)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    }

    private static String seeded() {
        String pk = fresh();
        put(item("pk", s(pk), "sk", s("1"), "gsiPk", s("g"), "lsiSk", s("L1"), "proj", s("p"), "unindexed", s("o")));
        return pk;
    }

    private static void assertArms(ConsumedCapacity capacity, double total, double table, Double gsi, Double lsi) {
        assertThat(capacity.capacityUnits()).isEqualTo(total);
        assertThat(capacity.table().capacityUnits()).isEqualTo(table);
        if (gsi == null) {
            assertThat(capacity.hasGlobalSecondaryIndexes()).isFalse();
        } else {
            assertThat(capacity.globalSecondaryIndexes().get("gsi-inc").capacityUnits()).isEqualTo(gsi);
        }
        if (lsi == null) {
            assertThat(capacity.hasLocalSecondaryIndexes()).isFalse();
        } else {
            assertThat(capacity.localSecondaryIndexes().get("lsi1").capacityUnits()).isEqualTo(lsi);
        }
    }

    @Test
    void put_intoBothIndexes_chargesEachBesideTheTable() {
        assertArms(put(item("pk", s(fresh()), "sk", s("1"), "gsiPk", s("g"), "lsiSk", s("L"), "proj", s("p"))),
                3, 1, 1.0, 1.0);
    }

    @Test
    void put_ofASparseItem_chargesOnlyTheTable() {
        assertArms(put(item("pk", s(fresh()), "sk", s("1"), "unindexed", s("o"))), 1, 1, null, null);
    }

    @Test
    void identicalOverwrite_chargesNoIndex() {
        Map<String, AttributeValue> same = item("pk", s(fresh()), "sk", s("1"), "gsiPk", s("g"), "lsiSk", s("L"));
        put(same);

        assertArms(put(same), 1, 1, null, null);
    }

    @Test
    void total_foldsTheIndexUnitsIn_withoutArms() {
        var capacity = client.putItem(b -> b.tableName("indexed")
                .item(item("pk", s(fresh()), "sk", s("1"), "gsiPk", s("g"), "proj", s("p")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertThat(capacity.capacityUnits()).isEqualTo(2.0);
        assertThat(capacity.table()).isNull();
        assertThat(capacity.hasGlobalSecondaryIndexes()).isFalse();
    }

    @Test
    void update_ofAnAttributeTheGlobalIndexDoesNotProject_chargesOnlyTheLocalIndex() {
        assertArms(update(seeded(), "SET unindexed = :v", Map.of(":v", s("o2"))), 2, 1, null, 1.0);
    }

    @Test
    void update_ofTheGlobalIndexKey_chargesADeleteAndAnInsert() {
        assertArms(update(seeded(), "SET gsiPk = :v", Map.of(":v", s("moved"))), 4, 1, 2.0, 1.0);
    }

    @Test
    void update_removingTheGlobalIndexKey_chargesOneDelete() {
        assertArms(update(seeded(), "REMOVE gsiPk", null), 3, 1, 1.0, 1.0);
    }

    @Test
    void delete_chargesEveryIndexTheItemWasIn() {
        String pk = seeded();

        var capacity = client.deleteItem(b -> b.tableName("indexed").key(item("pk", s(pk), "sk", s("1")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertArms(capacity, 3, 1, 1.0, 1.0);
    }

    @Test
    void batchWrite_reportsOneEntryWithTheArmsTheBatchTouched() {
        var response = client.batchWriteItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .requestItems(Map.of("indexed", List.of(
                        WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", s(fresh()),
                                "sk", s("1"), "gsiPk", s("g"), "proj", s("p"))).build()).build(),
                        WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", s(fresh()),
                                "sk", s("1"), "unindexed", s("o"))).build()).build()))));

        assertThat(response.consumedCapacity()).hasSize(1);
        assertArms(response.consumedCapacity().get(0), 3, 2, 1.0, null);
    }

    private static ConsumedCapacity transact(TransactWriteItem action) {
        var consumed = client.transactWriteItems(b -> b.transactItems(action)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(consumed).hasSize(1);
        return consumed.get(0);
    }

    @Test
    void transactPut_doublesOnlyTheTableArm_andMirrorsEachArmIntoWriteUnits() {
        var capacity = transact(TransactWriteItem.builder().put(Put.builder().tableName("indexed")
                .item(item("pk", s(fresh()), "sk", s("1"), "gsiPk", s("g"), "lsiSk", s("L"), "proj", s("p")))
                .build()).build());

        assertArms(capacity, 4, 2, 1.0, 1.0);
        assertThat(capacity.writeCapacityUnits()).isEqualTo(4.0);
        assertThat(capacity.table().writeCapacityUnits()).isEqualTo(2.0);
        assertThat(capacity.globalSecondaryIndexes().get("gsi-inc").writeCapacityUnits()).isEqualTo(1.0);
        assertThat(capacity.localSecondaryIndexes().get("lsi1").writeCapacityUnits()).isEqualTo(1.0);
    }

    @Test
    void transactUpdate_movingALargeGlobalIndexKey_chargesTheIndexArmUndoubled() {
        String pk = fresh();
        put(item("pk", s(pk), "sk", s("1"), "gsiPk", s("g"), "proj", s("x".repeat(1500))));

        var capacity = transact(TransactWriteItem.builder().update(Update.builder().tableName("indexed")
                .key(item("pk", s(pk), "sk", s("1"))).updateExpression("SET gsiPk = :v")
                .expressionAttributeValues(Map.of(":v", s("moved"))).build()).build());

        assertArms(capacity, 8, 4, 4.0, null);
    }

    @Test
    void transactConditionCheck_chargesTheTableAlone() {
        String pk = seeded();

        var capacity = transact(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName("indexed").key(item("pk", s(pk), "sk", s("1")))
                .conditionExpression("attribute_exists(pk)").build()).build());

        assertArms(capacity, 2, 2, null, null);
    }

    @Test
    void transactDelete_chargesEveryIndexTheItemWasIn() {
        String pk = seeded();

        var capacity = transact(TransactWriteItem.builder().delete(Delete.builder().tableName("indexed")
                .key(item("pk", s(pk), "sk", s("1"))).build()).build());

        assertArms(capacity, 4, 2, 1.0, 1.0);
    }

    @Test
    void executeTransactionInsert_doublesOnlyTheTableArm() {
        var consumed = client.executeTransaction(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .transactStatements(ParameterizedStatement.builder().statement("INSERT INTO \"indexed\" VALUE "
                        + "{'pk': ?, 'sk': '1', 'gsiPk': 'g', 'lsiSk': 'L'}").parameters(s(fresh())).build()))
                .consumedCapacity();

        assertThat(consumed).hasSize(1);
        assertArms(consumed.get(0), 4, 2, 1.0, 1.0);
    }

    @Test
    void batchStatement_refusedDuplicateInsert_addsTheStoredItemsUnitsToTheTotalButToNoArm() {
        String stored = fresh();
        put(item("pk", s(stored), "sk", s("1"), "proj", s("x".repeat(3000))));

        var consumed = client.batchExecuteStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .statements(BatchStatementRequest.builder().statement("INSERT INTO \"indexed\" VALUE "
                                + "{'pk': ?, 'sk': '1'}").parameters(s(stored)).build(),
                        BatchStatementRequest.builder().statement("INSERT INTO \"indexed\" VALUE "
                                + "{'pk': ?, 'sk': '1', 'gsiPk': 'g'}").parameters(s(fresh())).build()))
                .consumedCapacity();

        assertThat(consumed).hasSize(1);
        assertArms(consumed.get(0), 5, 1, 1.0, null);
    }

    @Test
    void batchStatement_updateRefusedByItsCondition_addsToTheTotalButToNoArm() {
        String stored = seeded();

        var consumed = client.batchExecuteStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .statements(BatchStatementRequest.builder().statement("UPDATE \"indexed\" SET unindexed = 'x' "
                                + "WHERE pk = ? AND sk = '1' AND unindexed = 'nomatch'").parameters(s(stored)).build(),
                        BatchStatementRequest.builder().statement("INSERT INTO \"indexed\" VALUE "
                                + "{'pk': ?, 'sk': '1', 'gsiPk': 'g'}").parameters(s(fresh())).build()))
                .consumedCapacity();

        assertThat(consumed).hasSize(1);
        assertArms(consumed.get(0), 3, 1, 1.0, null);
    }
}
