package io.jets.runtime.local;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The embedded server on port 0 with the demo project's table created and its stream enabled, and runtimes
 * reading it with a {@link RecordingDispatcher}.
 */
final class ServerFixture implements AutoCloseable {

    static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
    static final String TABLE = "demo-dev_test-table";

    final LocalServer local = new LocalServer();
    final List<RecordingDispatcher.Call> calls = RecordingDispatcher.newCalls();
    final ByteArrayOutputStream statusBytes = new ByteArrayOutputStream();
    final PrintStream status = new PrintStream(statusBytes, true, StandardCharsets.UTF_8);
    final Path stateDirectory;
    String streamArn;

    ServerFixture(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    ServerFixture withTable() {
        local.createTable(TABLE);
        streamArn = local.enableStream(TABLE);
        return this;
    }

    /** A trigger on test-table with the given properties (AWS defaults otherwise). */
    static TriggerDefinition trigger(int batchSize, int batchingWindow, StartingPosition position, int parallelization,
                                     boolean bisect, int retries, int maxAge, String onFailure, List<String> filters,
                                     boolean reportFailures, int tumblingWindow) {
        return new TriggerDefinition("test-table", batchSize, batchingWindow, position, parallelization, bisect,
                retries, maxAge, onFailure, filters, reportFailures, tumblingWindow, true);
    }

    static FunctionDefinition function(String name, int timeoutSeconds, TriggerDefinition trigger) {
        return new FunctionDefinition(name, "app.ClerkEvent", "file", List.of(), List.of(trigger), timeoutSeconds,
                0, Map.of(), "");
    }

    LocalRuntime start(RecordingDispatcher.Behaviour behaviour, FunctionDefinition... functions) {
        return start(Clock.systemUTC(), behaviour, functions);
    }

    LocalRuntime start(Clock clock, RecordingDispatcher.Behaviour behaviour, FunctionDefinition... functions) {
        return LocalRuntime.builder().endpoint(local.server.endpoint()).wakeUpOn(local.server).config(CONFIG)
                .functions(List.of(functions)).dispatchers(() -> new RecordingDispatcher(calls, behaviour))
                .stateDirectory(stateDirectory).status(status).clock(clock).start();
    }

    void put(String id, String name) {
        local.put(TABLE, id, name);
    }

    String status() {
        return statusBytes.toString(StandardCharsets.UTF_8);
    }

    List<String> delivered() {
        return calls.stream().flatMap(c -> c.sequenceNumbers().stream()).toList();
    }

    /** The item ids of every delivered record, in delivery order. */
    List<String> deliveredIds() {
        return calls.stream().flatMap(c -> c.event().path("Records").findValues("Keys").stream())
                .map(k -> k.path("id").path("S").asText()).toList();
    }

    @Override
    public void close() {
        local.close();
    }
}
