package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.stream.SequenceNumbers;
import io.jets.dynamodb.local.internal.stream.Shard;
import io.jets.dynamodb.local.internal.stream.ShardExpiry;
import io.jets.dynamodb.local.internal.stream.ShardIterators;
import io.jets.dynamodb.local.internal.stream.ShardIterators.Position;
import io.jets.dynamodb.local.internal.stream.ShardRollover;
import io.jets.dynamodb.local.internal.stream.StreamDefinition;
import io.jets.dynamodb.local.internal.stream.StreamRecords;
import io.jets.dynamodb.local.internal.stream.StreamRecords.StoredRecord;
import io.jets.dynamodb.local.internal.stream.StreamStore;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords. Reading a stream first
 * stores the rollover of a shard whose period has passed with no write to roll it over ({@link ShardRollover});
 * a shard closed longer ago than the retention period is gone ({@link ShardExpiry}), though the stream stays.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB_Streams.html">
 *     DynamoDB Streams API</a>
 */
public final class StreamOperations {

    private static final Set<String> SHARD_FILTER_TYPES = Set.of("CHILD_SHARDS");
    private static final Set<String> ITERATOR_TYPES =
            Set.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
    private static final long PAGE_BYTES = 1024 * 1024;
    /** What a stream ARN looks like; anything else is refused before any stream is looked up. */
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}/stream/.+");

    private final Database database;
    private final TableCatalog catalog;
    private final StreamStore streams;
    private final StreamRecords records;
    private final ShardRollover rollover;
    private final ShardExpiry expiry;
    private final Clock clock;
    private final Duration iteratorLifetime;

    public StreamOperations(Database database, TableCatalog catalog, StreamStore streams, StreamRecords records,
                            ShardRollover rollover, ShardExpiry expiry, Clock clock, Duration iteratorLifetime) {
        this.database = database;
        this.catalog = catalog;
        this.streams = streams;
        this.records = records;
        this.rollover = rollover;
        this.expiry = expiry;
        this.clock = clock;
        this.iteratorLifetime = iteratorLifetime;
    }

    public ObjectNode listStreams(ObjectNode request) {
        Constraints constraints = new Constraints();
        if (request.hasNonNull("ExclusiveStartStreamArn")) {
            constraints.text("exclusiveStartStreamArn", request.get("ExclusiveStartStreamArn"), 37, 1024);
        }
        if (request.hasNonNull("TableName")) {
            constraints.tableName("tableName", request.get("TableName"));
        }
        constraints.range("limit", request.get("Limit"), 1, 100).check();
        int limit = request.path("Limit").asInt(100);
        String table = Json.text(request, "TableName");
        String start = Json.text(request, "ExclusiveStartStreamArn");
        if (start != null) {
            requireWellFormed(start);
        }
        List<StreamDefinition> all = database.read(connection -> streams.list(connection, table));
        // a deleted table's streams stay listed; a name that was never a table's is not found
        if (table != null && all.isEmpty()) {
            catalog.requireNamed(table);
        }
        List<StreamDefinition> after = all.stream()
                .filter(stream -> start == null || stream.arn().compareTo(start) > 0).toList();
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("Streams");
        for (StreamDefinition stream : after.stream().limit(limit).toList()) {
            list.addObject().put("StreamArn", stream.arn()).put("TableName", stream.tableName())
                    .put("StreamLabel", stream.label());
        }
        if (after.size() > limit) {
            response.put("LastEvaluatedStreamArn", after.get(limit - 1).arn());
        }
        return response;
    }

    public ObjectNode describeStream(ObjectNode request) {
        new Constraints().required("streamArn", request.get("StreamArn"))
                .range("limit", request.get("Limit"), 1, 100)
                .oneOf("shardFilter.type", request.path("ShardFilter").get("Type"), SHARD_FILTER_TYPES,
                        "[CHILD_SHARDS]")
                .check();
        int limit = request.path("Limit").asInt(100);
        String arn = Json.text(request, "StreamArn");
        String start = Json.text(request, "ExclusiveStartShardId");
        JsonNode filter = request.path("ShardFilter");
        // CHILD_SHARDS, the filter's one type, lists only the shards whose parent is the filter's shard
        boolean childShards = "CHILD_SHARDS".equals(filter.path("Type").asText());
        String parent = Json.text(filter, "ShardId");
        requireWellFormed(arn);
        rollover.catchUp(arn);
        long now = clock.millis();
        return database.read(connection -> {
            StreamDefinition stream = requireStream(streams.find(connection, arn), arn);
            List<Shard> shards = expiry.shards(connection, stream, now);
            if (childShards) {
                shards = shards.stream().filter(shard -> parent != null && parent.equals(shard.parentShardId()))
                        .toList();
            }
            ObjectNode response = Json.object();
            ObjectNode description = response.putObject("StreamDescription");
            description.put("StreamArn", stream.arn());
            description.put("StreamLabel", stream.label());
            description.put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED");
            description.put("StreamViewType", stream.viewType());
            description.put("CreationRequestDateTime", TableDescriptions.seconds(stream.createdMillis()));
            description.put("TableName", stream.tableName());
            description.set("KeySchema", TableDescriptions.keySchema(stream.hashKey(), stream.rangeKey()));
            ArrayNode list = description.putArray("Shards");
            // shard ids sort in creation order, so a page starts after the given id whether or not it exists: the
            // id of a shard that has expired since the last page leads to the oldest shard still there
            int skip = 0;
            if (start != null) {
                while (skip < shards.size() && shards.get(skip).shardId().compareTo(start) <= 0) {
                    skip++;
                }
            }
            List<Shard> page = shards.subList(Math.min(skip, shards.size()), Math.min(skip + limit, shards.size()));
            for (Shard shard : page) {
                ObjectNode node = list.addObject();
                node.put("ShardId", shard.shardId());
                ObjectNode range = node.putObject("SequenceNumberRange");
                range.put("StartingSequenceNumber", SequenceNumbers.format(shard.startSeq()));
                if (!shard.open()) {
                    range.put("EndingSequenceNumber", SequenceNumbers.format(shard.endSeq()));
                }
                if (shard.parentShardId() != null) {
                    node.put("ParentShardId", shard.parentShardId());
                }
            }
            if (skip + limit < shards.size()) {
                description.put("LastEvaluatedShardId", page.get(page.size() - 1).shardId());
            }
            return response;
        });
    }

    public ObjectNode getShardIterator(ObjectNode request) {
        new Constraints().required("streamArn", request.get("StreamArn"))
                .required("shardId", request.get("ShardId"))
                .required("shardIteratorType", request.get("ShardIteratorType"))
                .oneOf("shardIteratorType", request.get("ShardIteratorType"), ITERATOR_TYPES,
                        "[AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]")
                .check();
        String arn = Json.text(request, "StreamArn");
        String shardId = Json.text(request, "ShardId");
        String type = Json.text(request, "ShardIteratorType");
        String sequenceNumber = Json.text(request, "SequenceNumber");
        requireWellFormed(arn);
        if (sequenceNumber != null && (type.equals("TRIM_HORIZON") || type.equals("LATEST"))) {
            throw ApiException.validation("The SequenceNumber parameter is not allowed for ShardIteratorType "
                    + type);
        }
        rollover.catchUp(arn);
        long now = clock.millis();
        long position = database.read(connection -> {
            requireStream(streams.find(connection, arn), arn);
            Shard shard = streams.shard(connection, shardId);
            if (shard == null || !shard.streamArn().equals(arn) || expiry.expired(connection, shard, now)) {
                throw shardNotFound();
            }
            return switch (type) {
                case "TRIM_HORIZON" -> Math.max(shard.startSeq(), shard.trimmedSeq() + 1);
                case "LATEST" -> shard.open() ? streams.nextSeq(connection) : shard.endSeq() + 1;
                default -> sequencePosition(shard, type, sequenceNumber);
            };
        });
        ObjectNode response = Json.object();
        response.put("ShardIterator", ShardIterators.encode(new Position(arn, shardId, position, now)));
        return response;
    }

    private static long sequencePosition(Shard shard, String type, String sequenceNumber) {
        if (sequenceNumber == null) {
            throw ApiException.validation("The SequenceNumber parameter is required for ShardIteratorType "
                    + type);
        }
        long seq = SequenceNumbers.parse(sequenceNumber);
        long end = shard.open() ? Long.MAX_VALUE : shard.endSeq();
        if (seq < shard.startSeq() || seq > end) {
            throw ApiException.validation("Invalid SequenceNumber for ShardIteratorType " + type
                    + ": SequenceNumber " + sequenceNumber + " is not in shard " + shard.shardId());
        }
        if (seq <= shard.trimmedSeq()) {
            throw trimmed();
        }
        return type.equals("AT_SEQUENCE_NUMBER") ? seq : seq + 1;
    }

    public ObjectNode getRecords(ObjectNode request) {
        new Constraints().required("shardIterator", request.get("ShardIterator"))
                .range("limit", request.get("Limit"), 1, 1000).check();
        int limit = request.path("Limit").asInt(1000);
        Position position = ShardIterators.decode(Json.text(request, "ShardIterator"));
        if (position == null) {
            throw ApiException.validation("Invalid ShardIterator");
        }
        long now = clock.millis();
        if (now - position.issuedMillis() > iteratorLifetime.toMillis()) {
            throw ApiException.dynamoDb("ExpiredIteratorException", "Iterator expired. The iterator was created at"
                    + " time " + new Date(position.issuedMillis()) + " while right now it is " + new Date(now)
                    + " which is further in the future than the tolerated delay of " + iteratorLifetime.toMillis()
                    + " milliseconds.");
        }
        // a shard whose period passed while no write arrived ends here: its last page has no next iterator
        rollover.catchUp(position.streamArn());
        return database.read(connection -> {
            Shard shard = streams.shard(connection, position.shardId());
            // an iterator lives minutes, a closed shard a day: one issued just before its shard expired gets here
            if (shard == null || expiry.expired(connection, shard, now)) {
                throw shardNotFound();
            }
            if (position.nextSeq() <= shard.trimmedSeq()) {
                throw trimmed();
            }
            List<StoredRecord> page = records.read(connection, shard.shardId(), position.nextSeq(), limit + 1);
            ObjectNode response = Json.object();
            ArrayNode list = response.putArray("Records");
            long next = position.nextSeq();
            long bytes = 0;
            int taken = 0;
            for (StoredRecord record : page) {
                if (taken == limit || (taken > 0 && bytes >= PAGE_BYTES)) {
                    break;
                }
                list.addRawValue(new RawValue(record.answer()));
                bytes += record.sizeBytes();
                next = record.seq() + 1;
                taken++;
            }
            boolean more = page.size() > taken;
            if (shard.open() || more) {
                response.put("NextShardIterator", ShardIterators.encode(
                        new Position(position.streamArn(), shard.shardId(), next, now)));
            }
            return response;
        });
    }

    private static void requireWellFormed(String arn) {
        if (!STREAM_ARN.matcher(arn).matches()) {
            throw ApiException.validation("Invalid StreamArn");
        }
    }

    private static StreamDefinition requireStream(StreamDefinition stream, String arn) {
        if (stream == null) {
            throw ApiException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return stream;
    }

    private static ApiException shardNotFound() {
        return ApiException.resourceNotFound("Requested resource not found: Shard does not exist");
    }

    private static ApiException trimmed() {
        return ApiException.dynamoDb("TrimmedDataAccessException",
                "The data you are trying to access has been trimmed");
    }
}
