package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.cli.CliRun;
import io.jets.cli.LocalClients;
import io.jets.cli.RunningCommand;
import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.runtime.local.logs.LocalLogs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** {@code jets dev} on a generated project, driven through the real AWS SDK as a user's tools would. */
class DevCommandIT {

    static final String TABLE = "demo-dev_test-table";
    static final String HANDLER = "src/main/java/demo/events/ClerkEvent.java";

    @TempDir
    static Path dir;

    static Path project;

    @BeforeAll
    static void generate() {
        assertThat(CliRun.in(dir, "new", "demo").exitCode()).isZero();
        project = dir.resolve("demo");
        assertThat(CliRun.in(project, "generate:event", "clerk", "--method", "file").exitCode()).isZero();
    }

    @Test
    void dev_deliversStreamRecordsToTheHandler_andHotReloadKeepsCheckpoints() throws Exception {
        try (RunningCommand dev = RunningCommand.start(project, "dev", "--port", "0", "--in-memory", "--quiet")) {
            JsonNode status = awaitStatus(dev);
            assertThat(dev.out()).contains("clerk_event-file <- demo-dev_test-table (demo.events.ClerkEvent#file)");
            try (DynamoDbClient client = LocalClients.dynamoDb(URI.create(status.path("endpoint").asText()))) {
                createTableWithStream(client);
                put(client, "id-1", "name-1");
                await().atMost(Duration.ofSeconds(30)).until(() -> logs().stream().anyMatch(l -> l.contains("\"INSERT\"")));

                Path handler = project.resolve(HANDLER);
                Files.writeString(handler, Files.readString(handler).replace("\"event \"", "\"reloaded \""));
                await().atMost(Duration.ofSeconds(90)).until(() -> dev.out().contains("Reloaded: 1 function(s)"));
                put(client, "id-1", "name-1-edit-1");
                await().atMost(Duration.ofSeconds(30)).until(() -> logs().stream().anyMatch(l -> l.contains("reloaded {")));
            }
            List<String> logs = logs();
            assertThat(logs.stream().filter(l -> l.contains("\tSTART RequestId: "))).hasSize(2);
            assertThat(logs.stream().filter(l -> l.contains("\tevent {")).toList())
                    .singleElement().asString().contains("\"eventName\":\"INSERT\"");
            assertThat(logs.stream().filter(l -> l.contains("\treloaded {")).toList())
                    .singleElement().asString().contains("\"eventName\":\"MODIFY\"");

            CliRun events = CliRun.in(project, "events", "--no-compile");
            assertThat(events.out()).containsPattern("state: RUNNING  stream: arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/"
                    + TABLE + "/stream/\\S+  position: \\d+");
        }
        assertThat(project.resolve(".jets/dev.json")).doesNotExist();
        // an in-memory run's checkpoints die with its streams; they never mix with a durable run's
        Path mappings = project.resolve(".jets/mappings");
        assertThat(Files.exists(mappings) ? Files.list(mappings).toList() : List.of()).isEmpty();
    }

    @Test
    void dev_withACompileError_keepsRunningThePreviousCode() throws Exception {
        Path broken = project.resolve("src/main/java/demo/events/Broken.java");
        try (RunningCommand dev = RunningCommand.start(project, "dev", "--port", "0", "--in-memory", "--quiet")) {
            awaitStatus(dev);
            Files.writeString(broken, "class Broken {");
            // the compiler's lines follow the notice; wait for them rather than read between the two writes
            await().atMost(Duration.ofSeconds(90)).until(() -> dev.out().contains("Compile failed; the previous code keeps running:")
                    && dev.out().contains("Broken.java:[1,15]"));
            assertThat(dev.out()).contains("Broken.java:[1,15] reached end of file while parsing");
            assertThat(dev.isRunning()).isTrue();
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    @Test
    void dev_whileAnotherRunsInTheProject_refusesInOneLine_soNoChangeIsDeliveredTwice() throws Exception {
        try (RunningCommand first = RunningCommand.start(project, "dev", "--port", "0", "--in-memory", "--quiet")) {
            JsonNode status = awaitStatus(first);

            // without the lock the second one would run, and deliver, until stopped
            CliRun second = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> CliRun.in(project, "dev", "--port", "0", "--in-memory"));

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.out()).isEmpty();
            assertThat(second.err()).isEqualTo("Error: jets dev is already running in " + project + " (pid "
                    + ProcessHandle.current().pid() + ", " + status.path("endpoint").asText() + "). A second one would "
                    + "run every handler twice for each change: use that one, or stop it (Ctrl-C) first."
                    + System.lineSeparator());
            assertThat(first.isRunning()).isTrue();
            assertThat(project.resolve(".jets/dev.json")).exists();
        }
    }

    @Test
    void dynamodbLocal_onADataDirectoryInUse_saysSoInOneLine_andStopsFreeingIt() throws Exception {
        Path data = dir.resolve("shared-data");
        try (RunningCommand first = RunningCommand.start(dir, "dynamodb-local", "--port", "0", "--data-dir",
                data.toString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.out().contains("Press Ctrl-C to stop."));

            CliRun second = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CliRun.in(dir, "dynamodb-local", "--port", "0", "--data-dir", data.toString()));

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).isEqualTo("Error: The data directory " + data + " is in use by another local "
                    + "DynamoDB server (jets dev or jets dynamodb-local). Use that one, stop it first, or choose "
                    + "another directory with --data-dir (or --in-memory)." + System.lineSeparator());
            assertThat(first.isRunning()).isTrue();
        }
        try (RunningCommand again = RunningCommand.start(dir, "dynamodb-local", "--port", "0", "--data-dir",
                data.toString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> again.out().contains("Press Ctrl-C to stop."));
        }
    }

    @Test
    void dynamodbLocal_onTheDataDirectoryOfARunningDev_isRefused() throws Exception {
        Path data = dir.resolve("dev-data");
        try (RunningCommand dev = RunningCommand.start(project, "dev", "--port", "0", "--data-dir", data.toString(),
                "--quiet", "--no-reload")) {
            awaitStatus(dev);

            CliRun server = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CliRun.in(dir, "dynamodb-local", "--port", "0", "--data-dir", data.toString()));

            assertThat(server.exitCode()).isEqualTo(1);
            assertThat(server.err()).startsWith("Error: The data directory " + data + " is in use by another local "
                    + "DynamoDB server (jets dev or jets dynamodb-local).");
        }
    }

    @Test
    void dynamodbLocal_onAPortInUse_saysSoInOneLine() {
        try (DynamoDbLocal taken = DynamoDbLocal.builder().port(0).inMemory().start()) {
            CliRun run = CliRun.in(dir, "dynamodb-local", "--port", String.valueOf(taken.port()), "--in-memory");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("Error: Port " + taken.port() + " is already in use. Stop what runs there, "
                    + "or choose another port with --port (0 picks a free one)." + System.lineSeparator());
        }
    }

    @Test
    void dev_onAPortInUse_saysSoInOneLineAndLeavesNothingRunning() {
        try (DynamoDbLocal taken = DynamoDbLocal.builder().port(0).inMemory().start()) {
            CliRun run = CliRun.in(project, "dev", "--port", String.valueOf(taken.port()), "--in-memory");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("Error: Port " + taken.port() + " is already in use. Stop what runs there, "
                    + "or choose another port with --port (0 picks a free one)." + System.lineSeparator());
            assertThat(project.resolve(".jets/dev.json")).doesNotExist();
        }
    }

    @Test
    void dev_startedAgainWithNothingChanged_skipsMavenCompile() throws Exception {
        try (RunningCommand dev = RunningCommand.start(project, "dev", "--port", "0", "--in-memory", "--quiet",
                "--no-reload")) {
            awaitStatus(dev);
        }
        try (RunningCommand again = RunningCommand.start(project, "dev", "--port", "0", "--in-memory", "--quiet",
                "--no-reload")) {
            awaitStatus(again);
            assertThat(again.out()).contains("Compiled classes of demo are up to date (nothing changed since the last"
                    + " compile).").doesNotContain("mvn -q compile");
        }
    }

    @Test
    void dev_requiringSignatures_stillFeedsTheHandlers_andRefusesOtherCredentials() throws Exception {
        try (RunningCommand dev = RunningCommand.start(project, "dev", "--port", "0", "--in-memory", "--quiet",
                "--no-reload", "--require-signature", "dev-key:dev-secret")) {
            URI endpoint = URI.create(awaitStatus(dev).path("endpoint").asText());
            try (DynamoDbClient client = LocalClients.dynamoDb(endpoint, "dev-key", "dev-secret");
                 DynamoDbClient stranger = LocalClients.dynamoDb(endpoint)) {
                createTableWithStream(client);
                put(client, "signed-1", "name-1");
                // the mappings read the embedded server's streams in process, not as an unsigned HTTP client
                await().atMost(Duration.ofSeconds(30)).until(() -> logs().stream()
                        .anyMatch(l -> l.contains("\"INSERT\"") && l.contains("signed-1")));
                assertThatThrownBy(stranger::listTables).isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
            }
        }
    }

    private static JsonNode awaitStatus(RunningCommand dev) {
        Path file = project.resolve(".jets/dev.json");
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            assertThat(dev.isRunning()).as(dev.out() + dev.err()).isTrue();
            return Files.exists(file);
        });
        return await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> new ObjectMapper().readTree(file.toFile()), s -> s.has("endpoint"));
    }

    private static List<String> logs() {
        return LocalLogs.in(project.resolve(".jets")).read("clerk_event-file", Instant.EPOCH);
    }

    private static void createTableWithStream(DynamoDbClient client) {
        client.createTable(b -> b.tableName(TABLE)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.updateTable(b -> b.tableName(TABLE).streamSpecification(StreamSpecification.builder()
                .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
    }

    private static void put(DynamoDbClient client, String id, String name) {
        client.putItem(b -> b.tableName(TABLE).item(Map.of(
                "id", AttributeValue.fromS(id), "name", AttributeValue.fromS(name))));
    }
}
