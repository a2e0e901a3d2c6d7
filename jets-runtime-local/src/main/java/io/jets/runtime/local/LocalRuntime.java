package io.jets.runtime.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.FunctionDispatcher;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.runtime.local.failures.LocalFailures;
import io.jets.runtime.local.internal.Checkpoint;
import io.jets.runtime.local.internal.DispatcherPool;
import io.jets.runtime.local.internal.EventPayload;
import io.jets.runtime.local.internal.EventSourceMapping;
import io.jets.runtime.local.internal.FailureWriter;
import io.jets.runtime.local.internal.FunctionSettings;
import io.jets.runtime.local.internal.HttpStreamsApi;
import io.jets.runtime.local.internal.Invoker;
import io.jets.runtime.local.internal.MappingContext;
import io.jets.runtime.local.internal.OutputRouter;
import io.jets.runtime.local.internal.Signal;
import io.jets.runtime.local.internal.StreamsApi;
import io.jets.runtime.local.logs.FunctionLogWriter;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an application's DynamoDB triggers locally, the way Lambda's event source mappings run them on AWS: one
 * mapping per trigger reads the table's stream from the local server, batches the records and invokes the
 * function in process with Lambda's exact payload, error handling and logs ({@code .jets/logs/<function>.log}).
 * Checkpoints under {@code .jets/mappings/} survive restarts. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using AWS Lambda with Amazon DynamoDB</a>.
 *
 * <pre>{@code
 * try (LocalRuntime runtime = LocalRuntime.builder()
 *         .endpoint(server.endpoint()).wakeUpOn(server)
 *         .config(config).functions(index.functions())
 *         .dispatchers(() -> FunctionDispatcher.create(classLoader, index))
 *         .stateDirectory(Path.of(".jets"))
 *         .start()) {
 *     runtime.status().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class LocalRuntime implements AutoCloseable {

    /** Lambda polls each shard four times a second. */
    static final Duration LAMBDA_POLL = Duration.ofMillis(250);
    /** With the server's signal, polling is only a safety net. */
    static final Duration SIGNALLED_POLL = Duration.ofSeconds(1);
    static final Duration LIFECYCLE_POLL = Duration.ofMillis(500);

    private final Builder settings;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final StreamsApi api;
    private final EventPayload payload = new EventPayload(json);
    private final Signal signal = new Signal();
    private final Map<String, FunctionLogWriter> logs = new HashMap<>();
    private final ExecutorService lanes = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "jets-lane");
        thread.setDaemon(true);
        return thread;
    });
    private final FailureWriter failures;
    private OutputRouter router;
    private volatile DispatcherPool pool;
    private List<FunctionDefinition> functions;
    private List<EventSourceMapping> mappings = List.of();
    private boolean started;

    private LocalRuntime(Builder settings) {
        this.settings = settings;
        this.api = settings.api != null ? settings.api
                : new HttpStreamsApi(settings.endpoint, json, inProcess(settings.embedded, settings.endpoint));
        this.failures = new FailureWriter(settings.stateDirectory, settings.clock, json);
        this.functions = List.copyOf(settings.functions);
        this.pool = new DispatcherPool(settings.dispatchers, settings.clock);
        if (settings.wakeUp != null) {
            settings.wakeUp.accept(signal::fire);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Calls into the embedded server when it is the one the runtime reads; null means over HTTP. */
    private static HttpStreamsApi.Transport inProcess(DynamoDbLocal server, URI endpoint) {
        if (server == null || !server.endpoint().equals(endpoint)) {
            return null;
        }
        return (target, body) -> {
            try {
                DynamoDbLocal.Answer answer = server.call(target, body);
                return new HttpStreamsApi.Reply(answer.status(), answer.body());
            } catch (IllegalStateException e) {
                throw new java.io.IOException(e.getMessage(), e);
            }
        };
    }

    /** Starts every enabled mapping; each waits for its table and stream if they do not exist yet. */
    public synchronized LocalRuntime start() {
        if (!started) {
            started = true;
            router = OutputRouter.install();
            mappings = createMappings();
            mappings.forEach(EventSourceMapping::start);
        }
        return this;
    }

    /**
     * Swaps in new handlers (hot reload): the mappings stop after their current invocation and start again on
     * the new functions from their checkpoints, so nothing is lost or replayed. A batch that was failing is
     * retried with the new code.
     */
    public synchronized void reload(Supplier<FunctionDispatcher> dispatchers, List<FunctionDefinition> newFunctions) {
        Objects.requireNonNull(dispatchers, "dispatchers");
        validate(newFunctions);
        mappings.forEach(EventSourceMapping::close);
        pool = new DispatcherPool(dispatchers, settings.clock);
        functions = List.copyOf(newFunctions);
        mappings = started ? createMappings() : List.of();
        mappings.forEach(EventSourceMapping::start);
    }

    /** One entry per trigger, for {@code jets events}. */
    public synchronized List<MappingStatus> status() {
        if (!started) {
            return createMappings().stream().map(EventSourceMapping::status).toList();
        }
        return mappings.stream().map(EventSourceMapping::status).toList();
    }

    @Override
    public synchronized void close() {
        mappings.forEach(EventSourceMapping::close);
        lanes.shutdownNow();
        if (router != null) {
            router.close();
        }
        logs.values().forEach(FunctionLogWriter::close);
        logs.clear();
    }

    private List<EventSourceMapping> createMappings() {
        List<EventSourceMapping> created = new ArrayList<>();
        for (FunctionDefinition function : functions) {
            FunctionSettings functionSettings = FunctionSettings.of(function, settings.config);
            FunctionLogWriter log = logs.computeIfAbsent(function.name(),
                    name -> FunctionLogWriter.open(settings.stateDirectory, name, settings.clock));
            Invoker invoker = new Invoker(functionSettings, log, router);
            for (TriggerDefinition trigger : function.triggers()) {
                Checkpoint checkpoint = Checkpoint.load(MappingContext.checkpointFile(settings.checkpointDirectory(),
                        function.name(), trigger.source()), json);
                MappingContext context = new MappingContext(function, trigger, settings.config, settings.endpoint,
                        api, payload, checkpoint, signal, settings.wakeUp != null ? SIGNALLED_POLL : LAMBDA_POLL,
                        LIFECYCLE_POLL, invoker, () -> pool, failures, lanes, settings.clock, settings.status, json);
                created.add(new EventSourceMapping(context));
            }
        }
        return created;
    }

    private static void validate(List<FunctionDefinition> functions) {
        Objects.requireNonNull(functions, "functions");
        for (FunctionDefinition function : functions) {
            for (TriggerDefinition trigger : function.triggers()) {
                if (!trigger.onFailure().isEmpty()) {
                    try {
                        LocalFailures.service(trigger.onFailure());
                    } catch (IllegalArgumentException e) {
                        throw new LocalRuntimeException(function.name() + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    /** Configures a {@link LocalRuntime}; endpoint, config, functions, dispatchers and stateDirectory are required. */
    public static final class Builder {
        private URI endpoint;
        private Consumer<Runnable> wakeUp;
        private DynamoDbLocal embedded;
        private ProjectConfig config;
        private List<FunctionDefinition> functions;
        private Supplier<FunctionDispatcher> dispatchers;
        private Path stateDirectory;
        private Path checkpointDirectory;
        private Clock clock = Clock.systemUTC();
        private PrintStream status = System.out;
        private StreamsApi api;

        private Builder() {
        }

        /** The DynamoDB endpoint whose streams are read, e.g. {@code http://127.0.0.1:8000}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Be woken by the embedded server whenever it commits stream records (no polling delay); when it is also
         * the {@link #endpoint(URI)}, its streams are read in-process, without HTTP round trips.
         */
        public Builder wakeUpOn(DynamoDbLocal server) {
            this.embedded = server;
            return wakeUpOn(server::addStreamListener);
        }

        /** Register the runtime's wake-up callback with whatever signals new stream records. */
        public Builder wakeUpOn(Consumer<Runnable> registration) {
            this.wakeUp = registration;
            return this;
        }

        public Builder config(ProjectConfig config) {
            this.config = config;
            return this;
        }

        public Builder functions(List<FunctionDefinition> functions) {
            this.functions = functions;
            return this;
        }

        /**
         * Makes a dispatcher ("container") for each concurrent invocation. One that is {@link AutoCloseable} is
         * closed when its container is discarded (its handler timed out or failed to initialise); the idle ones are
         * the supplier's to close after {@link LocalRuntime#close()} or a {@link LocalRuntime#reload}.
         */
        public Builder dispatchers(Supplier<FunctionDispatcher> dispatchers) {
            this.dispatchers = dispatchers;
            return this;
        }

        /** The app's {@code .jets} directory: logs, mappings (checkpoints) and failures live under it. */
        public Builder stateDirectory(Path stateDirectory) {
            this.stateDirectory = stateDirectory;
            return this;
        }

        /**
         * Where mapping checkpoints are kept; default {@code <stateDirectory>/mappings}. A runtime reading a
         * server that forgets everything on exit (in memory) keeps them apart, so that they never meet the
         * checkpoints of the durable store's streams.
         */
        public Builder checkpointDirectory(Path checkpointDirectory) {
            this.checkpointDirectory = checkpointDirectory;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Where status lines go ("waiting for table …"); default {@code System.out}. */
        public Builder status(PrintStream status) {
            this.status = status;
            return this;
        }

        /** Reads streams through {@code api} instead of HTTP (tests). */
        Builder api(StreamsApi api) {
            this.api = api;
            return this;
        }

        public LocalRuntime build() {
            require(endpoint, "endpoint", "endpoint(URI)");
            require(config, "config", "config(ProjectConfig)");
            require(functions, "functions", "functions(List<FunctionDefinition>)");
            require(dispatchers, "dispatchers", "dispatchers(Supplier<FunctionDispatcher>)");
            require(stateDirectory, "stateDirectory", "stateDirectory(Path)");
            require(clock, "clock", "clock(Clock)");
            require(status, "status", "status(PrintStream)");
            validate(functions);
            return new LocalRuntime(this);
        }

        public LocalRuntime start() {
            return build().start();
        }

        private Path checkpointDirectory() {
            return checkpointDirectory != null ? checkpointDirectory : stateDirectory.resolve("mappings");
        }

        private static void require(Object value, String name, String setter) {
            if (value == null) {
                throw new LocalRuntimeException(name + " is required: call " + setter + " on the builder");
            }
        }
    }
}
