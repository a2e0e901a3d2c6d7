package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** The SDK's table waiters and its generated paginators, which stop only on the answers DynamoDB gives. */
class WaitersAndPaginatorsIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbAsyncClient async = AsyncClients.dynamoDb(local.endpoint());
    private static final WaiterOverrideConfiguration QUICK = WaiterOverrideConfiguration.builder().maxAttempts(3)
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(20))).build();

    @BeforeAll
    static void createTables() {
        for (String name : List.of("list-e", "list-a", "list-c", "list-b", "list-d")) {
            create(name);
        }
        create("items");
        for (int i = 0; i < 10; i++) {
            String n = Integer.toString(i);
            client.putItem(b -> b.tableName("items").item(Map.of("pk", AttributeValue.fromS("p"),
                    "sk", AttributeValue.fromN(n))));
        }
    }

    @AfterAll
    static void closeClient() {
        async.close();
    }

    private static void create(String name) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    @Test
    void waitUntilTableExists_thenNotExists_afterDelete() {
        create("waited");
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).overrideConfiguration(QUICK).build()) {
            var exists = waiter.waitUntilTableExists(b -> b.tableName("waited"));
            assertThat(exists.matched().response()).hasValueSatisfying(r ->
                    assertThat(r.table().tableStatus()).isEqualTo(TableStatus.ACTIVE));

            client.deleteTable(b -> b.tableName("waited"));
            var gone = waiter.waitUntilTableNotExists(b -> b.tableName("waited"));
            assertThat(gone.matched().exception()).hasValueSatisfying(e ->
                    assertThat(e).isInstanceOf(ResourceNotFoundException.class));
        }
    }

    @Test
    void waitUntilTableExists_forATableNeverCreated_retriesOnResourceNotFound_untilItGivesUp() {
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).overrideConfiguration(QUICK).build()) {
            assertThatThrownBy(() -> waiter.waitUntilTableExists(b -> b.tableName("never")))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("exceeded the max retry attempts: 3");
        }
    }

    @Test
    void asyncWaiter_seesATableCreatedByTheAsyncClient() {
        async.createTable(b -> b.tableName("async-waited").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())).join();

        var exists = async.waiter().waitUntilTableExists(
                DescribeTableRequest.builder().tableName("async-waited").build(), QUICK).join();

        assertThat(exists.matched().response()).hasValueSatisfying(r ->
                assertThat(r.table().tableName()).isEqualTo("async-waited"));
    }

    @Test
    void listTablesPaginator_withLimitTwo_pagesInNameOrder() {
        List<ListTablesResponse> pages = client.listTablesPaginator(b -> b.exclusiveStartTableName("list")
                .limit(2)).stream().toList();
        List<String> names = pages.stream().flatMap(p -> p.tableNames().stream())
                .filter(name -> name.startsWith("list-")).toList();

        assertThat(names).containsExactly("list-a", "list-b", "list-c", "list-d", "list-e");
        assertThat(pages.get(0).tableNames()).containsExactly("list-a", "list-b");
        assertThat(pages.get(0).lastEvaluatedTableName()).isEqualTo("list-b");
        assertThat(pages.get(pages.size() - 1).lastEvaluatedTableName()).isNull();
        assertThat(pages).allSatisfy(p -> assertThat(p.tableNames()).hasSizeLessThanOrEqualTo(2));
    }

    @Test
    void queryAndScanPaginators_returnEveryItemOnce() {
        var query = client.queryPaginator(b -> b.tableName("items").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))).limit(3));
        var scan = client.scanPaginator(b -> b.tableName("items").limit(3));

        assertThat(query.items().stream().map(i -> i.get("sk").n()).toList())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(query.stream().map(page -> page.count()).toList()).containsExactly(3, 3, 3, 1);
        assertThat(scan.items().stream().map(i -> i.get("sk").n()).toList())
                .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(scan.stream().mapToInt(page -> page.count()).sum()).isEqualTo(10);
    }

    @Test
    void batchGetItemPaginator_fetchesWhatTheSixteenMegabyteCapLeftUnprocessed() {
        String body = "b".repeat(390_000);
        create("large");
        for (int i = 0; i < 45; i++) {
            String n = Integer.toString(i);
            client.putItem(b -> b.tableName("large").item(Map.of("pk", AttributeValue.fromS("big"),
                    "sk", AttributeValue.fromN(n), "body", AttributeValue.fromS(body))));
        }
        var keys = IntStream.range(0, 45).mapToObj(i -> Map.of("pk", AttributeValue.fromS("big"),
                "sk", AttributeValue.fromN(Integer.toString(i)))).toList();

        List<Integer> pageSizes = new ArrayList<>();
        List<String> found = new ArrayList<>();
        client.batchGetItemPaginator(b -> b.requestItems(Map.of("large", KeysAndAttributes.builder().keys(keys)
                .build()))).forEach(page -> {
                    pageSizes.add(page.responses().get("large").size());
                    page.responses().get("large").forEach(item -> found.add(item.get("sk").n()));
                });

        assertThat(pageSizes).hasSizeGreaterThan(1);
        assertThat(pageSizes.get(0)).isLessThan(45);
        assertThat(found).hasSize(45).doesNotHaveDuplicates();
    }

    @Test
    void asyncScanPublisher_countsEveryItem() {
        var total = async.scanPaginator(b -> b.tableName("items").limit(4)).items().subscribe(item -> { })
                .thenCompose(done -> async.scan(b -> b.tableName("items").select("COUNT"))).join();

        assertThat(total.count()).isEqualTo(10);
    }
}
