package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB and DynamoDB Streams calls an event source mapping makes, with their answers kept as the raw JSON
 * the service sent, so records reach the handler byte-for-byte as Lambda would deliver them.
 */
public interface StreamsApi {

    /** DescribeTable: empty when the table does not exist. */
    Optional<TableInfo> describeTable(String tableName);

    /** DescribeStream, every page: {@link StreamsApiException} ResourceNotFoundException when unknown. */
    StreamInfo describeStream(String streamArn);

    /** GetShardIterator; {@code sequenceNumber} only for AT_/AFTER_SEQUENCE_NUMBER. */
    String shardIterator(String streamArn, String shardId, String iteratorType, String sequenceNumber);

    /** GetRecords with the given limit (at most 1000). */
    RecordsPage records(String shardIterator, int limit);

    /** GetRecords, each record reshaped as Lambda delivers it ({@link EventPayload#record}). */
    default EventPayload.ShapedPage shapedRecords(String shardIterator, int limit, EventPayload payload,
                                                  String streamArn) {
        return payload.shape(records(shardIterator, limit), streamArn);
    }

    /** A table's stream as DescribeTable reports it; {@code latestStreamArn} empty when never enabled. */
    record TableInfo(String tableName, boolean streamEnabled, String latestStreamArn) {
        public TableInfo {
            latestStreamArn = latestStreamArn == null ? "" : latestStreamArn;
        }
    }

    /** A stream and all its shards. */
    record StreamInfo(String streamArn, String status, List<ShardInfo> shards) {
        public StreamInfo {
            shards = List.copyOf(shards);
        }
    }

    /** A shard; {@code parentShardId} empty for none; {@code closed} when it has an ending sequence number. */
    record ShardInfo(String shardId, String parentShardId, boolean closed) {
        public ShardInfo {
            parentShardId = parentShardId == null ? "" : parentShardId;
        }
    }

    /** One GetRecords answer; {@code nextShardIterator} null once a closed shard is fully read. */
    record RecordsPage(List<ObjectNode> records, String nextShardIterator) {
        public RecordsPage {
            records = List.copyOf(records);
        }
    }
}
