package io.jets.dynamodb.local;

import java.net.URI;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The fixture every integration test of the server starts from: a {@link DynamoDbLocal} on port 0, in memory, and
 * the plain SDK v2 clients of {@link Clients} pointed at it. Closing it closes the clients, then the server.
 *
 * <pre>{@code
 * try (LocalServer local = LocalServer.start(b -> b.clock(clock))) {
 *     local.dynamoDb().listTables();
 * }
 * }</pre>
 */
public final class LocalServer implements AutoCloseable {

    private final DynamoDbLocal server;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;

    private LocalServer(DynamoDbLocal server) {
        this.server = server;
        this.dynamoDb = Clients.dynamoDb(server.endpoint());
        this.streams = Clients.streams(server.endpoint());
    }

    /** Starts an in-memory server on port 0 with the default options. */
    public static LocalServer start() {
        return start(UnaryOperator.identity());
    }

    /** Starts an in-memory server on port 0 with the options a test adds, such as its own clock. */
    public static LocalServer start(UnaryOperator<DynamoDbLocal.Builder> options) {
        return new LocalServer(options.apply(DynamoDbLocal.builder().port(0).inMemory()).start());
    }

    public DynamoDbLocal server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close();
        dynamoDb.close();
        server.close();
    }
}
