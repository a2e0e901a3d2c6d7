package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class BatchAndTransactionIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbStreamsClient streams = local.streams();

    private static WriteRequest put(String id) {
        return WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s(id)))).build();
    }

    @Test
    void batchWrite_thenBatchGet_roundTrips_andStreamsEachWrite() {
        String arn = Clients.createTable(client, "batch", false, StreamViewType.KEYS_ONLY);
        client.putItem(b -> b.tableName("batch").item(Map.of("id", s("gone"))));

        var written = client.batchWriteItem(b -> b.requestItems(Map.of("batch", List.of(put("a"), put("b"),
                WriteRequest.builder().deleteRequest(d -> d.key(Map.of("id", s("gone")))).build()))));
        var read = client.batchGetItem(b -> b.requestItems(Map.of("batch", KeysAndAttributes.builder()
                .keys(Map.of("id", s("a")), Map.of("id", s("b")), Map.of("id", s("gone"))).build())));

        assertThat(written.unprocessedItems()).isEmpty();
        assertThat(read.responses().get("batch")).extracting(item -> item.get("id").s())
                .containsExactlyInAnyOrder("a", "b");
        assertThat(read.unprocessedKeys()).isEmpty();
        assertThat(ConcurrencyIT.readAll(streams, arn)).extracting(Record::eventName).containsExactly(
                OperationType.INSERT, OperationType.INSERT, OperationType.INSERT, OperationType.REMOVE);
    }

    @Test
    void batchWrite_over25Requests_isValidationError() {
        Clients.createTable(client, "batch-big", false, null);
        List<WriteRequest> requests = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            requests.add(put("k" + i));
        }

        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch-big", requests))))
                .hasMessageContaining("Member must have length less than or equal to 25");
    }

    @Test
    void batchWrite_duplicateKeys_isValidationError() {
        Clients.createTable(client, "batch-dup", false, null);

        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch-dup",
                List.of(put("same"), put("same"))))))
                .hasMessageStartingWith("Provided list of item keys contains duplicates");
    }

    @Test
    void batchGet_over100KeysAcrossTables_isValidationError() {
        Clients.createTable(client, "batch-get-big", false, null);
        Clients.createTable(client, "batch-get-big-too", false, null);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        List<Map<String, AttributeValue>> moreKeys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(Map.of("id", s("k" + i)));
            if (i < 41) {
                moreKeys.add(Map.of("id", s("k" + i)));
            }
        }

        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(Map.of(
                "batch-get-big", KeysAndAttributes.builder().keys(keys).build(),
                "batch-get-big-too", KeysAndAttributes.builder().keys(moreKeys).build()))))
                .hasMessageStartingWith("Too many items requested for the BatchGetItem call");
    }

    @Test
    void transactWrite_isAllOrNothing_withCancellationReasons() {
        Clients.createTable(client, "tx-all", false, null);
        client.putItem(b -> b.tableName("tx-all").item(Map.of("id", s("guard"), "v", n("1"))));

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("tx-all").item(Map.of("id", s("new"))))
                        .build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("tx-all").key(Map.of("id", s("guard")))
                        .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Transaction cancelled, please refer cancellation"
                            + " reasons for specific reasons [None, ConditionalCheckFailed]");
                    assertThat(e.cancellationReasons()).extracting(r -> r.code())
                            .containsExactly("None", "ConditionalCheckFailed");
                });
        assertThat(client.getItem(b -> b.tableName("tx-all").key(Map.of("id", s("new")))).hasItem()).isFalse();
    }

    @Test
    void transactWrite_appliesEveryAction_andTransactGetReadsThem() {
        Clients.createTable(client, "tx-ok", false, null);
        client.putItem(b -> b.tableName("tx-ok").item(Map.of("id", s("old"))));

        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("tx-ok").item(Map.of("id", s("p")))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("tx-ok").key(Map.of("id", s("u")))
                        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", s("x")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("tx-ok").key(Map.of("id", s("old")))).build()));
        var read = client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("tx-ok").key(Map.of("id", s("p")))),
                t -> t.get(g -> g.tableName("tx-ok").key(Map.of("id", s("u")))),
                t -> t.get(g -> g.tableName("tx-ok").key(Map.of("id", s("old"))))));

        assertThat(read.responses().get(0).item()).isEqualTo(Map.of("id", s("p")));
        assertThat(read.responses().get(1).item()).isEqualTo(Map.of("id", s("u"), "v", s("x")));
        assertThat(read.responses().get(2).hasItem()).isFalse();
    }

    @Test
    void transactWrite_streamsOneRecordPerChange_andNoneWhenCanceled() {
        String arn = Clients.createTable(client, "tx-stream", false, StreamViewType.NEW_IMAGE);
        client.putItem(b -> b.tableName("tx-stream").item(Map.of("id", s("gone"))));

        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("tx-stream").item(Map.of("id", s("new")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("tx-stream").key(Map.of("id", s("gone"))))
                        .build()));
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("tx-stream").item(Map.of("id", s("never"))))
                        .build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("tx-stream")
                        .key(Map.of("id", s("missing"))).conditionExpression("attribute_exists(id)")).build())))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(ConcurrencyIT.readAll(streams, arn)).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.INSERT, OperationType.REMOVE);
    }

    @Test
    void transactWrite_twoActionsOnOneItem_isValidationError() {
        Clients.createTable(client, "tx-twice", false, null);

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("tx-twice").item(Map.of("id", s("a")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("tx-twice").key(Map.of("id", s("a")))).build())))
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void transactWrite_sameClientToken_appliesOnce() {
        Clients.createTable(client, "tx-token", false, null);
        TransactWriteItem add = TransactWriteItem.builder().update(u -> u.tableName("tx-token")
                .key(Map.of("id", s("c"))).updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n("1")))).build();

        client.transactWriteItems(b -> b.transactItems(add).clientRequestToken("token-1"));
        client.transactWriteItems(b -> b.transactItems(add).clientRequestToken("token-1"));

        assertThat(client.getItem(b -> b.tableName("tx-token").key(Map.of("id", s("c")))).item().get("n").n())
                .isEqualTo("1");
    }
}
