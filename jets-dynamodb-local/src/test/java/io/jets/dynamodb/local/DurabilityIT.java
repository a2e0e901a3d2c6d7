package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class DurabilityIT {

    @Test
    void restart_keepsTablesItemsAndStreams(@TempDir Path data) {
        String arn;
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            arn = Clients.createTable(client, "kept", false, StreamViewType.KEYS_ONLY);
            client.putItem(b -> b.tableName("kept").item(Map.of("id", s("a"), "v", s("1"))));
        }
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint());
             DynamoDbStreamsClient streams = Clients.streams(server.endpoint())) {
            client.putItem(b -> b.tableName("kept").item(Map.of("id", s("b"))));

            assertThat(client.getItem(b -> b.tableName("kept").key(Map.of("id", s("a")))).item())
                    .containsEntry("v", s("1"));
            assertThat(client.describeTable(b -> b.tableName("kept")).table().latestStreamArn()).isEqualTo(arn);
            assertThat(ConcurrencyIT.readAll(streams, arn)).extracting(r -> r.dynamodb().keys().get("id").s())
                    .containsExactly("a", "b");
        }
    }

    @Test
    void killDashNine_midLoad_losesNoAcknowledgedWriteOrItsStreamRecord(@TempDir Path data) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--data-dir", data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String arn;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("listening on http://127.0.0.1:");
            java.net.URI endpoint = java.net.URI.create(line.substring("listening on ".length()));
            try (DynamoDbClient client = Clients.dynamoDb(endpoint)) {
                arn = Clients.createTable(client, "load", false, StreamViewType.KEYS_ONLY);
                AtomicBoolean killed = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int writer = t;
                    Thread thread = new Thread(() -> {
                        for (int i = 0; !killed.get(); i++) {
                            String id = writer + "-" + i;
                            try {
                                client.putItem(b -> b.tableName("load").item(Map.of("id", s(id))));
                                acknowledged.add(id);
                            } catch (RuntimeException connectionLost) {
                                return;
                            }
                        }
                    });
                    thread.start();
                    writers.add(thread);
                }
                while (acknowledged.size() < 300) {
                    Thread.sleep(5);
                }
                child.destroyForcibly();
                killed.set(true);
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                for (Thread thread : writers) {
                    thread.join();
                }
            }
        } finally {
            child.destroyForcibly();
        }

        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint());
             DynamoDbStreamsClient streams = Clients.streams(server.endpoint())) {
            Set<String> stored = client.scanPaginator(b -> b.tableName("load")).items().stream()
                    .map(item -> item.get("id").s()).collect(Collectors.toSet());
            List<Record> records = ConcurrencyIT.readAll(streams, arn);
            Set<String> streamed = records.stream().map(r -> r.dynamodb().keys().get("id").s())
                    .collect(Collectors.toSet());

            assertThat(stored).containsAll(acknowledged);
            assertThat(streamed).isEqualTo(stored);
            assertThat(records).hasSize(stored.size());
        }
    }
}
