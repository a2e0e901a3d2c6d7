package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A closed shard whose records have all outlived the retention period leaves the stream, as on DynamoDB Streams,
 * where it is gone about 24 hours after it closed: DescribeStream no longer lists it, GetShardIterator and GetRecords
 * answer that it does not exist, and its child still names it as its parent. Time is a hand-moved clock, shards roll
 * over every hour and records are kept 24 hours.
 */
class ShardExpiryIT {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofHours(1);
    private static final Duration RETENTION = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(START);

    @RegisterExtension
    final LocalServer local = LocalServer.start(b -> b.clock(clock).shardRollover(PERIOD)
            .streamRetention(RETENTION));
    private final DynamoDbClient client = local.dynamoDb();
    private final DynamoDbStreamsClient streams = local.streams();

    private static StreamDescription describe(DynamoDbStreamsClient streams, String arn) {
        return streams.describeStream(b -> b.streamArn(arn)).streamDescription();
    }

    private static List<String> shardIds(DynamoDbStreamsClient streams, String arn) {
        return describe(streams, arn).shards().stream().map(Shard::shardId).toList();
    }

    private static void put(DynamoDbClient client, String table, String id) {
        client.putItem(b -> b.tableName(table).item(Map.of("id", s(id))));
    }

    /** A table whose first shard holds one record and closed at the end of the first hour. */
    private static String tableWithARolledOverShard(DynamoDbClient client, MutableClock clock, String table) {
        String arn = Clients.createTable(client, table, false, StreamViewType.KEYS_ONLY);
        put(client, table, "in-the-first-shard");
        clock.advance(PERIOD);
        put(client, table, "in-the-second-shard");
        return arn;
    }

    @Test
    void closedShard_leavesDescribeStream_onceTheRetentionHasPassedSinceItClosed() {
        String arn = tableWithARolledOverShard(client, clock, "expiring");
        String first = shardIds(streams, arn).get(0);
        // it closed when its child opened, at one hour: listed until 25 hours, gone a millisecond later
        clock.advance(RETENTION);
        List<String> atTheRetention = shardIds(streams, arn);
        clock.advance(Duration.ofMillis(1));
        List<Shard> pastTheRetention = describe(streams, arn).shards();

        assertThat(atTheRetention).first().isEqualTo(first);
        assertThat(pastTheRetention).extracting(Shard::shardId).doesNotContain(first).hasSize(2);
        assertThat(pastTheRetention.get(0).parentShardId()).isEqualTo(first);
        assertThat(pastTheRetention.get(1).sequenceNumberRange().endingSequenceNumber()).isNull();
    }

    @Test
    void getShardIterator_onARemovedShard_isResourceNotFound() {
        String arn = tableWithARolledOverShard(client, clock, "iterator-on-removed");
        String first = shardIds(streams, arn).get(0);
        clock.advance(RETENTION.plusMillis(1));

        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(first)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Shard does not exist");
    }

    @Test
    void getRecords_withAnIteratorIssuedBeforeItsShardWasRemoved_isResourceNotFound() {
        String arn = tableWithARolledOverShard(client, clock, "records-on-removed");
        String first = shardIds(streams, arn).get(0);
        clock.advance(RETENTION.minusMinutes(5));
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(first)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(iterator)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Shard does not exist");
    }

    @Test
    void describeStream_afterARemovedShardId_startsAtTheOldestShardStillListed() {
        String arn = tableWithARolledOverShard(client, clock, "paging-past-removed");
        String first = shardIds(streams, arn).get(0);
        clock.advance(RETENTION.plusMillis(1));

        List<String> listed = shardIds(streams, arn);
        List<String> afterRemoved = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(first))
                .streamDescription().shards().stream().map(Shard::shardId).toList();

        assertThat(afterRemoved).isEqualTo(listed).doesNotContain(first);
    }

    @Test
    void disabledStream_staysListedAndDescribable_withNoShardsOnceTheRetentionHasPassed() {
        String arn = tableWithARolledOverShard(client, clock, "disabled-expiring");
        client.updateTable(b -> b.tableName("disabled-expiring").streamSpecification(sp -> sp.streamEnabled(false)));
        clock.advance(RETENTION);
        StreamDescription atTheRetention = describe(streams, arn);
        clock.advance(Duration.ofMillis(1));
        StreamDescription pastTheRetention = describe(streams, arn);

        assertThat(atTheRetention.shards()).hasSize(2)
                .allSatisfy(shard -> assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNotNull());
        assertThat(pastTheRetention.shards()).isEmpty();
        assertThat(pastTheRetention.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(pastTheRetention.streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThat(streams.listStreams(b -> b.tableName("disabled-expiring")).streams())
                .extracting(stream -> stream.streamArn()).containsExactly(arn);
    }

    @Test
    void removedShard_staysRemovedAcrossARestart_andItsRowsLeaveTheStore(@TempDir Path data) throws SQLException {
        MutableClock restartClock = new MutableClock(START);
        String arn;
        String first;
        try (DynamoDbLocal server = fileServer(data, restartClock);
             DynamoDbClient tables = Clients.dynamoDb(server.endpoint());
             DynamoDbStreamsClient reader = Clients.streams(server.endpoint())) {
            arn = tableWithARolledOverShard(tables, restartClock, "restarted");
            first = shardIds(reader, arn).get(0);
        }
        // the server was down while the first shard expired: nothing deleted its rows
        restartClock.advance(RETENTION.plusMinutes(1));
        try (DynamoDbLocal server = fileServer(data, restartClock);
             DynamoDbClient tables = Clients.dynamoDb(server.endpoint());
             DynamoDbStreamsClient reader = Clients.streams(server.endpoint())) {
            List<Shard> afterRestart = describe(reader, arn).shards();
            assertThatThrownBy(() -> reader.getShardIterator(b -> b.streamArn(arn).shardId(first)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)))
                    .isInstanceOf(ResourceNotFoundException.class);
            // the trim runs every 1000 stream records (and every minute): it deletes the shard's rows
            for (int batch = 0; batch < 40; batch++) {
                int offset = batch * 25;
                tables.batchWriteItem(b -> b.requestItems(Map.of("restarted", IntStream.range(offset, offset + 25)
                        .mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s("n-" + i))))
                                .build())
                        .toList())));
            }

            assertThat(afterRestart).extracting(Shard::shardId).doesNotContain(first);
            assertThat(afterRestart.get(0).parentShardId()).isEqualTo(first);
        }
        assertThat(rows(data, "SELECT COUNT(*) FROM shards WHERE shard_id = ?", first)).isZero();
        assertThat(rows(data, "SELECT COUNT(*) FROM records WHERE shard_id = ?", first)).isZero();
        assertThat(rows(data, "SELECT COUNT(*) FROM shards WHERE stream_arn = ?", arn)).isEqualTo(2);
    }

    private static DynamoDbLocal fileServer(Path data, MutableClock clock) {
        return DynamoDbLocal.builder().port(0).dataDirectory(data).clock(clock).shardRollover(PERIOD)
                .streamRetention(RETENTION).start();
    }

    private static long rows(Path data, String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dynamodb.sqlite"));
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet count = select.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
