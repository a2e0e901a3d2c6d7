package io.jets.dynamodb.local.internal.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.StoredJson;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the stream record of an item change in the same transaction as the change, and reads records back by
 * shard. Records are stored without their sequence number, which is the store's counter and added on read.
 */
public final class StreamRecords {

    /**
     * A stored record: its counter value and its JSON as stored, with an empty SequenceNumber that is filled in on
     * the way out. Reading a page copies bytes instead of parsing every record and writing it out again.
     */
    public record StoredRecord(long seq, byte[] json) {

        private static final byte[] PLACEHOLDER = "\"SequenceNumber\":\"\"".getBytes(StandardCharsets.UTF_8);
        private static final byte[] SIZE_BYTES = "\"SizeBytes\":".getBytes(StandardCharsets.UTF_8);

        /** The record as GetRecords answers it, sequence number included. */
        public StoredJson answer() {
            // The images come before the placeholder and hold only typed values ({"S": …}), so the last
            // occurrence of the placeholder is the record's own.
            int at = lastIndexOf(json, PLACEHOLDER);
            if (at < 0) {
                ObjectNode record = Json.parseObject(json);
                ((ObjectNode) record.get("dynamodb")).put("SequenceNumber", SequenceNumbers.format(seq));
                return new StoredJson(Json.write(record).getBytes(StandardCharsets.UTF_8));
            }
            byte[] number = SequenceNumbers.format(seq).getBytes(StandardCharsets.US_ASCII);
            int split = at + PLACEHOLDER.length - 1; // just before the closing quote
            byte[] answer = new byte[json.length + number.length];
            System.arraycopy(json, 0, answer, 0, split);
            System.arraycopy(number, 0, answer, split, number.length);
            System.arraycopy(json, split, answer, split + number.length, json.length - split);
            return new StoredJson(answer);
        }

        /** The record's SizeBytes, which the 1 MB page cap of GetRecords counts. */
        public long sizeBytes() {
            int at = lastIndexOf(json, SIZE_BYTES);
            if (at < 0) {
                return Json.parseObject(json).path("dynamodb").path("SizeBytes").asLong();
            }
            long size = 0;
            for (int i = at + SIZE_BYTES.length; i < json.length && json[i] >= '0' && json[i] <= '9'; i++) {
                size = size * 10 + (json[i] - '0');
            }
            return size;
        }

        private static int lastIndexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = haystack.length - needle.length; i >= 0; i--) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** An item as a change shows it, written out and sized once. */
    public record Image(ObjectNode item, String json, long size) {
    }

    private static final int TRIM_EVERY = 1000;

    private final Database database;
    private final StreamStore streams;
    private final Clock clock;
    private final ShardRollover rollover;
    private final ShardExpiry expiry;
    private final Duration retention;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, KnownStream> definitions = new ConcurrentHashMap<>();
    /** Each stream's open shard as last committed, valid while no shard has been opened or closed since. */
    private final Map<String, OpenShard> openShards = new ConcurrentHashMap<>();

    private record OpenShard(Shard shard, long shardChanges) {
    }

    /** A stream's definition with its region already written as a JSON string. */
    private record KnownStream(StreamDefinition definition, String quotedRegion) {
        KnownStream(StreamDefinition definition) {
            this(definition, Json.write(Json.MAPPER.getNodeFactory().textNode(definition.region())));
        }
    }
    private int appendsSinceTrim;

    public StreamRecords(Database database, StreamStore streams, Clock clock, ShardRollover rollover,
                         ShardExpiry expiry, Duration retention) {
        this.database = database;
        this.streams = streams;
        this.clock = clock;
        this.rollover = rollover;
        this.expiry = expiry;
        this.retention = retention;
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Appends the record of a change from {@code oldImage} to {@code newImage} (either null) when the table's
     * stream is enabled and the item really changed. {@code service} marks deletions made by time to live.
     */
    public void append(Connection connection, TableDefinition table, ObjectNode keys, Image oldImage,
                       Image newImage, boolean service) throws SQLException {
        if (!table.streamEnabled() || (oldImage == null && newImage == null)
                || (oldImage != null && newImage != null && sameItem(oldImage, newImage))) {
            return;
        }
        long now = clock.millis();
        String openShardKey = "open-shard:" + table.stream().arn();
        Shard shard = (Shard) database.transactionState().get(openShardKey);
        if (shard == null) {
            OpenShard known = openShards.get(table.stream().arn());
            shard = known != null && known.shardChanges() == streams.shardChanges() ? known.shard()
                    : streams.currentShard(connection, table.stream().arn());
            if (shard == null) {
                return;
            }
        }
        if (rollover.due(shard, now)) {
            shard = rollover.rollOver(connection, shard, now);
        }
        if (database.transactionState().put(openShardKey, shard) != shard) {
            Shard open = shard;
            database.onCommit(() -> openShards.put(open.streamArn(), new OpenShard(open, streams.shardChanges())));
        }
        // region and view type never change for a stream, so its definition is read once
        KnownStream stream = definitions.get(shard.streamArn());
        if (stream == null) {
            stream = new KnownStream(streams.find(connection, shard.streamArn()));
            definitions.put(shard.streamArn(), stream);
        }
        String record = record(stream, keys, oldImage, newImage, now, service);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO records (shard_id, created, record) VALUES (?, ?, ?)")) {
            insert.setString(1, shard.shardId());
            insert.setLong(2, now);
            insert.setString(3, record);
            insert.executeUpdate();
        }
        if (++appendsSinceTrim >= TRIM_EVERY) {
            appendsSinceTrim = 0;
            trim(connection, now);
        }
        database.onCommit(this::notifyListeners);
    }

    /** Whether a write left the item as it was: the same text, or the same attributes and values. */
    private static boolean sameItem(Image oldImage, Image newImage) {
        if (oldImage.size() != newImage.size()) {
            return false;
        }
        return oldImage.json().equals(newImage.json()) || sameItem(oldImage.item(), newImage.item());
    }

    /** Whether a write left the item as it was (sets compare as sets, numbers by value). */
    static boolean sameItem(ObjectNode oldImage, ObjectNode newImage) {
        if (oldImage == null || newImage == null || oldImage.size() != newImage.size()) {
            return false;
        }
        for (var it = oldImage.fields(); it.hasNext(); ) {
            var attribute = it.next();
            var other = newImage.get(attribute.getKey());
            if (other == null || !AttributeValues.equal(attribute.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stored record: GetRecords' members in its order, the images as they are stored, an empty SequenceNumber
     * filled in on the way out. Written out directly; only the keys go through the JSON writer.
     */
    private static String record(KnownStream stream, ObjectNode keys, Image oldImage, Image newImage,
                                 long now, boolean service) {
        String viewType = stream.definition().viewType();
        boolean withNew = newImage != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"));
        boolean withOld = oldImage != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"));
        String keysJson = Json.write(keys);
        long size = AttributeValues.itemSize(keys) + (withNew ? newImage.size() : 0) + (withOld ? oldImage.size() : 0);
        StringBuilder record = new StringBuilder(keysJson.length() + 320
                + (withNew ? newImage.json().length() : 0) + (withOld ? oldImage.json().length() : 0));
        // an event id only has to be unique, not unguessable: a SecureRandom draw per write costs more than the rest
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        record.append("{\"eventID\":\"").append(hex.toHexDigits(random.nextLong()))
                .append(hex.toHexDigits(random.nextLong()))
                .append("\",\"eventName\":\"")
                .append(oldImage == null ? "INSERT" : newImage == null ? "REMOVE" : "MODIFY")
                .append("\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":")
                .append(stream.quotedRegion())
                .append(",\"dynamodb\":{\"ApproximateCreationDateTime\":").append(now / 1000)
                .append(",\"Keys\":").append(keysJson);
        if (withNew) {
            record.append(",\"NewImage\":").append(newImage.json());
        }
        if (withOld) {
            record.append(",\"OldImage\":").append(oldImage.json());
        }
        record.append(",\"SequenceNumber\":\"\",\"SizeBytes\":").append(size)
                .append(",\"StreamViewType\":\"").append(viewType).append("\"}");
        if (service) {
            // the Streams API spells these members capitalised; Lambda's event lower-cases them
            record.append(",\"userIdentity\":{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}");
        }
        return record.append('}').toString();
    }

    /**
     * Removes records older than the retention period; readers of removed positions get TrimmedDataAccess. Shards
     * closed longer ago than that go too, with what is left of their records ({@link ShardExpiry}).
     */
    public void trim(Connection connection, long now) throws SQLException {
        // before the early return below: an expired shard may have had no records at all
        expiry.remove(connection, now);
        long cutoff = now - retention.toMillis();
        // Records are appended in clock order, so while the oldest one is within the retention period there is
        // nothing to trim: the statements below scan the whole table, which ran every 1000 writes.
        try (PreparedStatement oldest = connection.prepareStatement(
                "SELECT created FROM records ORDER BY seq LIMIT 1");
             ResultSet rows = oldest.executeQuery()) {
            if (!rows.next() || rows.getLong(1) >= cutoff) {
                return;
            }
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE shards SET trimmed_seq = (SELECT MAX(seq) FROM records r WHERE r.shard_id = shards.shard_id"
                        + " AND r.created < ?) WHERE EXISTS (SELECT 1 FROM records r WHERE"
                        + " r.shard_id = shards.shard_id AND r.created < ?)");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM records WHERE created < ?")) {
            mark.setLong(1, cutoff);
            mark.setLong(2, cutoff);
            mark.executeUpdate();
            delete.setLong(1, cutoff);
            delete.executeUpdate();
        }
    }

    /** Up to {@code limit} records of a shard from counter value {@code fromSeq} on, in order. */
    public List<StoredRecord> read(Connection connection, String shardId, long fromSeq, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, record FROM records WHERE shard_id = ? AND seq >= ? ORDER BY seq LIMIT ?")) {
            select.setString(1, shardId);
            select.setLong(2, fromSeq);
            select.setInt(3, limit);
            List<StoredRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new StoredRecord(rows.getLong(1), rows.getBytes(2)));
                }
            }
            return records;
        }
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                System.err.println("jets-dynamodb-local: stream listener failed: " + e);
            }
        }
    }
}
