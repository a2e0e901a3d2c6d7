package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedLocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The Enhanced Client's table lifecycle and single-item writes: versions, counters and update behaviours. */
class EnhancedClientIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client)
            .build();
    static final TableSchema<Order> ORDER = TableSchema.fromBean(Order.class);
    private static final DynamoDbTable<Order> orders = enhanced.table("orders", ORDER);

    @BeforeAll
    static void createTable() {
        createOrdersTable(orders);
    }

    static void createOrdersTable(DynamoDbTable<Order> table) {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        table.createTable(CreateTableEnhancedRequest.builder()
                .globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName(Order.BY_STATUS)
                        .projection(all).build())
                .localSecondaryIndices(EnhancedLocalSecondaryIndex.create(Order.BY_TOTAL, all))
                .build());
    }

    @Test
    void createTable_fromAnnotations_declaresKeysAndBothIndexes() {
        var table = client.describeTable(b -> b.tableName("orders")).table();

        assertThat(table.keySchema()).containsExactly(key("customer", KeyType.HASH), key("order", KeyType.RANGE));
        assertThat(table.attributeDefinitions()).extracting(d -> d.attributeName() + ":" + d.attributeTypeAsString())
                .containsExactlyInAnyOrder("customer:S", "order:S", "status:S", "total:N");
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo(Order.BY_STATUS);
            assertThat(index.keySchema()).containsExactly(key("status", KeyType.HASH), key("total", KeyType.RANGE));
        });
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo(Order.BY_TOTAL);
            assertThat(index.keySchema()).containsExactly(key("customer", KeyType.HASH), key("total", KeyType.RANGE));
        });
    }

    @Test
    void putGetDelete_roundTripsTheBean_andStartsVersionAndCounter() {
        orders.putItem(new Order("crud", "o-1", "open", 30));

        Order stored = orders.getItem(key("crud", "o-1"));
        assertThat(stored.getStatus()).isEqualTo("open");
        assertThat(stored.getTotal()).isEqualTo(30);
        assertThat(stored.getVersion()).isEqualTo(1L);
        assertThat(stored.getViews()).isEqualTo(0L);

        Order deleted = orders.deleteItem(key("crud", "o-1"));
        assertThat(deleted.getTotal()).isEqualTo(30);
        assertThat(orders.getItem(key("crud", "o-1"))).isNull();
    }

    @Test
    void versionedPut_refusesAStaleVersion_andANewItemThatAlreadyExists() {
        orders.putItem(new Order("lock", "o-1", "open", 10));
        Order first = orders.getItem(key("lock", "o-1"));
        first.setTotal(11);
        orders.putItem(first);
        assertThat(orders.getItem(key("lock", "o-1")).getVersion()).isEqualTo(2L);

        first.setTotal(12);
        assertThatThrownBy(() -> orders.putItem(first))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        assertThatThrownBy(() -> orders.putItem(new Order("lock", "o-1", "open", 13)))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        assertThat(orders.getItem(key("lock", "o-1")).getTotal()).isEqualTo(11);
    }

    @Test
    void versionedUpdate_ofAnItemThatDoesNotExist_withAVersion_isRefused() {
        Order ghost = new Order("lock", "ghost", "open", 1);
        ghost.setVersion(3L);

        assertThatThrownBy(() -> orders.updateItem(ghost)).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(orders.getItem(key("lock", "ghost"))).isNull();
    }

    @Test
    void atomicCounter_countsEveryUpdate() {
        orders.putItem(new Order("counter", "o-1", "open", 5));

        for (int i = 0; i < 3; i++) {
            Order current = orders.getItem(key("counter", "o-1"));
            Order updated = orders.updateItem(current);
            assertThat(updated.getViews()).isEqualTo(i + 1L);
        }
        assertThat(orders.getItem(key("counter", "o-1")).getVersion()).isEqualTo(4L);
    }

    @Test
    void atomicCounter_onAnUpdateThatCreatesTheItem_startsFromZero() {
        Order created = orders.updateItem(new Order("counter", "o-new", "open", 5));

        assertThat(created.getViews()).isEqualTo(0L);
        assertThat(created.getVersion()).isEqualTo(1L);
    }

    @Test
    void update_withIgnoreNulls_keepsAttributesTheBeanLeavesOut_andWithoutRemovesThem() {
        orders.putItem(new Order("nulls", "o-1", "open", 40));

        Order partial = new Order("nulls", "o-1", null, null);
        partial.setNote("gift");
        partial.setVersion(1L);
        Order kept = orders.updateItem(r -> r.item(partial).ignoreNulls(true));
        assertThat(kept.getStatus()).isEqualTo("open");
        assertThat(kept.getTotal()).isEqualTo(40);
        assertThat(kept.getNote()).isEqualTo("gift");

        partial.setVersion(2L);
        partial.setNote("wrapped");
        Order replaced = orders.updateItem(partial);
        assertThat(replaced.getStatus()).isNull();
        assertThat(replaced.getTotal()).isNull();
        assertThat(replaced.getNote()).isEqualTo("wrapped");
        assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("customer", AttributeValue.fromS("nulls"),
                "order", AttributeValue.fromS("o-1")))).item()).doesNotContainKeys("status", "total");
    }

    @Test
    void writeIfNotExists_keepsTheFirstValueWritten() {
        Order order = new Order("created", "o-1", "open", 1);
        order.setCreatedAt(Instant.parse("2024-01-01T00:00:00Z"));
        orders.updateItem(order);

        Order later = orders.getItem(key("created", "o-1"));
        later.setCreatedAt(Instant.parse("2025-06-01T00:00:00Z"));
        later.setTotal(2);
        Order updated = orders.updateItem(later);

        assertThat(updated.getCreatedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(updated.getTotal()).isEqualTo(2);
    }

    @Test
    void deleteItem_guardedByTheVersionItRead_isRefusedOnceAnotherWriteMovedIt() {
        // the versioning extension leaves deletes alone, so applications guard them with the version they read
        orders.putItem(new Order("delete", "o-1", "open", 1));
        Order read = orders.getItem(key("delete", "o-1"));
        orders.updateItem(orders.getItem(key("delete", "o-1")));
        Expression sameVersion = Expression.builder().expression("#v = :v").putExpressionName("#v", "version")
                .putExpressionValue(":v", AttributeValue.fromN(read.getVersion().toString())).build();

        assertThatThrownBy(() -> orders.deleteItem(r -> r.key(key("delete", "o-1")).conditionExpression(sameVersion)))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        assertThat(orders.getItem(key("delete", "o-1")).getVersion()).isEqualTo(2L);
    }

    @Test
    void describeTable_throughTheEnhancedClient_namesTheIndexes() {
        var description = orders.describeTable().table();

        assertThat(description.tableName()).isEqualTo("orders");
        assertThat(List.of(description.globalSecondaryIndexes().get(0).indexName(),
                description.localSecondaryIndexes().get(0).indexName()))
                .containsExactly(Order.BY_STATUS, Order.BY_TOTAL);
    }

    static Key key(String customer, String order) {
        return Key.builder().partitionValue(customer).sortValue(order).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
