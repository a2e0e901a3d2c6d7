package io.jets.dynamodb.local.internal.stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes a closed shard once the retention period has passed since it closed, as DynamoDB Streams drops a shard
 * whose records have all outlived it: DescribeStream no longer lists the shard, GetShardIterator and GetRecords
 * answer that it does not exist, and its child still names it as its ParentShardId. A shard closes when its child
 * opens or, for the last one, when its stream is disabled; an open shard never expires.
 *
 * <p>Like the trim of records this is computed on the clock, from the stored shards: what a reader sees depends
 * only on the time, before a restart or after it, and not on whether {@link #remove} has deleted the rows yet. The
 * trim deletes them, so a server that keeps its data for days does not keep every shard it ever had.
 */
public final class ShardExpiry {

    /** A shard's parent closed when the shard opened. */
    private static final String PARENTS_CLOSED_BEFORE =
            "SELECT parent FROM shards WHERE parent IS NOT NULL AND created < ?";
    /** Streams with shards but none open: disabled ones. */
    private static final String STREAMS_WITHOUT_OPEN_SHARD = "SELECT DISTINCT stream_arn FROM shards s"
            + " WHERE NOT EXISTS (SELECT 1 FROM shards o WHERE o.stream_arn = s.stream_arn AND o.end_seq IS NULL)";

    private final StreamStore streams;
    private final long retentionMillis;

    public ShardExpiry(StreamStore streams, Duration retention) {
        this.streams = streams;
        this.retentionMillis = retention.toMillis();
    }

    /** The shards of {@code stream} still there at {@code nowMillis}, oldest first. */
    public List<Shard> shards(Connection connection, StreamDefinition stream, long nowMillis) throws SQLException {
        List<Shard> all = streams.shards(connection, stream.arn());
        Map<String, Long> childOpened = new HashMap<>();
        for (Shard shard : all) {
            if (shard.parentShardId() != null) {
                childOpened.merge(shard.parentShardId(), shard.createdMillis(), Math::min);
            }
        }
        List<Shard> kept = new ArrayList<>(all.size());
        for (Shard shard : all) {
            if (!expired(shard, childOpened.get(shard.shardId()), stream, nowMillis)) {
                kept.add(shard);
            }
        }
        return kept;
    }

    /** Whether {@code shard}, as read from the store, has expired at {@code nowMillis}. */
    public boolean expired(Connection connection, Shard shard, long nowMillis) throws SQLException {
        // a shard closes no earlier than it opened: most reads are of shards too young to look further
        if (shard.open() || shard.createdMillis() >= cutoff(nowMillis)) {
            return false;
        }
        Long childOpened = childOpened(connection, shard);
        // only the last shard of a disabled stream has no child
        return expired(shard, childOpened,
                childOpened == null ? streams.find(connection, shard.streamArn()) : null, nowMillis);
    }

    /** Whether a shard has expired, given when its child opened (null for none) and its stream. */
    private boolean expired(Shard shard, Long childOpened, StreamDefinition stream, long nowMillis) {
        if (shard.open()) {
            return false;
        }
        Long closed = childOpened != null ? childOpened : stream == null ? null : stream.disabledMillis();
        return closed != null && closed < cutoff(nowMillis);
    }

    /** Records older than this are trimmed and shards closed before it are gone. */
    private long cutoff(long nowMillis) {
        return nowMillis - retentionMillis;
    }

    private static Long childOpened(Connection connection, Shard shard) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MIN(created) FROM shards WHERE stream_arn = ? AND parent = ?")) {
            select.setString(1, shard.streamArn());
            select.setString(2, shard.shardId());
            try (ResultSet rows = select.executeQuery()) {
                rows.next(); // MIN answers one row, NULL when there is no child
                long opened = rows.getLong(1);
                return rows.wasNull() ? null : opened;
            }
        }
    }

    /** Deletes the shards expired at {@code nowMillis} and whatever the trim left of their records. */
    public void remove(Connection connection, long nowMillis) throws SQLException {
        long cutoff = cutoff(nowMillis);
        try (PreparedStatement records = connection.prepareStatement(
                "DELETE FROM records WHERE shard_id IN (" + PARENTS_CLOSED_BEFORE + ")");
             PreparedStatement shards = connection.prepareStatement(
                     "DELETE FROM shards WHERE shard_id IN (" + PARENTS_CLOSED_BEFORE + ")")) {
            records.setLong(1, cutoff);
            records.executeUpdate();
            shards.setLong(1, cutoff);
            shards.executeUpdate();
        }
        for (String arn : disabledStreamsWithShards(connection)) {
            StreamDefinition stream = streams.find(connection, arn);
            if (stream != null && !stream.enabled() && stream.disabledMillis() < cutoff) {
                deleteShardsOf(connection, arn);
            }
        }
    }

    private static List<String> disabledStreamsWithShards(Connection connection) throws SQLException {
        List<String> arns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(STREAMS_WITHOUT_OPEN_SHARD);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                arns.add(rows.getString(1));
            }
        }
        return arns;
    }

    /** Every shard of a disabled stream closed by the time it was disabled. */
    private static void deleteShardsOf(Connection connection, String streamArn) throws SQLException {
        try (PreparedStatement records = connection.prepareStatement(
                "DELETE FROM records WHERE shard_id IN (SELECT shard_id FROM shards WHERE stream_arn = ?)");
             PreparedStatement shards = connection.prepareStatement("DELETE FROM shards WHERE stream_arn = ?")) {
            records.setString(1, streamArn);
            records.executeUpdate();
            shards.setString(1, streamArn);
            shards.executeUpdate();
        }
    }
}
