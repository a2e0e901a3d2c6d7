package io.jets.benchmarks;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.runtime.local.LocalRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The embedded server and the local runtime in this JVM, with one function listening to one table through the
 * benchmark's dispatcher: what {@code jets dev} runs, without the build.
 */
final class EmbeddedJets implements AutoCloseable {

    static final String FUNCTION = "bench-handler";

    private final DynamoDbLocal server;
    private final DynamoDbClient client;
    private final LocalRuntime runtime;

    private EmbeddedJets(DynamoDbLocal server, DynamoDbClient client, LocalRuntime runtime) {
        this.server = server;
        this.client = client;
        this.runtime = runtime;
    }

    /**
     * Starts the server (durable in {@code dataDirectory}, in memory when it is null), creates {@code table} with a
     * NEW_AND_OLD_IMAGES stream and starts one mapping on it with {@code batchSize}.
     */
    static EmbeddedJets start(Path dataDirectory, String table, int batchSize, RecordingDispatcher dispatcher) {
        Path state = temporaryDirectory();
        DynamoDbLocal.Builder builder = DynamoDbLocal.builder().port(0);
        DynamoDbLocal server = dataDirectory == null ? builder.inMemory().start()
                : builder.dataDirectory(dataDirectory).start();
        DynamoDbClient client = Clients.dynamoDb(server.endpoint());
        BenchTable.create(client, table);
        ProjectConfig config = new ProjectConfig("bench", "dev", "", "_", Map.of());
        TriggerDefinition trigger = new TriggerDefinition(table, batchSize, 0, StartingPosition.TRIM_HORIZON, 1,
                false, -1, -1, "", List.of(), false, 0, true);
        FunctionDefinition function = new FunctionDefinition(FUNCTION, RecordingDispatcher.class.getName(), "invoke",
                List.of(), List.of(trigger), 60, 1024, Map.of(), "");
        LocalRuntime runtime = LocalRuntime.builder()
                .endpoint(server.endpoint()).wakeUpOn(server)
                .config(config).functions(List.of(function))
                .dispatchers(() -> dispatcher)
                .stateDirectory(state)
                .status(System.err)
                .start();
        return new EmbeddedJets(server, client, runtime);
    }

    DynamoDbClient client() {
        return client;
    }

    /** Another client of the same server, for a writer thread of its own. */
    DynamoDbClient newClient() {
        return Clients.dynamoDb(server.endpoint());
    }

    @Override
    public void close() {
        runtime.close();
        client.close();
        server.close();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("jets-bench-state");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory for the runtime", e);
        }
    }
}
