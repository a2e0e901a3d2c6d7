package io.jets.cli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jets.cli.LocalClients;
import io.jets.core.config.ProjectConfig;
import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.runtime.local.LocalRuntime;
import io.jets.runtime.local.logs.LocalLogs;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A handler whose static initialiser fails once (a service it reaches at class initialisation is briefly down)
 * heals on the retry, without a reload: Lambda discards an execution environment whose Init failed, and the next
 * invocation runs Init again in a new one. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html">the Lambda execution
 * environment lifecycle</a>.
 */
class LoadedAppIT {

    private static final String TABLE = "demo-dev_test-table";
    private static final String FUNCTION = "flaky_event-handle";

    /** Fails to initialise until the marker file exists; the first attempt creates it. */
    private static final String FLAKY_EVENT = """
            package demo.events;

            import io.jets.core.DynamoDbTrigger;
            import io.jets.core.JetsEvent;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class FlakyEvent extends JetsEvent {

                static final String CLIENT = connect();

                private static String connect() {
                    Path marker = Path.of("%s");
                    if (Files.notExists(marker)) {
                        try {
                            Files.createFile(marker);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        throw new IllegalStateException("service unreachable");
                    }
                    return "client";
                }

                @DynamoDbTrigger("test-table")
                public void handle() {
                    System.out.println("handled with " + CLIENT);
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void staticInitialiserThatFailsOnce_runsAgainOnTheRetry_inANewContainer_withoutAReload() throws Exception {
        MavenApp app = CompiledApp.compile(root, "FlakyEvent", FLAKY_EVENT.formatted(root.resolve("reachable")));
        try (LoadedApp loaded = LoadedApp.load(app);
                DynamoDbLocal server = DynamoDbLocal.builder().port(0).inMemory().start();
                LocalRuntime runtime = LocalRuntime.builder()
                        .endpoint(server.endpoint()).wakeUpOn(server)
                        .config(new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of()))
                        .functions(loaded.index().functions())
                        .dispatchers(loaded::newDispatcher)
                        .stateDirectory(root.resolve(".jets"))
                        .status(new PrintStream(OutputStream.nullOutputStream()))
                        .start();
                DynamoDbClient client = LocalClients.dynamoDb(server.endpoint())) {
            createTableWithStream(client);
            client.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("id-1"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> messages().contains("handled with client"));
        }

        List<String> messages = messages();
        assertThat(messages.stream().filter(m -> m.startsWith("{\"errorMessage\"")).toList()).singleElement()
                .asString().startsWith("{\"errorMessage\":\"Initialising demo.events.FlakyEvent failed: "
                        + "java.lang.IllegalStateException: service unreachable\","
                        + "\"errorType\":\"io.jets.core.JetsException\"");
        List<String> reports = messages.stream().filter(m -> m.startsWith("REPORT ")).toList();
        assertThat(reports).hasSize(2)
                .allSatisfy(r -> assertThat(r).containsPattern("\tInit Duration: \\d+\\.\\d\\d ms$"));
    }

    private List<String> messages() {
        return LocalLogs.in(root.resolve(".jets")).read(FUNCTION, Instant.EPOCH).stream()
                .map(l -> l.substring(l.indexOf('\t') + 1)).toList();
    }

    private static void createTableWithStream(DynamoDbClient client) {
        client.createTable(b -> b.tableName(TABLE)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
    }
}
