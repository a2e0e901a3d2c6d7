package io.jets.test;

import io.jets.core.FunctionDispatcher;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.runtime.local.LocalRuntime;
import io.jets.test.internal.CapturingDispatcher;
import io.jets.test.internal.InvocationLog;
import io.jets.test.internal.Tables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Configures and starts a {@link Jets}; every setting has a default that suits a Maven module's tests. */
public final class JetsBuilder {

    private Path projectDirectory = Path.of("");
    private Map<String, String> environment = System.getenv();
    private ClassLoader classLoader;
    private Set<String> functionNames = Set.of();
    private boolean createTables = true;
    private String partitionKey = "id";
    private String sortKey = "";
    private StreamViewType streamViewType = StreamViewType.NEW_AND_OLD_IMAGES;
    private PrintStream status = System.out;
    private Clock clock = Clock.systemUTC();

    JetsBuilder() {
    }

    /** The directory of {@code jets.properties}; default the working directory (the module's, under Maven). */
    public JetsBuilder projectDirectory(Path directory) {
        this.projectDirectory = directory;
        return this;
    }

    /** Stands for the process environment when reading the config ({@code JETS_ENV}); default the real one. */
    public JetsBuilder environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** Where the handler index and classes are found; default the thread's context class loader. */
    public JetsBuilder classLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
        return this;
    }

    /** Run only these functions; default every function in the index. */
    public JetsBuilder functions(String... names) {
        this.functionNames = Set.of(names);
        return this;
    }

    /** Whether to create the tables the handlers name (default true). */
    public JetsBuilder createTables(boolean createTables) {
        this.createTables = createTables;
        return this;
    }

    /** Key schema of the tables created: a partition key and an optional sort key (empty), both strings. */
    public JetsBuilder keys(String partitionKey, String sortKey) {
        if (partitionKey == null || partitionKey.isBlank()) {
            throw new JetsTestException("partitionKey must be an attribute name, got: '" + partitionKey + "'");
        }
        this.partitionKey = partitionKey;
        this.sortKey = sortKey == null ? "" : sortKey;
        return this;
    }

    /** StreamViewType of the tables created; default NEW_AND_OLD_IMAGES. */
    public JetsBuilder streamViewType(StreamViewType viewType) {
        if (viewType == null || viewType == StreamViewType.UNKNOWN_TO_SDK_VERSION) {
            throw new JetsTestException("streamViewType must be one of NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, "
                    + "KEYS_ONLY, got: " + viewType);
        }
        this.streamViewType = viewType;
        return this;
    }

    /** Where the mappings' status lines go ("waiting for table …"); default {@code System.out}. */
    public JetsBuilder status(PrintStream status) {
        this.status = status;
        return this;
    }

    public JetsBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Starts the server, creates the tables and starts the mappings. */
    public Jets start() {
        ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        ProjectConfig config = ProjectConfig.load(projectDirectory, environment);
        HandlerIndex index = HandlerIndex.load(loader);
        List<FunctionDefinition> functions = select(index);
        Path state = temporaryDirectory();
        DynamoDbLocal server = DynamoDbLocal.builder().port(0).inMemory().start();
        DynamoDbClient client = null;
        try {
            client = client(server);
            if (createTables) {
                for (String table : Tables.named(functions, config)) {
                    Tables.create(client, table, partitionKey, sortKey, streamViewType);
                }
            }
            InvocationLog invocations = new InvocationLog();
            LocalRuntime runtime = LocalRuntime.builder()
                    .endpoint(server.endpoint()).wakeUpOn(server)
                    .config(config).functions(functions)
                    .dispatchers(() -> new CapturingDispatcher(FunctionDispatcher.create(loader, index), invocations,
                            clock))
                    .stateDirectory(state).status(status).clock(clock)
                    .start();
            return new Jets(config, functions, server, client, runtime, invocations, state);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            server.close();
            deleteQuietly(state);
            throw e;
        }
    }

    private List<FunctionDefinition> select(HandlerIndex index) {
        if (index.functions().isEmpty()) {
            throw new JetsTestException("No handlers found: " + HandlerIndex.RESOURCE + " is not on the class path. "
                    + "Compile the application with jets-core on the class path, so its annotation processor runs");
        }
        if (functionNames.isEmpty()) {
            return index.functions();
        }
        List<String> known = index.functions().stream().map(FunctionDefinition::name).toList();
        for (String name : functionNames) {
            if (!known.contains(name)) {
                throw new JetsTestException("Unknown function " + name + "; the application's functions are " + known);
            }
        }
        return index.functions().stream().filter(f -> functionNames.contains(f.name())).toList();
    }

    private static DynamoDbClient client(DynamoDbLocal server) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("jets", "jets")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("jets-test");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the local runtime's state", e);
        }
    }

    static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the test's outcome must not depend on it.
        }
    }
}
