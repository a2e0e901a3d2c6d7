package io.jets.dynamodb.local.internal;

import io.jets.dynamodb.local.DynamoDbLocal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The builder behind {@link DynamoDbLocal#builder()}. */
public final class ServerBuilder implements DynamoDbLocal.Builder {

    private ServerConfig config = ServerConfig.defaults();

    @Override
    public DynamoDbLocal.Builder port(int port) {
        config = new ServerConfig(port, config.bindAddress(), config.dataDirectory(), config.inMemory(),
                config.clock(), config.shardRollover(), config.streamRetention(), config.iteratorLifetime(),
                config.ttlInterval());
        return this;
    }

    @Override
    public DynamoDbLocal.Builder bindAddress(String address) {
        config = new ServerConfig(config.port(), address, config.dataDirectory(), config.inMemory(),
                config.clock(), config.shardRollover(), config.streamRetention(), config.iteratorLifetime(),
                config.ttlInterval());
        return this;
    }

    @Override
    public DynamoDbLocal.Builder dataDirectory(Path directory) {
        config = new ServerConfig(config.port(), config.bindAddress(), directory, false, config.clock(),
                config.shardRollover(), config.streamRetention(), config.iteratorLifetime(), config.ttlInterval());
        return this;
    }

    @Override
    public DynamoDbLocal.Builder inMemory() {
        config = new ServerConfig(config.port(), config.bindAddress(), config.dataDirectory(), true, config.clock(),
                config.shardRollover(), config.streamRetention(), config.iteratorLifetime(), config.ttlInterval());
        return this;
    }

    @Override
    public DynamoDbLocal.Builder clock(Clock clock) {
        config = new ServerConfig(config.port(), config.bindAddress(), config.dataDirectory(), config.inMemory(),
                clock, config.shardRollover(), config.streamRetention(), config.iteratorLifetime(),
                config.ttlInterval());
        return this;
    }

    @Override
    public DynamoDbLocal.Builder shardRollover(Duration period) {
        config = new ServerConfig(config.port(), config.bindAddress(), config.dataDirectory(), config.inMemory(),
                config.clock(), period, config.streamRetention(), config.iteratorLifetime(), config.ttlInterval());
        return this;
    }

    @Override
    public DynamoDbLocal.Builder streamRetention(Duration retention) {
        config = new ServerConfig(config.port(), config.bindAddress(), config.dataDirectory(), config.inMemory(),
                config.clock(), config.shardRollover(), retention, config.iteratorLifetime(), config.ttlInterval());
        return this;
    }

    @Override
    public DynamoDbLocal.Builder iteratorLifetime(Duration lifetime) {
        config = new ServerConfig(config.port(), config.bindAddress(), config.dataDirectory(), config.inMemory(),
                config.clock(), config.shardRollover(), config.streamRetention(), lifetime, config.ttlInterval());
        return this;
    }

    @Override
    public DynamoDbLocal.Builder ttlInterval(Duration interval) {
        config = new ServerConfig(config.port(), config.bindAddress(), config.dataDirectory(), config.inMemory(),
                config.clock(), config.shardRollover(), config.streamRetention(), config.iteratorLifetime(),
                interval);
        return this;
    }

    @Override
    public DynamoDbLocal start() {
        return new LocalServer(config);
    }
}
