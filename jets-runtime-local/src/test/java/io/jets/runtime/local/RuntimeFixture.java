package io.jets.runtime.local;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds runtimes over {@link FakeStreams} for the demo project ({@code demo-dev_} tables). */
final class RuntimeFixture {

    static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
    static final URI ENDPOINT = URI.create("http://localhost:8000");

    final FakeStreams streams = new FakeStreams();
    final List<RecordingDispatcher.Call> calls = RecordingDispatcher.newCalls();
    final ByteArrayOutputStream statusBytes = new ByteArrayOutputStream();
    final PrintStream status = new PrintStream(statusBytes, true, StandardCharsets.UTF_8);
    final Path stateDirectory;

    RuntimeFixture(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    static FunctionDefinition function(String name, TriggerDefinition... triggers) {
        return new FunctionDefinition(name, "app.ClerkEvent", "file", List.of(), List.of(triggers), 0, 0, Map.of(), "");
    }

    static FunctionDefinition function(String name, int timeoutSeconds, TriggerDefinition... triggers) {
        return new FunctionDefinition(name, "app.ClerkEvent", "file", List.of(), List.of(triggers), timeoutSeconds,
                0, Map.of(), "");
    }

    LocalRuntime.Builder builder(RecordingDispatcher.Behaviour behaviour, FunctionDefinition... functions) {
        return LocalRuntime.builder().endpoint(ENDPOINT).config(CONFIG).functions(List.of(functions))
                .dispatchers(() -> new RecordingDispatcher(calls, behaviour)).stateDirectory(stateDirectory)
                .status(status).api(streams);
    }

    LocalRuntime start(RecordingDispatcher.Behaviour behaviour, FunctionDefinition... functions) {
        return builder(behaviour, functions).start();
    }

    String status() {
        return statusBytes.toString(StandardCharsets.UTF_8);
    }

    List<String> delivered() {
        return calls.stream().flatMap(c -> c.sequenceNumbers().stream()).toList();
    }
}
