package io.jets.test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.runtime.local.LocalRuntime;
import io.jets.runtime.local.MappingStatus;
import io.jets.runtime.local.logs.LocalLogs;
import io.jets.test.internal.AttributeValues;
import io.jets.test.internal.InvocationLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A running local Jets for one test: the in-memory DynamoDB server with Streams, the application's tables and its
 * event source mappings, with the handlers' invocations recorded so the test can wait for them.
 *
 * <pre>{@code
 * try (Jets jets = Jets.builder().projectDirectory(Path.of("examples/demo")).start()) {
 *     jets.dynamoDb().putItem(b -> b.tableName(jets.tableName("test-table"))
 *             .item(Map.of("id", AttributeValue.fromS("id-1"))));
 *     List<DynamodbStreamRecord> records = jets.awaitRecords("clerk_event-file", 1);
 * }
 * }</pre>
 *
 * In JUnit 5 tests, {@link JetsTest} starts and stops one per test.
 */
public final class Jets implements AutoCloseable {

    /** How long the await methods wait unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LOG_WAIT = Duration.ofSeconds(1);

    private final ProjectConfig config;
    private final List<FunctionDefinition> functions;
    private final DynamoDbLocal server;
    private final DynamoDbClient client;
    private final LocalRuntime runtime;
    private final InvocationLog invocations;
    private final Path stateDirectory;
    // Per function, how many invocations the test has already been shown by an await or assert: "further"
    // invocations are counted from there, so one that arrives before the assert is called is not missed.
    private final Map<String, Integer> observed = new java.util.concurrent.ConcurrentHashMap<>();

    Jets(ProjectConfig config, List<FunctionDefinition> functions, DynamoDbLocal server, DynamoDbClient client,
         LocalRuntime runtime, InvocationLog invocations, Path stateDirectory) {
        this.config = config;
        this.functions = List.copyOf(functions);
        this.server = server;
        this.client = client;
        this.runtime = runtime;
        this.invocations = invocations;
        this.stateDirectory = stateDirectory;
    }

    public static JetsBuilder builder() {
        return new JetsBuilder();
    }

    /** A client of the local server, ready to use. */
    public DynamoDbClient dynamoDb() {
        return client;
    }

    /** {@code http://127.0.0.1:<port>} of the local server, for clients of your own. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The project's configuration, as read from its {@code jets.properties}. */
    public ProjectConfig config() {
        return config;
    }

    /** The physical name of a table handlers name: {@code test-table} → {@code demo-dev_test-table}. */
    public String tableName(String logicalName) {
        return config.tableName(logicalName);
    }

    /**
     * Writes an item with PutItem to the table a handler names ({@code test-table}, namespaced as the handlers'
     * tables are), values given as plain Java values (String, Number, Boolean, byte[], List, Map, Set, null) or
     * SDK {@code AttributeValue}s.
     *
     * <pre>{@code jets.putItem("test-table", Map.of("id", "id-1", "name", "name-1"));}</pre>
     */
    public void putItem(String table, Map<String, ?> item) {
        client.putItem(b -> b.tableName(tableName(table)).item(AttributeValues.item(item)));
    }

    /** The functions running, as the compile-time index describes them. */
    public List<FunctionDefinition> functions() {
        return functions;
    }

    /** Where each event source mapping stands (waiting for its table, running, its last error). */
    public List<MappingStatus> mappings() {
        return runtime.status();
    }

    /** The invocations of {@code function} so far, failed ones included, in order. */
    public List<HandlerInvocation> invocations(String function) {
        requireFunction(function);
        return ofFunction(invocations.all(), function);
    }

    /** Forgets the invocations recorded so far. */
    public void clearInvocations() {
        invocations.clear();
        observed.clear();
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for {@code count} invocations of {@code function}, failed ones included. */
    public List<HandlerInvocation> awaitInvocations(String function, int count) {
        return awaitInvocations(function, count, DEFAULT_TIMEOUT);
    }

    /**
     * Waits for {@code count} invocations of {@code function}, failed ones included, and returns every invocation
     * seen by then (at least {@code count}); fails the test with what it got and the function's log otherwise.
     */
    public List<HandlerInvocation> awaitInvocations(String function, int count, Duration timeout) {
        requireFunction(function);
        List<HandlerInvocation> seen = await(all -> ofFunction(all, function).size() >= count, timeout);
        List<HandlerInvocation> mine = ofFunction(seen, function);
        if (mine.size() < count) {
            throw timedOut(function, count + " invocation(s)", mine.size() + " invocation(s)", timeout);
        }
        observed.put(function, mine.size());
        return mine;
    }

    /**
     * Watches {@code function} for {@code period} and fails the test if it has been invoked beyond the invocations
     * an earlier {@code await…} or {@code assertNoFurtherInvocations} call returned or saw (all of them, if there
     * was none): for writes that must not reach the handler, such as a put that changes nothing (no stream record)
     * or a record that the trigger's filters drop. An invocation that arrives before this method is called counts.
     */
    public void assertNoFurtherInvocations(String function, Duration period) {
        requireFunction(function);
        int before = observed.getOrDefault(function, 0);
        List<HandlerInvocation> seen = ofFunction(await(all -> ofFunction(all, function).size() > before, period),
                function);
        observed.put(function, seen.size());
        if (seen.size() > before) {
            HandlerInvocation unexpected = seen.get(before);
            throw new AssertionFailedError("Expected no further invocation of " + function + " within "
                    + period.toMillis() + " ms, got one with: " + unexpected.payload());
        }
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} until {@code function} has handled {@code count} records. */
    public List<DynamodbStreamRecord> awaitRecords(String function, int count) {
        return awaitRecords(function, count, DEFAULT_TIMEOUT);
    }

    /**
     * Waits until {@code function} has handled {@code count} stream records, counting the records of invocations
     * that returned normally (however Lambda-style batching grouped them), and returns those records in order.
     */
    public List<DynamodbStreamRecord> awaitRecords(String function, int count, Duration timeout) {
        requireFunction(function);
        await(all -> handledRecords(all, function) >= count, timeout);
        List<DynamodbStreamRecord> records = new ArrayList<>();
        List<HandlerInvocation> mine = invocations(function);
        observed.put(function, mine.size());
        for (HandlerInvocation invocation : mine) {
            if (invocation.succeeded()) {
                records.addAll(invocation.records());
            }
        }
        if (records.size() < count) {
            throw timedOut(function, count + " record(s) handled", records.size() + " record(s) handled", timeout);
        }
        return records;
    }

    /**
     * The lines {@code function} has logged (its output between Lambda's START, END and REPORT lines), including
     * the REPORT line of every invocation recorded so far: the runtime writes it just after the handler returns,
     * so this waits for it up to a second.
     */
    public List<String> logs(String function) {
        requireFunction(function);
        int invoked = invocations(function).size();
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        List<String> messages = readLog(function);
        while (reports(messages) < invoked && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            messages = readLog(function);
        }
        return messages;
    }

    private List<String> readLog(String function) {
        List<String> messages = new ArrayList<>();
        for (String line : LocalLogs.in(stateDirectory).read(function, Instant.EPOCH)) {
            int tab = line.indexOf('\t');
            messages.add(tab < 0 ? line : line.substring(tab + 1));
        }
        return messages;
    }

    private static long reports(List<String> messages) {
        return messages.stream().filter(line -> line.startsWith("REPORT RequestId: ")).count();
    }

    /** Stops the mappings and the server; the in-memory data is gone. */
    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            try {
                client.close();
            } finally {
                server.close();
                JetsBuilder.deleteQuietly(stateDirectory);
            }
        }
    }

    private List<HandlerInvocation> await(Predicate<List<HandlerInvocation>> done, Duration timeout) {
        try {
            return invocations.awaitUntil(done, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JetsTestException("Interrupted while waiting for invocations", e);
        }
    }

    private static long handledRecords(List<HandlerInvocation> all, String function) {
        return ofFunction(all, function).stream().filter(HandlerInvocation::succeeded)
                .mapToLong(i -> i.records().size()).sum();
    }

    private static List<HandlerInvocation> ofFunction(List<HandlerInvocation> all, String function) {
        return all.stream().filter(i -> i.functionName().equals(function)).toList();
    }

    private void requireFunction(String function) {
        if (functions.stream().noneMatch(f -> f.name().equals(function))) {
            throw new JetsTestException("Unknown function " + function + "; the functions running are "
                    + functions.stream().map(FunctionDefinition::name).toList());
        }
    }

    private AssertionFailedError timedOut(String function, String expected, String actual, Duration timeout) {
        StringBuilder message = new StringBuilder("Expected ").append(function).append(" to see ").append(expected)
                .append(" within ").append(timeout.toMillis()).append(" ms, got ").append(actual).append('.');
        for (MappingStatus mapping : mappings()) {
            if (mapping.function().equals(function)) {
                message.append("\nMapping on ").append(mapping.table()).append(": ").append(mapping.state());
                if (!mapping.lastError().isEmpty()) {
                    message.append(", last error: ").append(mapping.lastError());
                }
            }
        }
        List<String> log = logs(function);
        message.append("\nLog of ").append(function).append(log.isEmpty() ? ": (empty)" : ":");
        log.subList(Math.max(0, log.size() - 20), log.size()).forEach(line -> message.append("\n  ").append(line));
        return new AssertionFailedError(message.toString(), expected, actual);
    }
}
