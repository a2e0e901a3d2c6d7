package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Time-driven stream behaviour: shard rollover, retention trim and iterator expiry, on a hand-moved clock. */
class StreamLifecycleIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    final LocalServer local = LocalServer.start(b -> b.clock(clock).shardRollover(Duration.ofHours(1))
            .streamRetention(Duration.ofHours(24)).iteratorLifetime(Duration.ofMinutes(15)));
    private final DynamoDbClient client = local.dynamoDb();
    private final DynamoDbStreamsClient streams = local.streams();

    private void put(String table, String id) {
        client.putItem(b -> b.tableName(table).item(Map.of("id", s(id))));
    }

    private String iterator(String arn, String shardId, ShardIteratorType type) {
        return streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    @Test
    void shardRollsOver_afterThePeriod_withParentLineage() {
        String arn = Clients.createTable(client, "rollover", false, StreamViewType.KEYS_ONLY);
        put("rollover", "first");
        clock.advance(Duration.ofMinutes(61));
        put("rollover", "second");

        List<Shard> shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
        var parent = streams.getRecords(b -> b.shardIterator(iterator(arn, shards.get(0).shardId(),
                ShardIteratorType.TRIM_HORIZON)));
        var child = streams.getRecords(b -> b.shardIterator(iterator(arn, shards.get(1).shardId(),
                ShardIteratorType.TRIM_HORIZON)));

        assertThat(shards).hasSize(2);
        assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
        assertThat(shards.get(1).sequenceNumberRange().endingSequenceNumber()).isNull();
        assertThat(parent.records()).extracting(r -> r.dynamodb().keys().get("id").s()).containsExactly("first");
        assertThat(parent.nextShardIterator()).isNull();
        assertThat(child.records()).extracting(r -> r.dynamodb().keys().get("id").s()).containsExactly("second");
        assertThat(shards.get(0).shardId()).matches("shardId-\\d{20}-[0-9a-f]{8}");
    }

    @Test
    void iterator_olderThanItsLifetime_isExpired() {
        String arn = Clients.createTable(client, "expiry", false, StreamViewType.KEYS_ONLY);
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON);
        clock.advance(Duration.ofMinutes(16));

        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(iterator)))
                .isInstanceOf(ExpiredIteratorException.class)
                .hasMessageContaining("which is further in the future than the tolerated delay of 900000"
                        + " milliseconds");
    }

    @Test
    void recordsOlderThanRetention_areTrimmed() {
        String arn = Clients.createTable(client, "retention", false, StreamViewType.KEYS_ONLY);
        put("retention", "old");
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String stale = iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON);
        clock.advance(Duration.ofMinutes(14));
        String beforeTrim = stale;
        clock.advance(Duration.ofHours(25).minusMinutes(14));
        for (int i = 0; i < 1000; i++) {
            put("retention", "new-" + i);
        }

        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(beforeTrim)))
                .isInstanceOf(ExpiredIteratorException.class);
        List<Shard> shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
        var fromHorizon = streams.getRecords(b -> b.shardIterator(iterator(arn, shards.get(shards.size() - 1)
                .shardId(), ShardIteratorType.TRIM_HORIZON)).limit(1));
        assertThat(fromHorizon.records()).extracting(r -> r.dynamodb().keys().get("id").s())
                .containsExactly("new-0");
        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(
                        shards.get(0).sequenceNumberRange().startingSequenceNumber())))
                .isInstanceOf(TrimmedDataAccessException.class)
                .hasMessageStartingWith("The data you are trying to access has been trimmed");
    }
}
