package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * StartingPosition LATEST, applied once when a mapping first starts: every record already in the stream is
 * passed over and each shard is checkpointed at its last record, so exactly the records written after the start
 * are delivered, and a restart resumes there instead of skipping what was written while it was down. A stream
 * that does not exist yet needs nothing: all its records will be newer than the start.
 */
final class LatestPosition {

    private static final int PAGE_LIMIT = 1000;

    private LatestPosition() {
    }

    static void pin(StreamsApi api, Checkpoint checkpoint, String streamArn) {
        checkpoint.switchTo(streamArn);
        for (StreamsApi.ShardInfo shard : api.describeStream(streamArn).shards()) {
            if (shard.closed()) {
                checkpoint.finish(shard.shardId());
                continue;
            }
            String last = null;
            String iterator = api.shardIterator(streamArn, shard.shardId(), "TRIM_HORIZON", null);
            while (iterator != null) {
                StreamsApi.RecordsPage page = api.records(iterator, PAGE_LIMIT);
                for (ObjectNode record : page.records()) {
                    last = record.path("dynamodb").path("SequenceNumber").asText();
                }
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            checkpoint.advance(shard.shardId(), last == null ? "" : last);
        }
    }
}
