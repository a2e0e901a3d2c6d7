package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import io.jets.dynamodb.local.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DescribeStream's {@code ShardFilter}: {@code CHILD_SHARDS} of a shard lists only the shards opened when it closed,
 * which is how the DynamoDB Streams Kinesis Adapter finds where to read next at a shard's end.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_ShardFilter.html">
 *     ShardFilter</a>
 */
class DescribeStreamShardFilterIT {

    private static final Duration ROLLOVER = Duration.ofHours(1);
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    // every write a period later closes the open shard and opens its child
    @RegisterExtension
    static final LocalServer local = LocalServer.start(b -> b.clock(clock).shardRollover(ROLLOVER));
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbStreamsClient streams = local.streams();

    @Test
    void describeStream_withChildShardsFilter_listsOnlyTheChildrenOfTheShard() {
        String streamArn = client.createTable(b -> b.tableName("shard-filter")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
                .tableDescription().latestStreamArn();
        for (String id : List.of("a", "b")) {
            clock.advance(ROLLOVER);
            client.putItem(b -> b.tableName("shard-filter").item(Map.of("id", AttributeValue.fromS(id))));
        }
        List<Shard> all = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        assertThat(all).hasSize(3);

        assertThat(childrenOf(streamArn, all.get(0).shardId())).containsExactly(all.get(1));
        assertThat(childrenOf(streamArn, all.get(1).shardId())).containsExactly(all.get(2));
        assertThat(childrenOf(streamArn, all.get(2).shardId())).isEmpty();
        assertThat(all.get(2).sequenceNumberRange().endingSequenceNumber()).isNull();
    }

    private static List<Shard> childrenOf(String streamArn, String shardId) {
        return streams.describeStream(b -> b.streamArn(streamArn)
                .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(shardId)))
                .streamDescription().shards();
    }
}
