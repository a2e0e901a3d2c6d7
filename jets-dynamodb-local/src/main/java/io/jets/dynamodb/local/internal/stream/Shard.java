package io.jets.dynamodb.local.internal.stream;

/**
 * A shard of a stream: records {@code startSeq..endSeq}; {@code endSeq} null while the shard is open.
 * {@code trimmedSeq} is the highest counter value already removed by retention (0 when none).
 */
public record Shard(String shardId, String streamArn, String parentShardId, long createdMillis, long startSeq,
                    Long endSeq, long trimmedSeq) {

    public boolean open() {
        return endSeq == null;
    }
}
