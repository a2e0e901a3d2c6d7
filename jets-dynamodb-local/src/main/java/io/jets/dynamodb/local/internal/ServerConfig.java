package io.jets.dynamodb.local.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a server is started.
 *
 * @param dataDirectory      where the durable store lives; ignored when {@code inMemory}
 * @param shardRollover      how long a stream shard stays open before a child shard replaces it
 * @param streamRetention    how long stream records stay readable
 * @param iteratorLifetime   how long a shard iterator stays valid after it is issued
 * @param ttlInterval        how often expired items are deleted by the time-to-live reaper
 * @param indexCreation      how long an index added to a live table by UpdateTable takes to build, phase by phase
 * @param signingKeys        secret keys by access key id; when not empty every request must carry a valid SigV4
 *                           signature by one of them, otherwise any credentials are accepted
 */
public record ServerConfig(int port, String bindAddress, Path dataDirectory, boolean inMemory, Clock clock,
                           Duration shardRollover, Duration streamRetention, Duration iteratorLifetime,
                           Duration ttlInterval, IndexCreationTimes indexCreation, Map<String, String> signingKeys) {

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got: " + port);
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(clock, "clock");
        requirePositive("shardRollover", shardRollover);
        requirePositive("streamRetention", streamRetention);
        requirePositive("iteratorLifetime", iteratorLifetime);
        requirePositive("ttlInterval", ttlInterval);
        Objects.requireNonNull(indexCreation, "indexCreation");
        signingKeys = Map.copyOf(signingKeys);
        if (!inMemory) {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(8000, "127.0.0.1", Path.of(".jets", "dynamodb"), false, Clock.systemUTC(),
                Duration.ofHours(4), Duration.ofHours(24), Duration.ofMinutes(15), Duration.ofSeconds(30),
                IndexCreationTimes.DEFAULT, Map.of());
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got: " + value);
        }
    }
}
