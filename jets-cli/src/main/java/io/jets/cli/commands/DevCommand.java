package io.jets.cli.commands;

import io.jets.cli.CliException;
import io.jets.cli.JetsCommand;
import io.jets.cli.Project;
import io.jets.cli.Workspace;
import io.jets.cli.app.LoadedApp;
import io.jets.cli.app.MavenApp;
import io.jets.cli.dev.DevLock;
import io.jets.cli.dev.ExclusiveLock;
import io.jets.cli.dev.DevStatus;
import io.jets.cli.dev.HotReload;
import io.jets.cli.dev.LineForwarder;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.runtime.local.LocalRuntime;
import io.jets.runtime.local.logs.LocalLogs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jets dev}: compiles the application, starts the local DynamoDB server with Streams and runs every
 * handler on its table's stream, as Lambda would; recompiles and reloads on change; stops on Ctrl-C or when
 * its thread is interrupted.
 */
@Command(name = "dev", description = "Runs the app locally: DynamoDB with Streams, your handlers, hot reload.")
public final class DevCommand implements Callable<Integer> {

    private static final Duration SCAN_INTERVAL = Duration.ofMillis(500);

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8000", paramLabel = "PORT", description = "DynamoDB port; 0 picks a free one (default 8000).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Durable data directory (default .jets/dynamodb).")
    Path dataDirectory;

    @Option(names = "--in-memory", description = "Keep tables in memory only (lost on exit).")
    boolean inMemory;

    @Mixin
    ServerSettings serverSettings = new ServerSettings();

    @Option(names = "--no-reload", description = "Do not watch for changes.")
    boolean noReload;

    @Option(names = "--quiet", description = "Do not echo what the functions log (read it with jets logs).")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        try (ExclusiveLock lock = DevLock.acquire(root.workspace().project())) {
            return run();
        }
    }

    private Integer run() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = root.workspace();
        Project project = workspace.project();
        MavenApp app = MavenApp.of(project, workspace.environment());

        if (app.compiledAndUnchanged()) {
            out.println("Compiled classes of " + project.config().name() + " are up to date (nothing changed since"
                    + " the last compile).");
        } else {
            out.println("Compiling " + project.config().name() + " (mvn -q compile)...");
            out.flush();
            app.compile().orThrow("The application does not compile");
        }
        LoadedApp loaded = LoadedApp.load(app);

        Path data = dataDirectory == null ? project.dynamoDbDirectory() : workspace.resolve(dataDirectory.toString());
        DynamoDbLocal.Builder builder = serverSettings.applyTo(DynamoDbLocal.builder().port(port));
        builder = inMemory ? builder.inMemory() : builder.dataDirectory(data);
        List<AutoCloseable> resources = new ArrayList<>();
        Thread main = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: stop the loop and wait for the cleanup below (not for the thread, which then calls System.exit).
        Thread shutdown = new Thread(() -> {
            main.interrupt();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jets-dev-shutdown");
        try {
            if (!inMemory) {
                resources.add(DataDirectoryLock.acquire(data)); // closed after the server
            }
            DynamoDbLocal server = LocalServers.start(builder, port);
            resources.add(0, server);
            out.println("DynamoDB local: " + server.endpoint() + (inMemory ? " (in memory)" : " (data in " + data + ")"));
            out.flush();
            LocalRuntime runtime = LocalRuntime.builder()
                    .endpoint(server.endpoint())
                    .wakeUpOn(server)
                    .config(project.config())
                    .functions(loaded.index().functions())
                    .dispatchers(loaded::newDispatcher)
                    .stateDirectory(project.stateDirectory())
                    .checkpointDirectory(inMemory ? ephemeralCheckpoints(resources) : project.mappingsDirectory())
                    .clock(workspace.clock())
                    .status(LineForwarder.to(out))
                    .start();
            resources.add(0, runtime);
            printFunctions(out, project, loaded, server);

            DevStatus status = new DevStatus(project.devStatusFile(), ProcessHandle.current().pid(),
                    server.endpoint(), workspace.clock().instant());
            resources.add(0, status::delete);
            List<Thread> followers = new ArrayList<>();
            resources.add(0, () -> followers.forEach(Thread::interrupt));
            if (!quiet) {
                follow(out, project, loaded, followers, workspace.clock().instant());
            }
            HotReload reload = new HotReload(app, runtime, loaded, out, next -> {
                if (!quiet) {
                    follow(out, project, next, followers, workspace.clock().instant());
                }
            });
            resources.add(() -> reload.current().close());
            Runtime.getRuntime().addShutdownHook(shutdown);
            out.println("Watching for changes. Press Ctrl-C to stop.");
            out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                status.write(runtime.status(), workspace.clock().instant());
                if (!noReload) {
                    reload.scan();
                }
                Thread.sleep(SCAN_INTERVAL.toMillis());
            }
            return 0;
        } catch (InterruptedException e) {
            return 0;
        } finally {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    out.println("While stopping: " + e.getMessage());
                }
            }
            loaded.close();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook is what stopped us
            }
        }
    }

    private static void printFunctions(PrintWriter out, Project project, LoadedApp loaded, DynamoDbLocal server) {
        List<FunctionDefinition> functions = loaded.index().functions();
        if (functions.isEmpty()) {
            out.println("No functions yet: add one with jets generate:event clerk --trigger dynamodb --method file");
        }
        for (FunctionDefinition function : functions) {
            for (TriggerDefinition trigger : function.triggers()) {
                String source = trigger.isStreamArn() ? trigger.source() : project.config().tableName(trigger.source());
                out.println("  " + function.name() + " <- " + source + " (" + function.className() + "#"
                        + function.methodName() + ")");
            }
        }
        out.println("Point the aws CLI at it with: --endpoint-url " + server.endpoint());
        if (!functions.isEmpty()) {
            out.println("Logs: jets logs -f -n " + functions.get(0).name());
        }
        out.flush();
    }

    /** Echoes new log lines of every function to the terminal, prefixed with the function name. */
    private static void follow(PrintWriter out, Project project, LoadedApp loaded, List<Thread> followers,
                               Instant from) {
        followers.forEach(Thread::interrupt);
        followers.clear();
        LocalLogs logs = LocalLogs.in(project.stateDirectory());
        for (FunctionDefinition function : loaded.index().functions()) {
            Thread thread = new Thread(() -> logs.follow(function.name(), from, line -> {
                synchronized (out) {
                    out.println("[" + function.name() + "] " + LogsCommand.format(line));
                    out.flush();
                }
            }), "jets-dev-follow-" + function.name());
            thread.setDaemon(true);
            thread.start();
            followers.add(thread);
        }
    }
    /**
     * Checkpoints of an in-memory run die with it: the server's streams are new on every start, and checkpoints left
     * in .jets/mappings would otherwise meet those of the durable store's streams (and report a redeploy that never
     * happened).
     */
    private static Path ephemeralCheckpoints(List<AutoCloseable> resources) {
        try {
            Path directory = Files.createTempDirectory("jets-dev-mappings");
            resources.add(() -> deleteTree(directory));
            return directory;
        } catch (IOException e) {
            throw new CliException("Cannot create a temporary directory for the in-memory run's checkpoints: "
                    + e.getMessage() + ". Set java.io.tmpdir to a writable directory.");
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
