package io.jets.cli.commands;

import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.dynamodb.local.Durations;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The local server's settings that {@code jets dynamodb-local} and {@code jets dev} share: the clocks of TTL,
 * shards and indexes, and signature checking. Left out, each keeps the server's default.
 */
final class ServerSettings {

    @Option(names = "--ttl-interval", paramLabel = "DURATION", converter = DurationText.class,
            description = "How often expired items are deleted (default 30s; DynamoDB takes up to a few days).")
    Duration ttlInterval;

    @Option(names = "--shard-rollover", paramLabel = "DURATION", converter = DurationText.class,
            description = "How long a stream shard stays open before a child shard replaces it (default 4h).")
    Duration shardRollover;

    @Option(names = "--stream-retention", paramLabel = "DURATION", converter = DurationText.class,
            description = "How long stream records stay readable (default 24h).")
    Duration streamRetention;

    @Option(names = "--instant-indexes",
            description = "Make an index that UpdateTable adds ACTIVE at once (default: CREATING for 7s, as a "
                    + "shortened DynamoDB build).")
    boolean instantIndexes;

    @Option(names = "--require-signature", paramLabel = "ACCESS_KEY_ID:SECRET_KEY", converter = KeyPairText.class,
            description = "Accept only requests signed with this key pair (repeatable; default: any credentials).")
    List<KeyPair> signingKeys = List.of();

    DynamoDbLocal.Builder applyTo(DynamoDbLocal.Builder builder) {
        if (ttlInterval != null) {
            builder.ttlInterval(ttlInterval);
        }
        if (shardRollover != null) {
            builder.shardRollover(shardRollover);
        }
        if (streamRetention != null) {
            builder.streamRetention(streamRetention);
        }
        if (instantIndexes) {
            builder.indexCreation(Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        for (KeyPair pair : signingKeys) {
            builder.requireSignature(pair.accessKeyId(), pair.secretAccessKey());
        }
        return builder;
    }

    record KeyPair(String accessKeyId, String secretAccessKey) {
    }

    /** {@code ACCESS_KEY_ID:SECRET_KEY}; the secret may itself hold colons. */
    static final class KeyPairText implements ITypeConverter<KeyPair> {
        @Override
        public KeyPair convert(String value) {
            int colon = value.indexOf(':');
            if (colon < 1 || colon == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' is not an access key id and a secret key joined by"
                        + " a colon");
            }
            return new KeyPair(value.substring(0, colon), value.substring(colon + 1));
        }
    }

    /** {@code 30s}, {@code 5m}, {@code 4h}, {@code PT30S}: see {@link Durations}. */
    static final class DurationText implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
