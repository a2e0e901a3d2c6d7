package io.jets.runtime.local.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.FunctionDispatcher;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.runtime.local.LocalRuntime;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What a conformance test stands on: the embedded server on port 0 reached through the AWS SDK as a user's code
 * would, the demo project's config, and local runtimes whose function is a recording handler. Everything a
 * test checks is what the function receives and what lands in {@code .jets/}, never the runtime's internals.
 */
final class Lambda implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
    static final String TABLE = "demo-dev_test-table";
    static final String FUNCTION = "clerk_event-file";
    static final String PHYSICAL = "demo-dev-clerk_event-file";

    /** What the function does with one event; returns its response JSON, or null for none. */
    @FunctionalInterface
    interface Handler {
        String handle(String function, JsonNode event, Context context) throws Exception;
    }

    /** One invocation as the function saw it. */
    record Invocation(String function, JsonNode event, Context context, int remainingMillisAtStart) {

        List<JsonNode> records() {
            List<JsonNode> records = new ArrayList<>();
            event.path("Records").forEach(records::add);
            return records;
        }

        List<String> sequenceNumbers() {
            return records().stream().map(r -> r.path("dynamodb").path("SequenceNumber").asText()).toList();
        }

        List<String> ids() {
            return records().stream().map(r -> r.path("dynamodb").path("Keys").path("id").path("S").asText())
                    .toList();
        }
    }

    final DynamoDbLocal server;
    final DynamoDbClient dynamo;
    final DynamoDbStreamsClient streams;
    final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream statusBytes = new ByteArrayOutputStream();
    final Path state;
    private final List<LocalRuntime> runtimes = new ArrayList<>();

    Lambda(Path state) {
        this(state, server -> server);
    }

    /** With the server's stream settings (shard rollover, iterator lifetime, TTL interval) as the test needs. */
    Lambda(Path state, UnaryOperator<DynamoDbLocal.Builder> serverSettings) {
        this.state = state;
        this.server = serverSettings.apply(DynamoDbLocal.builder().port(0).inMemory()).start();
        this.dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** aws dynamodb create-table (id S HASH) and update-table with the given view type; returns the stream ARN. */
    String table(String table, StreamViewType view) {
        dynamo.createTable(b -> b.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return enableStream(table, view);
    }

    String table() {
        return table(TABLE, StreamViewType.NEW_AND_OLD_IMAGES);
    }

    String enableStream(String table, StreamViewType view) {
        dynamo.updateTable(b -> b.tableName(table).streamSpecification(StreamSpecification.builder()
                .streamEnabled(true).streamViewType(view).build()));
        return dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    void disableStream(String table) {
        dynamo.updateTable(b -> b.tableName(table)
                .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()));
    }

    void put(String id, String name) {
        put(TABLE, id, name);
    }

    void put(String table, String id, String name) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "id", AttributeValue.fromS(id), "name", AttributeValue.fromS(name))));
    }

    void delete(String table, String id) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
    }

    /** The stream's records as GetRecords returns them from TRIM_HORIZON of its first shard, in order. */
    List<software.amazon.awssdk.services.dynamodb.model.Record> streamRecords(String streamArn) {
        String shardId = shardId(streamArn);
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType("TRIM_HORIZON")).shardIterator();
        return streams.getRecords(b -> b.shardIterator(iterator)).records();
    }

    String shardId(String streamArn) {
        return streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    }

    /** A trigger on test-table: AWS's defaults, with the properties a test sets. */
    static Trigger trigger() {
        return new Trigger("test-table");
    }

    static FunctionDefinition function(String name, int timeoutSeconds, int memorySize, Trigger trigger) {
        return new FunctionDefinition(name, "app.ClerkEvent", "file", List.of(), List.of(trigger.build()),
                timeoutSeconds, memorySize, Map.of(), "");
    }

    static FunctionDefinition function(Trigger trigger) {
        return function(FUNCTION, 0, 0, trigger);
    }

    LocalRuntime start(Handler handler, FunctionDefinition... functions) {
        return start(Clock.systemUTC(), handler, functions);
    }

    LocalRuntime start(Clock clock, Handler handler, FunctionDefinition... functions) {
        LocalRuntime runtime = LocalRuntime.builder().endpoint(server.endpoint()).wakeUpOn(server).config(CONFIG)
                .functions(List.of(functions)).dispatchers(() -> new Recorder(invocations, handler))
                .stateDirectory(state).status(new PrintStream(statusBytes, true, StandardCharsets.UTF_8))
                .clock(clock).start();
        runtimes.add(runtime);
        return runtime;
    }

    String status() {
        return statusBytes.toString(StandardCharsets.UTF_8);
    }

    List<Invocation> of(String function) {
        return invocations.stream().filter(i -> i.function().equals(function)).toList();
    }

    /** Item ids of every record delivered, in delivery order, over all invocations. */
    List<String> deliveredIds() {
        return invocations.stream().flatMap(i -> i.ids().stream()).toList();
    }

    List<String> deliveredSequenceNumbers() {
        return invocations.stream().flatMap(i -> i.sequenceNumbers().stream()).toList();
    }

    @Override
    public void close() {
        runtimes.forEach(LocalRuntime::close);
        dynamo.close();
        streams.close();
        server.close();
    }

    /** The function in the test: records each event before running the test's handler. */
    private record Recorder(List<Invocation> invocations, Handler handler) implements FunctionDispatcher {
        @Override
        public void invoke(String functionName, InputStream event, OutputStream response, Context context)
                throws Exception {
            int remaining = context.getRemainingTimeInMillis();
            JsonNode tree = JSON.readTree(event);
            invocations.add(new Invocation(functionName, tree, context, remaining));
            String answer = handler.handle(functionName, tree, context);
            if (answer != null) {
                response.write(answer.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Builder of a {@link TriggerDefinition} with AWS's defaults (and Jets' TRIM_HORIZON). */
    static final class Trigger {
        private final String source;
        int batchSize = 100;
        int batchingWindow;
        StartingPosition position = StartingPosition.TRIM_HORIZON;
        int parallelization = 1;
        boolean bisect;
        int retries = -1;
        int maxAge = -1;
        String onFailure = "";
        List<String> filters = List.of();
        boolean reportFailures;
        int tumblingWindow;

        Trigger(String source) {
            this.source = source;
        }

        Trigger batchSize(int value) { batchSize = value; return this; }
        Trigger batchingWindow(int value) { batchingWindow = value; return this; }
        Trigger position(StartingPosition value) { position = value; return this; }
        Trigger bisect() { bisect = true; return this; }
        Trigger retries(int value) { retries = value; return this; }
        Trigger maxAge(int value) { maxAge = value; return this; }
        Trigger onFailure(String value) { onFailure = value; return this; }
        Trigger filters(String... value) { filters = List.of(value); return this; }
        Trigger reportFailures() { reportFailures = true; return this; }
        Trigger tumblingWindow(int value) { tumblingWindow = value; return this; }

        TriggerDefinition build() {
            return new TriggerDefinition(source, batchSize, batchingWindow, position, parallelization, bisect,
                    retries, maxAge, onFailure, filters, reportFailures, tumblingWindow, true);
        }
    }
}
