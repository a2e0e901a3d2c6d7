package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.attribute;
import static io.jets.dynamodb.local.Clients.key;
import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The server on its own, {@code java -cp … io.jets.dynamodb.local.Main}, with the options a script gives it. */
class MainIT {

    @Test
    void settingsOnTheCommandLine_reachTheServer() throws Exception {
        Process server = start("--port", "0", "--in-memory", "--ttl-interval", "200ms", "--instant-indexes");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("listening on http://127.0.0.1:");
            try (DynamoDbClient client = Clients.dynamoDb(URI.create(line.substring("listening on ".length())))) {
                Clients.createTable(client, "ttl-table", false, StreamViewType.KEYS_ONLY);
                client.updateTable(b -> b.tableName("ttl-table")
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                                attribute("g", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-g")
                                .keySchema(key("g", KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))));
                assertThat(client.describeTable(b -> b.tableName("ttl-table")).table().globalSecondaryIndexes().get(0)
                        .indexStatus()).isEqualTo(IndexStatus.ACTIVE);

                client.updateTimeToLive(b -> b.tableName("ttl-table")
                        .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
                client.putItem(b -> b.tableName("ttl-table").item(Map.of("id", s("old"),
                        "expires", n(Long.toString(Instant.now().getEpochSecond() - 60)))));
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> !client.getItem(b -> b.tableName("ttl-table").key(Map.of("id", s("old")))).hasItem());
            }
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void aBadDuration_exitsWithUsageStatusAndSaysWhy() throws Exception {
        Process server = start("--port", "0", "--in-memory", "--shard-rollover", "0s");

        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("--shard-rollover: A duration must be more than zero, got: 0s" + System.lineSeparator());
    }

    private static Process start(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).start();
    }
}
