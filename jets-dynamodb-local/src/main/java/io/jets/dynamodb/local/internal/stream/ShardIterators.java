package io.jets.dynamodb.local.internal.stream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Shard iterators are opaque to clients; inside they name the stream, the shard, the next counter value to
 * read and when the iterator was issued (so it can expire). Like DynamoDB's, an iterator reads
 * {@code <stream ARN>|1|<opaque part>}.
 */
public final class ShardIterators {

    /** A decoded iterator. */
    public record Position(String streamArn, String shardId, long nextSeq, long issuedMillis) {
    }

    private ShardIterators() {
    }

    public static String encode(Position position) {
        String plain = position.shardId() + "|" + position.nextSeq() + "|" + position.issuedMillis();
        return position.streamArn() + "|1|"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or null when the text is not an iterator this server issued. */
    public static Position decode(String iterator) {
        try {
            String[] outer = iterator.split("\\|", 3);
            if (outer.length != 3 || !outer[1].equals("1")) {
                return null;
            }
            String plain = new String(Base64.getUrlDecoder().decode(outer[2]), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|");
            if (parts.length != 3) {
                return null;
            }
            return new Position(outer[0], parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
