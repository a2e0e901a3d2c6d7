package io.jets.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.cli.JetsCommand;
import io.jets.cli.Project;
import io.jets.cli.Workspace;
import io.jets.cli.app.LoadedApp;
import io.jets.cli.app.MavenApp;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jets events}: every function with its tables, event source mapping settings and, while {@code jets dev}
 * runs, each mapping's stream ARN and live state (read from {@code .jets/dev.json}).
 */
@Command(name = "events", description = "Lists functions, their tables and mapping settings, and live state under jets dev.")
public final class EventsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--no-compile", description = "Use target/classes as it is instead of running mvn compile.")
    boolean noCompile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = root.workspace();
        Project project = workspace.project();
        MavenApp app = MavenApp.of(project, workspace.environment());
        if (!noCompile && !app.compiledAndUnchanged()) {
            app.compile().orThrow("The application does not compile");
        }
        Optional<JsonNode> live = liveStatus(project.devStatusFile());
        try (LoadedApp loaded = LoadedApp.load(app)) {
            List<FunctionDefinition> functions = loaded.index().functions();
            if (functions.isEmpty()) {
                out.println("No functions: add one with jets generate:event clerk --trigger dynamodb --method file");
                return 0;
            }
            for (FunctionDefinition function : functions) {
                out.println(function.name() + "  (" + project.config().physicalFunctionName(function.name()) + ", "
                        + function.className() + "#" + function.methodName() + ")");
                for (TriggerDefinition trigger : function.triggers()) {
                    String table = trigger.isStreamArn() ? trigger.source() : project.config().tableName(trigger.source());
                    out.println("  " + (trigger.isStreamArn() ? "stream " : "table  ") + table);
                    out.println("    " + settings(trigger));
                    out.println("    " + state(live, function.name(), trigger.source()));
                }
            }
            if (live.isEmpty()) {
                out.println();
                out.println("jets dev is not running: start it to see each mapping's stream ARN and live state.");
            }
            return 0;
        }
    }

    /** The mapping's properties with AWS's names, as they go into the EventSourceMapping. */
    static String settings(TriggerDefinition trigger) {
        List<String> parts = new ArrayList<>();
        parts.add("BatchSize=" + trigger.batchSize());
        parts.add("StartingPosition=" + trigger.startingPosition());
        parts.add("MaximumBatchingWindowInSeconds=" + trigger.maximumBatchingWindowInSeconds());
        parts.add("ParallelizationFactor=" + trigger.parallelizationFactor());
        parts.add("MaximumRetryAttempts=" + trigger.maximumRetryAttempts());
        parts.add("MaximumRecordAgeInSeconds=" + trigger.maximumRecordAgeInSeconds());
        parts.add("BisectBatchOnFunctionError=" + trigger.bisectBatchOnFunctionError());
        if (trigger.reportBatchItemFailures()) {
            parts.add("FunctionResponseTypes=ReportBatchItemFailures");
        }
        if (trigger.tumblingWindowInSeconds() > 0) {
            parts.add("TumblingWindowInSeconds=" + trigger.tumblingWindowInSeconds());
        }
        if (!trigger.onFailure().isEmpty()) {
            parts.add("OnFailure=" + trigger.onFailure());
        }
        if (!trigger.filters().isEmpty()) {
            parts.add("Filters=" + trigger.filters());
        }
        parts.add("Enabled=" + trigger.enabled());
        return String.join(" ", parts);
    }

    private static String state(Optional<JsonNode> live, String function, String source) {
        if (live.isEmpty()) {
            return "state: not running";
        }
        for (JsonNode mapping : live.get().path("mappings")) {
            if (mapping.path("function").asText().equals(function) && mapping.path("source").asText().equals(source)) {
                String arn = mapping.path("streamArn").asText();
                String error = mapping.path("lastError").asText();
                return "state: " + mapping.path("state").asText()
                        + (arn.isEmpty() ? "" : "  stream: " + arn)
                        + (mapping.path("position").asText().isEmpty() ? "" : "  position: " + mapping.path("position").asText())
                        + "  lag: " + mapping.path("lagMillis").asLong() + " ms"
                        + (error.isEmpty() ? "" : "  last error: " + error);
            }
        }
        return "state: not started by the running jets dev (restart it, or wait for hot reload)";
    }

    /** The status a live {@code jets dev} wrote; a file left by a process that is gone does not count. */
    static Optional<JsonNode> liveStatus(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode status = JSON.readTree(file.toFile());
            boolean alive = ProcessHandle.of(status.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(status) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
