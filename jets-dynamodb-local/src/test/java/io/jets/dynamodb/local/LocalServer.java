package io.jets.dynamodb.local;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The fixture every integration test of the server starts from: a {@link DynamoDbLocal} on port 0, in memory, and
 * the plain SDK v2 clients of {@link Clients} pointed at it. Closing it closes the clients, then the server.
 *
 * <p>Registered on a static field it serves the whole class and closes after the last test; on an instance field
 * it serves one test and closes after it, so a test that drives its own clock gets a fresh server each time.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalServer local = LocalServer.start();
 * private static final DynamoDbClient client = local.dynamoDb();
 * }</pre>
 */
public final class LocalServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final DynamoDbLocal server;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private boolean servesWholeClass;

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

    /**
     * Indexes that UpdateTable adds are ACTIVE at once, for tests that use them right away rather than walk their
     * creation: {@code LocalServer.start(LocalServer::instantIndexes)}.
     */
    public static DynamoDbLocal.Builder instantIndexes(DynamoDbLocal.Builder builder) {
        return builder.indexCreation(Duration.ZERO, Duration.ZERO, Duration.ZERO);
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

    // Only an extension on a static field sees beforeAll; it also sees every afterEach, which must not close it.
    @Override
    public void beforeAll(ExtensionContext context) {
        servesWholeClass = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!servesWholeClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
