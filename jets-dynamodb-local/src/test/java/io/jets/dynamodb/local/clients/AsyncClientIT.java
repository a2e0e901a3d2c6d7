package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** DynamoDbAsyncClient over Netty with hundreds of calls in flight, and its errors as the SDK's exception classes. */
class AsyncClientIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbAsyncClient async = AsyncClients.dynamoDb(local.endpoint());

    @BeforeAll
    static void createTable() {
        async.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())).join();
    }

    @AfterAll
    static void closeClient() {
        async.close();
    }

    private static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
    }

    private static Throwable failure(CompletableFuture<?> call) {
        try {
            call.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void hundredsOfPutsAndGetsInFlight_allAnswerWithTheirOwnItem() {
        var puts = IntStream.range(0, 600)
                .mapToObj(i -> async.putItem(b -> b.tableName("events").item(Map.of("pk", AttributeValue.fromS("bulk"),
                        "sk", AttributeValue.fromN(Integer.toString(i)), "body", AttributeValue.fromS("x".repeat(i))))))
                .toList();
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();

        var gets = IntStream.range(0, 600)
                .mapToObj(i -> async.getItem(b -> b.tableName("events").key(key("bulk", i)).consistentRead(true)))
                .toList();
        CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)).join();

        for (int i = 0; i < gets.size(); i++) {
            assertThat(gets.get(i).join().item().get("body").s()).hasSize(i);
        }
        assertThat(async.query(b -> b.tableName("events").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("bulk"))).select("COUNT")).join()
                .count()).isEqualTo(600);
    }

    @Test
    void concurrentAddsToOneItem_loseNoUpdate() {
        var updates = IntStream.range(0, 400)
                .mapToObj(i -> async.updateItem(b -> b.tableName("events").key(key("counter", 1))
                        .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one",
                                AttributeValue.fromN("1"))).returnValues(ReturnValue.UPDATED_NEW)))
                .toList();
        CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).join();

        List<Integer> seen = updates.stream().map(f -> Integer.parseInt(f.join().attributes().get("hits").n()))
                .sorted().toList();
        assertThat(seen).isEqualTo(IntStream.rangeClosed(1, 400).boxed().toList());
    }

    @Test
    void concurrentCreates_ofOneItem_exactlyOneWins_theRestFailTheirCondition() {
        var creates = IntStream.range(0, 200)
                .mapToObj(i -> async.putItem(b -> b.tableName("events").item(Map.of("pk", AttributeValue.fromS("once"),
                                "sk", AttributeValue.fromN("1"), "writer", AttributeValue.fromN(Integer.toString(i))))
                        .conditionExpression("attribute_not_exists(pk)")))
                .toList();

        List<Throwable> failures = new ArrayList<>();
        int wins = 0;
        for (var create : creates) {
            try {
                create.join();
                wins++;
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }

        assertThat(wins).isEqualTo(1);
        assertThat(failures).hasSize(199).allSatisfy(e -> assertThat(e)
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed"));
    }

    @Test
    void errors_arriveAsTheSdkExceptionClasses() {
        assertThat(failure(async.getItem(b -> b.tableName("missing").key(key("a", 1)))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
        assertThat(failure(async.describeTable(b -> b.tableName("missing"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: missing not found");
        assertThat(failure(async.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()))))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: events");
        assertThat(failure(async.getItem(b -> b.tableName("events").key(Map.of("pk", AttributeValue.fromS("a"))))))
                .isExactlyInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provided key element does not match the schema")
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
        assertThat(failure(async.transactWriteItems(b -> b.transactItems(t -> t.conditionCheck(c -> c
                .tableName("events").key(key("nobody", 1)).conditionExpression("attribute_exists(pk)"))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(r -> r.code()).containsExactly("ConditionalCheckFailed"))
                .hasMessageStartingWith("Transaction cancelled, please refer cancellation reasons for specific "
                        + "reasons [ConditionalCheckFailed]");
    }

    @Test
    void queryPublisher_streamsEveryPage() {
        var writes = IntStream.range(0, 25).mapToObj(i -> async.putItem(b -> b.tableName("events")
                .item(Map.of("pk", AttributeValue.fromS("paged"), "sk", AttributeValue.fromN(Integer.toString(i))))))
                .toList();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

        List<Integer> order = new CopyOnWriteArrayList<>();
        async.queryPaginator(b -> b.tableName("events").keyConditionExpression("pk = :pk").limit(4)
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("paged")))
                        .scanIndexForward(false))
                .items().subscribe(item -> order.add(Integer.parseInt(item.get("sk").n()))).join();

        assertThat(order).isEqualTo(IntStream.range(0, 25).map(i -> 24 - i).boxed().toList());
    }

    @Test
    void abandonedCalls_timedOutByTheClient_leaveTheServerServing() {
        String body = "q".repeat(350_000);
        var writes = IntStream.range(0, 30).mapToObj(i -> async.putItem(b -> b.tableName("events")
                .item(Map.of("pk", AttributeValue.fromS("heavy"), "sk", AttributeValue.fromN(Integer.toString(i)),
                        "body", AttributeValue.fromS(body))))).toList();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

        var abandoned = IntStream.range(0, 40).mapToObj(i -> async.query(b -> b.tableName("events")
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("heavy")))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(1))))).toList();
        for (var call : abandoned) {
            call.handle((response, error) -> null).join();
        }

        var after = IntStream.range(0, 50).mapToObj(i -> countPages("heavy")).toList();
        assertThat(after).allSatisfy(call -> assertThat(call.join()).isEqualTo(30));
    }

    /** Counts a partition across pages: a COUNT query still stops at each megabyte read, as DynamoDB's does. */
    private static CompletableFuture<Integer> countPages(String pk) {
        AtomicInteger count = new AtomicInteger();
        return async.queryPaginator(b -> b.tableName("events").keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).select("COUNT"))
                .subscribe(page -> count.addAndGet(page.count())).thenApply(done -> count.get());
    }

    @Test
    void batchWrite_ofTwentyFiveItemsNearTheSizeLimit_isAccepted() {
        String body = "w".repeat(390_000);
        var requests = IntStream.range(0, 25).mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(Map.of(
                "pk", AttributeValue.fromS("batch"), "sk", AttributeValue.fromN(Integer.toString(i)),
                "body", AttributeValue.fromS(body)))).build()).toList();

        var response = async.batchWriteItem(b -> b.requestItems(Map.of("events", requests))).join();

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(countPages("batch").join()).isEqualTo(25);
    }
}
