package io.jets.dynamodb.local;

import java.net.URI;
import java.nio.file.Path;

/**
 * An embedded DynamoDB-compatible server with DynamoDB Streams, speaking the DynamoDB JSON 1.0 protocol over
 * HTTP ({@code DynamoDB_20120810} and {@code DynamoDBStreams_20120810} on one endpoint).
 *
 * <pre>{@code
 * try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(Path.of(".jets/dynamodb")).start()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.endpoint()) … .build();
 * }
 * }</pre>
 */
public interface DynamoDbLocal extends AutoCloseable {

    /** The port the server listens on (the real one when started on port 0). */
    int port();

    /** {@code http://127.0.0.1:<port>}. */
    URI endpoint();

    /**
     * Registers a listener run after every commit that appended stream records, so in-process consumers are
     * woken instead of polling on a timer. Listeners must return quickly; they run on the writing thread.
     */
    void addStreamListener(Runnable listener);

    /** Stops accepting requests and closes storage; acknowledged writes are already durable. */
    @Override
    void close();

    static Builder builder() {
        throw new UnsupportedOperationException("implemented by jets-dynamodb-local");
    }

    /** Configures and starts a server. */
    interface Builder {
        /** Port to listen on; 0 picks a free one. Default 8000. */
        Builder port(int port);

        /** Address to bind; default 127.0.0.1. */
        Builder bindAddress(String address);

        /** Directory of the durable store; default {@code .jets/dynamodb}. */
        Builder dataDirectory(Path directory);

        /** Keep everything in memory (lost on exit). */
        Builder inMemory();

        DynamoDbLocal start();
    }
}
