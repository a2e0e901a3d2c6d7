package io.jets.dynamodb.local.internal.stream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Shard iterators are opaque to clients; inside they name the stream, the shard, the next counter value to
 * read and when the iterator was issued (so it can expire).
 */
public final class ShardIterators {

    /** A decoded iterator. */
    public record Position(String streamArn, String shardId, long nextSeq, long issuedMillis) {
    }

    private ShardIterators() {
    }

    public static String encode(Position position) {
        String plain = "1|" + position.streamArn() + "|" + position.shardId() + "|" + position.nextSeq() + "|"
                + position.issuedMillis();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or null when the text is not an iterator this server issued. */
    public static Position decode(String iterator) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|");
            if (parts.length != 5 || !parts[0].equals("1")) {
                return null;
            }
            return new Position(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
