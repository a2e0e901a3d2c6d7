package io.jets.runtime.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.runtime.local.internal.StreamsApi;
import io.jets.runtime.local.internal.StreamsApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory DynamoDB Streams service for fast tests of the mapping logic: tables, streams that can be disabled
 * and re-enabled, shards that roll over, and iterators that can be made to expire.
 */
final class FakeStreams implements StreamsApi {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, List<Shard>> streams = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong(100_000_000_000_000_000L);
    private long labelCounter = 1;
    volatile boolean expireIterators;
    /** GetRecords calls so far. */
    final AtomicLong recordsCalls = new AtomicLong();
    volatile long nowSeconds = 1_700_000_000L;

    private static final class Table {
        boolean enabled;
        String latestArn = "";
    }

    private static final class Shard {
        final String id;
        final String parent;
        final List<ObjectNode> records = new ArrayList<>();
        boolean closed;
        String trimmedUpTo;

        Shard(String id, String parent) {
            this.id = id;
            this.parent = parent;
        }
    }

    synchronized void createTable(String name) {
        tables.put(name, new Table());
    }

    synchronized String enableStream(String table) {
        Table t = tables.get(table);
        String arn = "arn:aws:dynamodb:us-west-2:112233445566:table/" + table + "/stream/2026-11-25T00:00:00.00"
                + (labelCounter++);
        t.enabled = true;
        t.latestArn = arn;
        List<Shard> shards = new ArrayList<>();
        shards.add(new Shard("shardId-00000001-" + labelCounter, null));
        streams.put(arn, shards);
        return arn;
    }

    synchronized void disableStream(String table) {
        Table t = tables.get(table);
        t.enabled = false;
        streams.get(t.latestArn).forEach(s -> s.closed = true);
    }

    /** Closes the open shard of the table's stream and opens a child. */
    synchronized String rollover(String table) {
        List<Shard> shards = streams.get(tables.get(table).latestArn);
        Shard open = shards.get(shards.size() - 1);
        open.closed = true;
        Shard child = new Shard(open.id + "-child", open.id);
        shards.add(child);
        return child.id;
    }

    /** Appends an INSERT/MODIFY of item {@code id} with attribute {@code name}; returns its sequence number. */
    synchronized String put(String table, String id, String name) {
        Table t = tables.get(table);
        if (!t.enabled) {
            return null;
        }
        List<Shard> shards = streams.get(t.latestArn);
        Shard open = shards.get(shards.size() - 1);
        String seq = String.valueOf(sequence.incrementAndGet());
        ObjectNode record = json.createObjectNode();
        record.put("awsRegion", "us-west-2");
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", nowSeconds);
        dynamodb.putObject("Keys").putObject("id").put("S", id);
        ObjectNode image = dynamodb.putObject("NewImage");
        image.putObject("id").put("S", id);
        image.putObject("name").put("S", name);
        dynamodb.put("SequenceNumber", seq);
        dynamodb.put("SizeBytes", 20);
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        record.put("eventID", Long.toHexString(Long.parseLong(seq)));
        record.put("eventName", "INSERT");
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        open.records.add(record);
        return seq;
    }

    /** Drops every record of the table's open shard so far, as the 24-hour retention does. */
    synchronized void trimAll(String table) {
        List<Shard> shards = streams.get(tables.get(table).latestArn);
        Shard open = shards.get(shards.size() - 1);
        open.trimmedUpTo = open.records.isEmpty() ? open.trimmedUpTo
                : open.records.get(open.records.size() - 1).path("dynamodb").path("SequenceNumber").asText();
        open.records.clear();
    }

    @Override
    public synchronized Optional<TableInfo> describeTable(String tableName) {
        Table t = tables.get(tableName);
        return t == null ? Optional.empty() : Optional.of(new TableInfo(tableName, t.enabled, t.latestArn));
    }

    @Override
    public synchronized StreamInfo describeStream(String streamArn) {
        List<Shard> shards = streams.get(streamArn);
        if (shards == null) {
            throw new StreamsApiException("ResourceNotFoundException", "Requested resource not found");
        }
        return new StreamInfo(streamArn, shards.stream().allMatch(s -> s.closed) ? "DISABLED" : "ENABLED",
                shards.stream().map(s -> new ShardInfo(s.id, s.parent, s.closed)).toList());
    }

    @Override
    public synchronized String shardIterator(String streamArn, String shardId, String type, String sequenceNumber) {
        Shard shard = shard(streamArn, shardId);
        int position = switch (type) {
            case "TRIM_HORIZON" -> 0;
            case "LATEST" -> shard.records.size();
            case "AFTER_SEQUENCE_NUMBER" -> indexOf(shard, sequenceNumber) + 1;
            default -> indexOf(shard, sequenceNumber);
        };
        return streamArn + "|" + shardId + "|" + position;
    }

    @Override
    public synchronized RecordsPage records(String iterator, int limit) {
        recordsCalls.incrementAndGet();
        if (expireIterators) {
            expireIterators = false;
            throw new StreamsApiException("ExpiredIteratorException", "Iterator expired");
        }
        String[] parts = iterator.split("\\|");
        Shard shard = shard(parts[0], parts[1]);
        int from = Integer.parseInt(parts[2]);
        int to = Math.min(shard.records.size(), from + limit);
        List<ObjectNode> page = new ArrayList<>(shard.records.subList(from, to));
        String next = shard.closed && to == shard.records.size() && page.isEmpty() ? null
                : parts[0] + "|" + parts[1] + "|" + to;
        return new RecordsPage(page, next);
    }

    private Shard shard(String arn, String shardId) {
        List<Shard> shards = streams.get(arn);
        if (shards == null) {
            throw new StreamsApiException("ResourceNotFoundException", "Requested resource not found");
        }
        return shards.stream().filter(s -> s.id.equals(shardId)).findFirst()
                .orElseThrow(() -> new StreamsApiException("ResourceNotFoundException", "Shard not found"));
    }

    private static int indexOf(Shard shard, String sequenceNumber) {
        if (shard.trimmedUpTo != null
                && new java.math.BigInteger(sequenceNumber).compareTo(new java.math.BigInteger(shard.trimmedUpTo)) <= 0) {
            throw new StreamsApiException("TrimmedDataAccessException", "the requested data is past the trim horizon");
        }
        for (int i = 0; i < shard.records.size(); i++) {
            if (shard.records.get(i).path("dynamodb").path("SequenceNumber").asText().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new StreamsApiException("ValidationException", "unknown sequence number " + sequenceNumber);
    }
}
