package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedLocalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The async Enhanced Client: versioned writes racing on one item, and query publishers over a table and index. */
class AsyncEnhancedClientIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbAsyncClient async = AsyncClients.dynamoDb(local.endpoint());
    private static final DynamoDbEnhancedAsyncClient enhanced = DynamoDbEnhancedAsyncClient.builder()
            .dynamoDbClient(async).build();
    private static final DynamoDbAsyncTable<Order> orders = enhanced.table("orders", EnhancedClientIT.ORDER);

    @BeforeAll
    static void createTable() {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        orders.createTable(CreateTableEnhancedRequest.builder()
                .globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName(Order.BY_STATUS)
                        .projection(all).build())
                .localSecondaryIndices(EnhancedLocalSecondaryIndex.create(Order.BY_TOTAL, all)).build()).join();
        async.waiter().waitUntilTableExists(b -> b.tableName("orders")).join();
    }

    @AfterAll
    static void closeClient() {
        async.close();
    }

    @Test
    void racingVersionedUpdates_ofOneVersion_exactlyOneWins() {
        orders.putItem(new Order("race", "o-1", "open", 0)).join();
        Order read = orders.getItem(Key.builder().partitionValue("race").sortValue("o-1").build()).join();

        var updates = IntStream.range(0, 100).mapToObj(i -> {
            Order copy = new Order("race", "o-1", "open", i);
            copy.setVersion(read.getVersion());
            return orders.updateItem(copy);
        }).toList();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (CompletableFuture<Order> update : updates) {
            try {
                update.join();
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }

        assertThat(failures).hasSize(99).allSatisfy(e -> assertThat(e)
                .isInstanceOf(ConditionalCheckFailedException.class));
        Order after = orders.getItem(Key.builder().partitionValue("race").sortValue("o-1").build()).join();
        assertThat(after.getVersion()).isEqualTo(2L);
        assertThat(after.getViews()).isEqualTo(1L);
    }

    @Test
    void queryPublishers_overTheTableAndTheGlobalIndex() {
        var puts = IntStream.range(0, 50).mapToObj(i -> orders.putItem(new Order("pub", String.format("o-%02d", i),
                i % 2 == 0 ? "pub-even" : "pub-odd", i))).toList();
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();

        List<String> ids = new CopyOnWriteArrayList<>();
        orders.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(
                        k -> k.partitionValue("pub").sortValue("o-4"))).limit(3).build())
                .items().subscribe(order -> ids.add(order.getOrderId())).join();
        List<Integer> totals = new CopyOnWriteArrayList<>();
        orders.index(Order.BY_STATUS).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortLessThan(k -> k.partitionValue("pub-odd").sortValue(10)))
                        .limit(2).build())
                .subscribe(page -> page.items().forEach(order -> totals.add(order.getTotal()))).join();

        assertThat(ids).containsExactly("o-40", "o-41", "o-42", "o-43", "o-44", "o-45", "o-46", "o-47", "o-48",
                "o-49");
        assertThat(totals).containsExactly(1, 3, 5, 7, 9);
    }
}
