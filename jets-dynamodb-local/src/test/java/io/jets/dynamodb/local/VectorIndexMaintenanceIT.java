package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A vector index follows its table's items however they go: transactions, batches, time to live. */
class VectorIndexMaintenanceIT {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));

    @RegisterExtension
    static final LocalServer local = LocalServer.start(b -> b.clock(clock).ttlInterval(Duration.ofMillis(100)));
    private static final DynamoDbClient client = local.dynamoDb();

    private static void createDocs(String table) {
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Clients.attribute("id", ScalarAttributeType.S))
                .keySchema(Clients.key("id", KeyType.HASH))
                .vectorIndexes(v -> v.indexName("by-meaning").vectorAttribute(a -> a.attributeName("embedding"))
                        .dimensions(2L).distanceFunction(VectorDistanceFunction.COSINE)
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
    }

    private static Map<String, AttributeValue> doc(String id) {
        return Map.of("id", Clients.s(id), "embedding", AttributeValue.fromL(List.of(Clients.n("1"),
                Clients.n("0.5"))));
    }

    private static long indexed(String table) {
        return client.describeTable(b -> b.tableName(table)).table().vectorIndexes().get(0).itemCount();
    }

    @Test
    void transactionsAndBatches_keepTheEntries() {
        createDocs("docs-written");
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("docs-written").item(doc("a"))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("docs-written").item(doc("b"))).build()));
        client.batchWriteItem(b -> b.requestItems(Map.of("docs-written", List.of(
                WriteRequest.builder()
                        .putRequest(p -> p.item(doc("c"))).build()))));
        assertThat(indexed("docs-written")).isEqualTo(3);

        client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                .delete(d -> d.tableName("docs-written").key(Map.of("id", Clients.s("a")))).build()));
        client.executeStatement(b -> b.statement("DELETE FROM \"docs-written\" WHERE id = 'b'"));
        assertThat(indexed("docs-written")).isEqualTo(1);
    }

    @Test
    void timeToLiveDeletion_takesTheItemOutOfTheIndex() {
        createDocs("docs-expiring");
        client.updateTimeToLive(b -> b.tableName("docs-expiring")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        long past = clock.instant().getEpochSecond() - 60;
        Map<String, AttributeValue> expiring = new HashMap<>(doc("old"));
        expiring.put("expires", Clients.n(Long.toString(past)));
        client.putItem(b -> b.tableName("docs-expiring").item(expiring));
        client.putItem(b -> b.tableName("docs-expiring").item(doc("kept")));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.getItem(b -> b.tableName("docs-expiring")
                .key(Map.of("id", Clients.s("old")))).item().isEmpty());

        assertThat(indexed("docs-expiring")).isEqualTo(1);
    }
}
