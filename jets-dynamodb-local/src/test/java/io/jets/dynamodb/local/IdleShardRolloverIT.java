package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A shard closes when its period has passed whether or not a write arrives, as DynamoDB closes its shards after
 * about four hours: a reader of an idle stream sees the shard end and finds its child, as Lambda and the Kinesis
 * Client Library expect. Time is a hand-moved clock and the period one hour.
 */
class IdleShardRolloverIT {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(START);

    @RegisterExtension
    final LocalServer local = LocalServer.start(b -> b.clock(clock).shardRollover(PERIOD)
            .iteratorLifetime(Duration.ofHours(2)));
    private final DynamoDbClient client = local.dynamoDb();
    private final DynamoDbStreamsClient streams = local.streams();

    private static List<Shard> shards(DynamoDbStreamsClient streams, String arn) {
        return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
    }

    private String iterator(String arn, String shardId, ShardIteratorType type) {
        return streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    @Test
    void idleShard_closesAfterItsPeriod_andItsReaderReachesItsEnd_thenReadsTheChild() {
        String arn = Clients.createTable(client, "idle-orders", false, StreamViewType.KEYS_ONLY);
        client.putItem(b -> b.tableName("idle-orders").item(Map.of("id", s("first"))));
        String shardId = shards(streams, arn).get(0).shardId();
        var firstPage = streams.getRecords(b -> b.shardIterator(iterator(arn, shardId,
                ShardIteratorType.TRIM_HORIZON)));
        clock.advance(PERIOD.plusMinutes(1));

        var atTheEnd = streams.getRecords(b -> b.shardIterator(firstPage.nextShardIterator()));
        List<Shard> shards = shards(streams, arn);
        client.putItem(b -> b.tableName("idle-orders").item(Map.of("id", s("second"))));
        var child = streams.getRecords(b -> b.shardIterator(iterator(arn, shards.get(1).shardId(),
                ShardIteratorType.TRIM_HORIZON)));

        assertThat(firstPage.records()).extracting(r -> r.dynamodb().keys().get("id").s()).containsExactly("first");
        assertThat(atTheEnd.records()).isEmpty();
        assertThat(atTheEnd.nextShardIterator()).isNull();
        assertThat(shards).hasSize(2);
        assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber())
                .isEqualTo(firstPage.records().get(0).dynamodb().sequenceNumber());
        assertThat(shards.get(1).parentShardId()).isEqualTo(shardId);
        assertThat(shards.get(1).sequenceNumberRange().endingSequenceNumber()).isNull();
        assertThat(child.records()).extracting(r -> r.dynamodb().keys().get("id").s()).containsExactly("second");
    }

    @Test
    void streamWithNoRecords_closesItsShardToo_withAnEndingSequenceNumber() {
        String arn = Clients.createTable(client, "never-written", false, StreamViewType.KEYS_ONLY);
        String shardId = shards(streams, arn).get(0).shardId();
        String latest = iterator(arn, shardId, ShardIteratorType.LATEST);
        clock.advance(PERIOD);

        List<Shard> shards = shards(streams, arn);
        var fromLatest = streams.getRecords(b -> b.shardIterator(latest));
        var fromHorizon = streams.getRecords(b -> b.shardIterator(iterator(arn, shardId,
                ShardIteratorType.TRIM_HORIZON)));

        assertThat(shards).extracting(Shard::shardId).hasSize(2).startsWith(shardId);
        var closed = shards.get(0).sequenceNumberRange();
        assertThat(new BigInteger(closed.endingSequenceNumber()))
                .isGreaterThanOrEqualTo(new BigInteger(closed.startingSequenceNumber()));
        assertThat(shards.get(1).parentShardId()).isEqualTo(shardId);
        assertThat(fromLatest.records()).isEmpty();
        assertThat(fromLatest.nextShardIterator()).isNull();
        assertThat(fromHorizon.records()).isEmpty();
        assertThat(fromHorizon.nextShardIterator()).isNull();
    }

    @Test
    void openShard_beforeItsPeriodHasPassed_staysOpen() {
        String arn = Clients.createTable(client, "still-open", false, StreamViewType.KEYS_ONLY);
        String shardId = shards(streams, arn).get(0).shardId();
        clock.advance(PERIOD.minusMillis(1));

        var page = streams.getRecords(b -> b.shardIterator(iterator(arn, shardId, ShardIteratorType.LATEST)));

        assertThat(shards(streams, arn)).hasSize(1);
        assertThat(page.nextShardIterator()).isNotNull();
    }

    @Test
    void streamReadLate_getsOneChild_openedOnThePeriodsLastBoundary() {
        String arn = Clients.createTable(client, "read-late", false, StreamViewType.KEYS_ONLY);
        clock.advance(Duration.ofMinutes(5 * 60 + 30));

        List<Shard> afterFiveAndAHalfHours = shards(streams, arn);
        // the child opened at 5 h, not when it was read at 5 h 30: it closes at 6 h
        clock.advance(Duration.ofMinutes(31));
        List<Shard> afterSixHours = shards(streams, arn);

        assertThat(afterFiveAndAHalfHours).hasSize(2);
        assertThat(afterSixHours).hasSize(3);
        assertThat(afterSixHours.get(2).parentShardId()).isEqualTo(afterFiveAndAHalfHours.get(1).shardId());
    }

    @Test
    void rolloverOnRead_isKeptAcrossARestart_andTheNextOneFollowsTheSameBoundaries(@TempDir Path data) {
        MutableClock restartClock = new MutableClock(START);
        String arn;
        List<Shard> beforeRestart;
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).clock(restartClock)
                .shardRollover(PERIOD).start();
             DynamoDbClient tables = Clients.dynamoDb(server.endpoint());
             DynamoDbStreamsClient reader = Clients.streams(server.endpoint())) {
            arn = Clients.createTable(tables, "restarted", false, StreamViewType.KEYS_ONLY);
            restartClock.advance(Duration.ofMinutes(90));
            beforeRestart = shards(reader, arn);
        }
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).clock(restartClock)
                .shardRollover(PERIOD).start();
             DynamoDbStreamsClient reader = Clients.streams(server.endpoint())) {
            List<Shard> afterRestart = shards(reader, arn);
            restartClock.advance(Duration.ofMinutes(31));
            List<Shard> pastTwoHours = shards(reader, arn);

            assertThat(beforeRestart).hasSize(2);
            assertThat(afterRestart).isEqualTo(beforeRestart);
            assertThat(pastTwoHours).hasSize(3);
            assertThat(pastTwoHours.get(2).parentShardId()).isEqualTo(beforeRestart.get(1).shardId());
        }
    }
}
