package io.jets.dynamodb.local.internal;

import io.jets.dynamodb.local.DynamoDbLocal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The builder behind {@link DynamoDbLocal#builder()}; values are checked when the server starts. */
public final class ServerBuilder implements DynamoDbLocal.Builder {

    private final ServerConfig defaults = ServerConfig.defaults();
    private int port = defaults.port();
    private String bindAddress = defaults.bindAddress();
    private Path dataDirectory = defaults.dataDirectory();
    private boolean inMemory;
    private Clock clock = defaults.clock();
    private Duration shardRollover = defaults.shardRollover();
    private Duration streamRetention = defaults.streamRetention();
    private Duration iteratorLifetime = defaults.iteratorLifetime();
    private Duration ttlInterval = defaults.ttlInterval();
    private IndexCreationTimes indexCreation = defaults.indexCreation();
    private final Map<String, String> signingKeys = new LinkedHashMap<>();

    @Override
    public DynamoDbLocal.Builder port(int port) {
        this.port = port;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder bindAddress(String address) {
        this.bindAddress = address;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder dataDirectory(Path directory) {
        this.dataDirectory = directory;
        this.inMemory = false;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder inMemory() {
        this.inMemory = true;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder shardRollover(Duration period) {
        this.shardRollover = period;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder streamRetention(Duration retention) {
        this.streamRetention = retention;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder iteratorLifetime(Duration lifetime) {
        this.iteratorLifetime = lifetime;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder ttlInterval(Duration interval) {
        this.ttlInterval = interval;
        return this;
    }

    @Override
    public DynamoDbLocal.Builder indexCreation(Duration tableUpdating, Duration allocation, Duration backfill) {
        this.indexCreation = new IndexCreationTimes(tableUpdating, allocation, backfill);
        return this;
    }

    @Override
    public DynamoDbLocal.Builder requireSignature(String accessKeyId, String secretAccessKey) {
        if (accessKeyId == null || accessKeyId.isEmpty() || secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("requireSignature needs an access key id and a secret access key");
        }
        signingKeys.put(accessKeyId, secretAccessKey);
        return this;
    }

    @Override
    public DynamoDbLocal start() {
        return new LocalServer(new ServerConfig(port, bindAddress, dataDirectory, inMemory, clock, shardRollover,
                streamRetention, iteratorLifetime, ttlInterval, indexCreation, signingKeys));
    }
}
