package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DescribeTable's ItemCount and TableSizeBytes are counted once and then kept from every write: after any mix of
 * writes they must equal what a fresh count of the stored items gives (a restarted server counts afresh).
 */
class TableTotalsIT {

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static Map<String, AttributeValue> shelf(String id, String label) {
        return Map.of("id", s(id), "label", s(label));
    }

    @Test
    void totalsKeptFromWrites_matchAFreshCount(@TempDir Path data) {
        long[] kept;
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            for (String table : List.of("shelves", "streamed")) {
                client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .streamSpecification(st -> st.streamEnabled(table.equals("streamed"))
                                .streamViewType(table.equals("streamed") ? StreamViewType.NEW_AND_OLD_IMAGES : null)));
                client.putItem(b -> b.tableName(table).item(shelf("a", "first")));
                assertThat(describe(client, table).itemCount()).isEqualTo(1);

                client.putItem(b -> b.tableName(table).item(shelf("b", "second")));
                client.putItem(b -> b.tableName(table).item(shelf("a", "first, now with a much longer label")));
                client.updateItem(b -> b.tableName(table).key(Map.of("id", s("c")))
                        .updateExpression("SET label = :l").expressionAttributeValues(Map.of(":l", s("made"))));
                client.updateItem(b -> b.tableName(table).key(Map.of("id", s("b"))).updateExpression("REMOVE label"));
                client.deleteItem(b -> b.tableName(table).key(Map.of("id", s("c"))));
                client.deleteItem(b -> b.tableName(table).key(Map.of("id", s("never"))));
                client.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                        WriteRequest.builder().putRequest(p -> p.item(shelf("d", "batched"))).build(),
                        WriteRequest.builder().deleteRequest(d -> d.key(Map.of("id", s("b")))).build()))));
                assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                        t -> t.put(p -> p.tableName(table).item(shelf("e", "rolled back"))),
                        t -> t.conditionCheck(c -> c.tableName(table).key(Map.of("id", s("a")))
                                .conditionExpression("attribute_not_exists(id)")))))
                        .isInstanceOf(TransactionCanceledException.class);
                client.executeStatement(b -> b.statement("INSERT INTO \"" + table + "\" VALUE {'id': 'f', 'n': 7}"));
            }
            TableDescription shelves = describe(client, "shelves");
            TableDescription streamed = describe(client, "streamed");
            kept = new long[] {shelves.itemCount(), shelves.tableSizeBytes(), streamed.itemCount(),
                streamed.tableSizeBytes()};
            assertThat(shelves.itemCount()).isEqualTo(3);
        }
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            TableDescription shelves = describe(client, "shelves");
            TableDescription streamed = describe(client, "streamed");

            assertThat(new long[] {shelves.itemCount(), shelves.tableSizeBytes(), streamed.itemCount(),
                streamed.tableSizeBytes()}).containsExactly(kept);
        }
    }

    private static TableDescription describe(DynamoDbClient client, String table) {
        return client.describeTable(b -> b.tableName(table)).table();
    }
}
