package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.attribute;
import static io.jets.dynamodb.local.Clients.key;
import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class IndexesIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start(LocalServer::instantIndexes);
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("status", ScalarAttributeType.S), attribute("total", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
                        .keySchema(key("status", KeyType.HASH), key("total", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-total")
                        .keySchema(key("id", KeyType.HASH), key("total", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        put("a", "1", "open", "30", "x");
        put("a", "2", "open", "10", "y");
        put("b", "1", "closed", "20", "z");
        client.putItem(b -> b.tableName("orders").item(Map.of("id", s("a"), "sk", n("3"), "note", s("sparse"))));
    }

    private static void put(String id, String sk, String status, String total, String note) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", s(id), "sk", n(sk), "status", s(status),
                "total", n(total), "note", s(note))));
    }

    @Test
    void queryGlobalIndex_ordersByIndexSortKey_andProjectsKeysOnly() {
        var response = client.query(b -> b.tableName("orders").indexName("by-status")
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("open"))));

        assertThat(response.items()).containsExactly(
                Map.of("id", s("a"), "sk", n("2"), "status", s("open"), "total", n("10")),
                Map.of("id", s("a"), "sk", n("1"), "status", s("open"), "total", n("30")));
    }

    @Test
    void queryLocalIndex_withRangeCondition_returnsAllAttributes() {
        var response = client.query(b -> b.tableName("orders").indexName("by-total")
                .keyConditionExpression("id = :a AND #t > :min").expressionAttributeNames(Map.of("#t", "total"))
                .expressionAttributeValues(Map.of(":a", s("a"), ":min", n("15"))));

        assertThat(response.items()).containsExactly(Map.of("id", s("a"), "sk", n("1"), "status", s("open"),
                "total", n("30"), "note", s("x")));
    }

    @Test
    void scanGlobalIndex_skipsItemsWithoutTheIndexKey() {
        var response = client.scan(b -> b.tableName("orders").indexName("by-status"));

        assertThat(response.count()).isEqualTo(3);
    }

    @Test
    void queryIndex_pagesWithLastEvaluatedKeyIncludingIndexKeys() {
        var first = client.query(b -> b.tableName("orders").indexName("by-status").limit(1)
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("open"))));
        var second = client.query(b -> b.tableName("orders").indexName("by-status").limit(1)
                .exclusiveStartKey(first.lastEvaluatedKey())
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("open"))));

        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("id", s("a"), "sk", n("2"), "status", s("open"),
                "total", n("10")));
        assertThat(second.items()).extracting(item -> item.get("total").n()).containsExactly("30");
    }

    @Test
    void queryUnknownIndex_isValidationError() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("orders").indexName("nope")
                .keyConditionExpression("id = :a").expressionAttributeValues(Map.of(":a", s("a")))))
                .hasMessageStartingWith("The table does not have the specified index: nope");
    }

    @Test
    void putItem_indexKeyOfWrongType_isValidationError() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("orders").item(Map.of("id", s("bad"), "sk", n("1"),
                "status", n("5")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for Index Key"
                        + " status Expected: S Actual: N IndexName: by-status");
        assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("id", s("bad"), "sk", n("1")))).hasItem())
                .isFalse();
    }

    @Test
    void updateItem_emptyIndexKey_isValidationError() {
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName("orders").key(Map.of("id", s("a"), "sk", n("1")))
                .updateExpression("SET #s = :empty").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":empty", s("")))))
                .hasMessageStartingWith("One or more parameter values are not valid. The update expression attempted"
                        + " to update a secondary index key to a value that is not supported. The AttributeValue for"
                        + " a key attribute cannot contain an empty string value.");
    }

    @Test
    void updateTable_createsAndDeletesGlobalIndexes() {
        client.updateTable(b -> b.tableName("orders")
                .attributeDefinitions(attribute("note", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-note")
                        .keySchema(key("note", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL)))));
        var byNote = client.query(b -> b.tableName("orders").indexName("by-note").keyConditionExpression("note = :n")
                .expressionAttributeValues(Map.of(":n", s("sparse"))));
        client.updateTable(b -> b.tableName("orders").globalSecondaryIndexUpdates(u -> u.delete(d -> d
                .indexName("by-note"))));

        assertThat(byNote.items()).extracting(item -> item.get("sk").n()).containsExactly("3");
        assertThat(client.describeTable(b -> b.tableName("orders")).table().globalSecondaryIndexes())
                .extracting(i -> i.indexName()).containsExactly("by-status");
    }

    @Test
    void putItem_returnItemCollectionMetrics_onTableWithLocalIndex() {
        var response = client.putItem(b -> b.tableName("orders").item(Map.of("id", s("m"), "sk", n("1")))
                .returnItemCollectionMetrics(software.amazon.awssdk.services.dynamodb.model
                        .ReturnItemCollectionMetrics.SIZE));

        assertThat(response.itemCollectionMetrics().itemCollectionKey()).isEqualTo(Map.of("id", s("m")));
        assertThat(response.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
    }

    @Test
    void batchWriteAndTransactWrite_returnItemCollectionMetrics_perTable_onePerPartitionTouched() {
        var size = software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics.SIZE;
        var batch = client.batchWriteItem(b -> b.returnItemCollectionMetrics(size).requestItems(Map.of("orders",
                java.util.List.of(
                        WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s("b1"), "sk", n("1")))).build(),
                        WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s("b1"), "sk", n("2")))).build(),
                        WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s("b2"), "sk", n("1")))).build()))));
        var transaction = client.transactWriteItems(b -> b.returnItemCollectionMetrics(size).transactItems(
                t -> t.put(p -> p.tableName("orders").item(Map.of("id", s("t1"), "sk", n("1")))),
                t -> t.conditionCheck(c -> c.tableName("orders").key(Map.of("id", s("b2"), "sk", n("1")))
                        .conditionExpression("attribute_exists(id)"))));

        assertThat(batch.itemCollectionMetrics().get("orders"))
                .extracting(m -> m.itemCollectionKey().get("id").s()).containsExactly("b1", "b2");
        assertThat(batch.itemCollectionMetrics().get("orders").get(0).sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
        assertThat(transaction.itemCollectionMetrics().get("orders"))
                .extracting(m -> m.itemCollectionKey().get("id").s()).containsExactly("t1");
    }

    @Test
    void describeTable_listsBothIndexes() {
        var table = client.describeTable(b -> b.tableName("orders")).table();

        assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("by-status");
        assertThat(table.localSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("by-total");
        assertThat(table.globalSecondaryIndexes().get(0).indexArn())
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders/index/by-status");
        assertThat(table.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(3);
        assertThat(table.globalSecondaryIndexes().get(0).indexSizeBytes()).isPositive();
    }
}
