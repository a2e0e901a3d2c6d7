package io.jets.dynamodb.local.internal.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.Partitions;
import io.jets.dynamodb.local.internal.storage.StorageException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;

/** Streams and their shards in the store. Every method runs inside the caller's transaction. */
public final class StreamStore {

    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT_SHARDS =
            "SELECT shard_id, stream_arn, parent, created, start_seq, end_seq, trimmed_seq FROM shards";

    /** Counts shard openings and closings, so that what was read about open shards can tell it is stale. */
    private final AtomicLong shardChanges = new AtomicLong();

    /** Changes whenever a shard is opened or closed, committed or not. */
    public long shardChanges() {
        return shardChanges.get();
    }

    /** Creates a stream for a table with its first open shard. */
    public StreamDefinition create(Connection connection, String tableName, String viewType, String region,
                                   String hashKey, String rangeKey, long nowMillis) throws SQLException {
        long created = nowMillis;
        // labels identify streams: two enablements in the same millisecond still get distinct ARNs
        while (find(connection, arn(region, tableName, LABEL.format(Instant.ofEpochMilli(created)))) != null) {
            created++;
        }
        String label = LABEL.format(Instant.ofEpochMilli(created));
        StreamDefinition stream = new StreamDefinition(arn(region, tableName, label), tableName, label, viewType,
                region, hashKey, rangeKey, created, null);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO streams (arn, table_name, definition) VALUES (?, ?, ?)")) {
            insert.setString(1, stream.arn());
            insert.setString(2, tableName);
            insert.setString(3, write(stream));
            insert.executeUpdate();
        }
        openShard(connection, stream.arn(), null, nowMillis);
        return stream;
    }

    private static String arn(String region, String tableName, String label) {
        return Partitions.arnPrefix("dynamodb", region) + "000000000000:table/" + tableName + "/stream/" + label;
    }

    /** Disables a stream: its open shard is closed and it accepts no more records. */
    public void disable(Connection connection, StreamDefinition stream, long nowMillis) throws SQLException {
        Shard open = currentShard(connection, stream.arn());
        if (open != null) {
            close(connection, open);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE streams SET definition = ? WHERE arn = ?")) {
            update.setString(1, write(stream.disabledAt(nowMillis)));
            update.setString(2, stream.arn());
            update.executeUpdate();
        }
    }

    public StreamDefinition find(Connection connection, String arn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT definition FROM streams WHERE arn = ?")) {
            select.setString(1, arn);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? parse(rows.getString(1)) : null;
            }
        }
    }

    /** Streams in ARN order, optionally of one table. */
    public List<StreamDefinition> list(Connection connection, String tableName) throws SQLException {
        String sql = tableName == null
                ? "SELECT definition FROM streams ORDER BY arn"
                : "SELECT definition FROM streams WHERE table_name = ? ORDER BY arn";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (tableName != null) {
                select.setString(1, tableName);
            }
            List<StreamDefinition> streams = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    streams.add(parse(rows.getString(1)));
                }
            }
            return streams;
        }
    }

    /** The shards of a stream, oldest first. */
    public List<Shard> shards(Connection connection, String streamArn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                SELECT_SHARDS + " WHERE stream_arn = ? ORDER BY created, start_seq, shard_id")) {
            select.setString(1, streamArn);
            List<Shard> shards = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    shards.add(shard(rows));
                }
            }
            return shards;
        }
    }

    public Shard shard(Connection connection, String shardId) throws SQLException {
        return oneShard(connection, "shard_id = ?", shardId);
    }

    /** The open shard of a stream, or null when the stream is disabled. */
    public Shard currentShard(Connection connection, String streamArn) throws SQLException {
        return oneShard(connection, "stream_arn = ? AND end_seq IS NULL", streamArn);
    }

    /** The shard the condition {@code where}, with its one parameter, picks; null when there is none. */
    private Shard oneShard(Connection connection, String where, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_SHARDS + " WHERE " + where)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? shard(rows) : null;
            }
        }
    }

    /** Closes {@code shard} and opens its child. */
    public Shard rollOver(Connection connection, Shard shard, long nowMillis) throws SQLException {
        close(connection, shard);
        return openShard(connection, shard.streamArn(), shard.shardId(), nowMillis);
    }

    private void close(Connection connection, Shard shard) throws SQLException {
        shardChanges.incrementAndGet();
        long last = lastSeq(connection, shard.shardId());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE shards SET end_seq = ? WHERE shard_id = ?")) {
            // an empty shard closes with the range it was opened at
            update.setLong(1, Math.max(last, shard.startSeq()));
            update.setString(2, shard.shardId());
            update.executeUpdate();
        }
    }

    private Shard openShard(Connection connection, String streamArn, String parent, long nowMillis)
            throws SQLException {
        shardChanges.incrementAndGet();
        String shardId = String.format("shardId-%020d-%s", nowMillis, HexFormat.of().formatHex(randomBytes(4)));
        long start = reserveSeq(connection);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO shards (shard_id, stream_arn, parent, created, start_seq) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, shardId);
            insert.setString(2, streamArn);
            insert.setString(3, parent);
            insert.setLong(4, nowMillis);
            insert.setLong(5, start);
            insert.executeUpdate();
        }
        return new Shard(shardId, streamArn, parent, nowMillis, start, null, 0);
    }

    /**
     * Takes the next counter value for a shard's StartingSequenceNumber, which no record carries: DynamoDB's first
     * record in a shard has a sequence number above the shard's starting one.
     */
    private long reserveSeq(Connection connection) throws SQLException {
        long seq = nextSeq(connection);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sqlite_sequence SET seq = ? WHERE name = 'records'")) {
            update.setLong(1, seq);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES ('records', ?)")) {
                    insert.setLong(1, seq);
                    insert.executeUpdate();
                }
            }
        }
        return seq;
    }

    /** The counter value the next appended record will get. */
    public long nextSeq(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq FROM sqlite_sequence WHERE name = 'records'")) {
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) + 1 : 1;
            }
        }
    }

    private static long lastSeq(Connection connection, String shardId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(seq) FROM records WHERE shard_id = ?")) {
            select.setString(1, shardId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Shard shard(ResultSet rows) throws SQLException {
        long end = rows.getLong(6);
        Long endSeq = rows.wasNull() ? null : end;
        return new Shard(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4), rows.getLong(5),
                endSeq, rows.getLong(7));
    }

    private static String write(StreamDefinition stream) {
        try {
            return Json.MAPPER.writeValueAsString(stream);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot store stream " + stream.arn(), e);
        }
    }

    private static StreamDefinition parse(String text) {
        try {
            return Json.MAPPER.readValue(text, StreamDefinition.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("stored stream definition is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
