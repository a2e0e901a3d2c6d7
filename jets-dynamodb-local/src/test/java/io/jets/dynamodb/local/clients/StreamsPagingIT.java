package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import io.jets.dynamodb.local.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams has no generated paginators: readers page DescribeStream by ExclusiveStartShardId, ListStreams
 * by ExclusiveStartStreamArn and a shard by NextShardIterator, stopping when DynamoDB leaves the marker out.
 */
class StreamsPagingIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    @RegisterExtension
    final LocalServer local = LocalServer.start(b -> b.clock(clock).shardRollover(Duration.ofHours(1)));
    private final DynamoDbClient client = local.dynamoDb();
    private final DynamoDbStreamsClient streams = local.streams();
    private String streamArn;

    @BeforeEach
    void createTableWritingForFourHours() {
        streamArn = client.createTable(b -> b.tableName("audit").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        for (int hour = 0; hour < 4; hour++) {
            if (hour > 0) {
                clock.advance(Duration.ofMinutes(61));
            }
            for (int i = 0; i < 3; i++) {
                String id = hour + "-" + i;
                client.putItem(b -> b.tableName("audit").item(Map.of("id", AttributeValue.fromS(id))));
            }
        }
    }

    private List<Shard> allShards() {
        List<Shard> shards = new ArrayList<>();
        String from = null;
        int pages = 0;
        do {
            String start = from;
            DescribeStreamResponse page = streams.describeStream(b -> b.streamArn(streamArn).limit(1)
                    .exclusiveStartShardId(start));
            shards.addAll(page.streamDescription().shards());
            from = page.streamDescription().lastEvaluatedShardId();
            pages++;
        } while (from != null && pages < 20);
        return shards;
    }

    private List<String> readShard(String shardId, boolean open) {
        List<String> ids = new ArrayList<>();
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        for (int calls = 0; iterator != null && calls < 20; calls++) {
            String current = iterator;
            var page = streams.getRecords(b -> b.shardIterator(current).limit(2));
            page.records().forEach(r -> ids.add(r.dynamodb().newImage().get("id").s()));
            iterator = page.nextShardIterator();
            if (page.records().isEmpty() && open) {
                break;
            }
        }
        return ids;
    }

    @Test
    void describeStream_pagedOneShardAtATime_listsTheLineageInOrder() {
        List<Shard> shards = allShards();

        assertThat(shards).hasSize(4);
        for (int i = 1; i < shards.size(); i++) {
            assertThat(shards.get(i).parentShardId()).isEqualTo(shards.get(i - 1).shardId());
        }
        assertThat(shards.subList(0, 3)).allSatisfy(s ->
                assertThat(s.sequenceNumberRange().endingSequenceNumber()).isNotNull());
        assertThat(shards.get(3).sequenceNumberRange().endingSequenceNumber()).isNull();
    }

    @Test
    void describeStream_withAnUnknownShardFilterType_isRefused() {
        String shardId = allShards().get(0).shardId();

        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(streamArn)
                .shardFilter(f -> f.type("PARENT_SHARDS").shardId(shardId))))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageStartingWith("1 validation error detected: Value 'PARENT_SHARDS' at 'shardFilter.type' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [CHILD_SHARDS]");
    }

    @Test
    void readingEveryShardByNextShardIterator_returnsEveryWriteInOrder() {
        List<String> ids = new ArrayList<>();
        List<Shard> shards = allShards();
        for (Shard shard : shards) {
            ids.addAll(readShard(shard.shardId(), shard == shards.get(shards.size() - 1)));
        }

        assertThat(ids).containsExactly("0-0", "0-1", "0-2", "1-0", "1-1", "1-2", "2-0", "2-1", "2-2",
                "3-0", "3-1", "3-2");
    }

    @Test
    void listStreams_pagedOneAtATime_findsEveryEnablement() {
        client.updateTable(b -> b.tableName("audit").streamSpecification(s -> s.streamEnabled(false)));
        clock.advance(Duration.ofSeconds(1));
        client.updateTable(b -> b.tableName("audit").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY)));

        List<String> arns = new ArrayList<>();
        String from = null;
        int pages = 0;
        do {
            String start = from;
            var page = streams.listStreams(b -> b.tableName("audit").limit(1).exclusiveStartStreamArn(start));
            page.streams().forEach(s -> arns.add(s.streamArn()));
            from = page.lastEvaluatedStreamArn();
            pages++;
        } while (from != null && pages < 10);

        assertThat(arns).hasSize(2).contains(streamArn).doesNotHaveDuplicates();
    }

    @Test
    void asyncStreamsClient_readsTheFirstShard() {
        Shard first = allShards().get(0);

        GetRecordsResponse records;
        try (DynamoDbStreamsAsyncClient asyncStreams = AsyncClients.streams(local.endpoint())) {
            records = asyncStreams.getShardIterator(b -> b.streamArn(streamArn).shardId(first.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .thenCompose(it -> asyncStreams.getRecords(b -> b.shardIterator(it.shardIterator()))).join();
        }

        assertThat(records.records()).extracting(r -> r.dynamodb().keys().get("id").s())
                .containsExactly("0-0", "0-1", "0-2");
        assertThat(records.nextShardIterator()).isNull();
    }
}
