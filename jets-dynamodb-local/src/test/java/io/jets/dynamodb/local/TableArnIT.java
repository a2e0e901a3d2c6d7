package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.attribute;
import static io.jets.dynamodb.local.Clients.key;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table ARN names the table in every place a request names one: the keys of a batch's RequestItems and the
 * TableName of each transaction action as well as a top-level TableName. The answer names the table the way the
 * request did: the batch maps are keyed by the ARN, and ConsumedCapacity's TableName is the ARN ("If you had
 * specified the Amazon Resource Name (ARN) of a table in the input, you'll see the table ARN in the response").
 */
class TableArnIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbStreamsClient streams = local.streams();

    private static String arnOf(String table) {
        return client.describeTable(b -> b.tableName(table)).table().tableArn();
    }

    private static WriteRequest put(String id, String note) {
        return WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s(id), "note", s(note)))).build();
    }

    /** A record without what differs between any two writes: event id, sequence number and time. */
    private static StreamRecord content(Record record) {
        return record.dynamodb().toBuilder().sequenceNumber(null).approximateCreationDateTime(null).build();
    }

    @Test
    void batchWriteItem_keyedByArn_writesTheTable_withTheStreamRecordsOfAWriteByName() {
        String stream = Clients.createTable(client, "arn-batch-write", false, StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = arnOf("arn-batch-write");

        client.batchWriteItem(b -> b.requestItems(Map.of("arn-batch-write", List.of(put("a", "by name")))));
        client.batchWriteItem(b -> b.requestItems(Map.of(arn, List.of(put("a", "by arn")))));
        client.batchWriteItem(b -> b.requestItems(Map.of("arn-batch-write", List.of(put("a", "by arn")))));
        var byArn = client.batchWriteItem(b -> b.requestItems(Map.of(arn, List.of(WriteRequest.builder()
                .deleteRequest(d -> d.key(Map.of("id", s("a")))).build()))));

        assertThat(byArn.unprocessedItems()).isEmpty();
        assertThat(client.getItem(b -> b.tableName("arn-batch-write").key(Map.of("id", s("a")))).hasItem())
                .isFalse();
        List<Record> records = ConcurrencyIT.readAll(streams, stream);
        assertThat(records).extracting(record -> record.eventNameAsString() + " "
                        + record.dynamodb().newImage().getOrDefault("note", s("-")).s())
                .containsExactly("INSERT by name", "MODIFY by arn", "REMOVE -");
        // the same change, once by ARN and once by name: put "by arn" again over "by name" by name
        client.batchWriteItem(b -> b.requestItems(Map.of("arn-batch-write", List.of(put("a", "by name")))));
        client.batchWriteItem(b -> b.requestItems(Map.of("arn-batch-write", List.of(put("a", "by arn")))));
        List<Record> again = ConcurrencyIT.readAll(streams, stream);
        assertThat(content(again.get(4))).isEqualTo(content(records.get(1)));
        assertThat(again.get(4).eventName()).isEqualTo(records.get(1).eventName());
    }

    @Test
    void batchGetItem_keyedByArn_answersUnderTheArn() {
        Clients.createTable(client, "arn-batch-get", false, null);
        String arn = arnOf("arn-batch-get");
        client.putItem(b -> b.tableName("arn-batch-get").item(Map.of("id", s("a"), "note", s("x"))));

        var read = client.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .requestItems(Map.of(arn, KeysAndAttributes.builder().consistentRead(true)
                        .keys(Map.of("id", s("a")), Map.of("id", s("missing"))).build())));

        assertThat(read.responses()).containsOnlyKeys(arn);
        assertThat(read.responses().get(arn)).containsExactly(Map.of("id", s("a"), "note", s("x")));
        assertThat(read.unprocessedKeys()).isEmpty();
        assertThat(read.consumedCapacity())
                .containsExactly(ConsumedCapacity.builder().tableName(arn).capacityUnits(2.0).build());
    }

    @Test
    void batchGetItem_ofTwoTables_byArnAndByName_keysEachAsAsked() {
        Clients.createTable(client, "arn-batch-get-one", false, null);
        Clients.createTable(client, "arn-batch-get-two", false, null);
        String arn = arnOf("arn-batch-get-one");
        client.putItem(b -> b.tableName("arn-batch-get-one").item(Map.of("id", s("1"))));
        client.putItem(b -> b.tableName("arn-batch-get-two").item(Map.of("id", s("2"))));

        var read = client.batchGetItem(b -> b.requestItems(Map.of(
                arn, KeysAndAttributes.builder().keys(Map.of("id", s("1"))).build(),
                "arn-batch-get-two", KeysAndAttributes.builder().keys(Map.of("id", s("2"))).build())));

        assertThat(read.responses()).containsOnlyKeys(arn, "arn-batch-get-two");
        assertThat(read.responses().get(arn)).containsExactly(Map.of("id", s("1")));
        assertThat(read.responses().get("arn-batch-get-two")).containsExactly(Map.of("id", s("2")));
    }

    @Test
    void batchWriteItem_keyedByArn_reportsCapacityAndCollectionMetricsUnderTheArn() {
        client.createTable(b -> b.tableName("arn-batch-metrics").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("at", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-at")
                        .keySchema(key("id", KeyType.HASH), key("at", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        String arn = arnOf("arn-batch-metrics");

        var written = client.batchWriteItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .requestItems(Map.of(arn, List.of(WriteRequest.builder().putRequest(p -> p.item(
                        Map.of("id", s("p"), "sk", AttributeValue.fromN("1"), "at", s("x")))).build()))));

        // one unit for the table, one for the local index the item enters
        assertThat(written.consumedCapacity())
                .containsExactly(ConsumedCapacity.builder().tableName(arn).capacityUnits(2.0).build());
        assertThat(written.itemCollectionMetrics()).containsOnlyKeys(arn);
        assertThat(written.itemCollectionMetrics().get(arn).get(0).itemCollectionKey())
                .isEqualTo(Map.of("id", s("p")));
    }

    @Test
    void batchWriteItem_ofOneItem_byNameAndByArn_isADuplicate() {
        Clients.createTable(client, "arn-batch-duplicate", false, null);
        String arn = arnOf("arn-batch-duplicate");

        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(
                "arn-batch-duplicate", List.of(put("same", "one")), arn, List.of(put("same", "two"))))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageStartingWith("Provided list of item keys contains duplicates");
    }

    @Test
    void transactWriteItems_withArnTableNames_writesEachAction_andChargesTheArn() {
        String stream = Clients.createTable(client, "arn-transact", false, StreamViewType.NEW_IMAGE);
        String arn = arnOf("arn-transact");
        client.putItem(b -> b.tableName("arn-transact").item(Map.of("id", s("old"))));
        client.putItem(b -> b.tableName("arn-transact").item(Map.of("id", s("kept"))));

        var written = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(arn).item(Map.of("id", s("new")))).build(),
                        TransactWriteItem.builder().update(u -> u.tableName(arn).key(Map.of("id", s("kept")))
                                .updateExpression("SET note = :n")
                                .expressionAttributeValues(Map.of(":n", s("updated")))).build(),
                        TransactWriteItem.builder().delete(d -> d.tableName(arn).key(Map.of("id", s("old"))))
                                .build(),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName(arn)
                                .key(Map.of("id", s("absent"))).conditionExpression("attribute_not_exists(id)"))
                                .build()));

        assertThat(written.consumedCapacity()).containsExactly(ConsumedCapacity.builder().tableName(arn)
                .capacityUnits(8.0).writeCapacityUnits(8.0).build());
        assertThat(client.scan(b -> b.tableName("arn-transact")).items()).containsExactlyInAnyOrder(
                Map.of("id", s("new")), Map.of("id", s("kept"), "note", s("updated")));
        assertThat(ConcurrencyIT.readAll(streams, stream)).extracting(Record::eventNameAsString)
                .containsExactly("INSERT", "INSERT", "INSERT", "MODIFY", "REMOVE");
    }

    @Test
    void transactGetItems_withArnTableNames_readsTheTable_andChargesTheArn() {
        Clients.createTable(client, "arn-transact-get", false, null);
        String arn = arnOf("arn-transact-get");
        client.putItem(b -> b.tableName("arn-transact-get").item(Map.of("id", s("a"))));

        var read = client.transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(TransactGetItem.builder().get(g -> g.tableName(arn).key(Map.of("id", s("a"))))
                                .build(),
                        TransactGetItem.builder().get(g -> g.tableName("arn-transact-get")
                                .key(Map.of("id", s("b")))).build()));

        assertThat(read.responses().get(0).item()).isEqualTo(Map.of("id", s("a")));
        assertThat(read.responses().get(1).hasItem()).isFalse();
        assertThat(read.consumedCapacity()).containsExactly(
                ConsumedCapacity.builder().tableName(arn).capacityUnits(2.0).readCapacityUnits(2.0).build(),
                ConsumedCapacity.builder().tableName("arn-transact-get").capacityUnits(2.0).readCapacityUnits(2.0)
                        .build());
    }

    @Test
    void singleItemOperations_withArnTableName_reportCapacityUnderTheArn() {
        Clients.createTable(client, "arn-single", false, null);
        String arn = arnOf("arn-single");

        var put = client.putItem(b -> b.tableName(arn).item(Map.of("id", s("a")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var get = client.getItem(b -> b.tableName(arn).key(Map.of("id", s("a"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var query = client.query(b -> b.tableName(arn).keyConditionExpression("id = :a")
                .expressionAttributeValues(Map.of(":a", s("a"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var byName = client.getItem(b -> b.tableName("arn-single").key(Map.of("id", s("a"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(put.consumedCapacity()).isEqualTo(ConsumedCapacity.builder().tableName(arn).capacityUnits(1.0)
                .build());
        assertThat(get.consumedCapacity()).isEqualTo(ConsumedCapacity.builder().tableName(arn).capacityUnits(1.0)
                .build());
        assertThat(query.consumedCapacity().tableName()).isEqualTo(arn);
        assertThat(get.item()).isEqualTo(Map.of("id", s("a")));
        assertThat(byName.consumedCapacity().tableName()).isEqualTo("arn-single");
    }
}
