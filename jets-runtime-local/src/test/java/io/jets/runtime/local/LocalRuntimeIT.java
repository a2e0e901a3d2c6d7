package io.jets.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.runtime.local.logs.LocalLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed page's scenario against the real embedded server: create, enable, put, edit. */
class LocalRuntimeIT {

    static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
    static final String TABLE = "demo-dev_test-table";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    static FunctionDefinition clerk(TriggerDefinition trigger) {
        return new FunctionDefinition("clerk_event-file", "app.ClerkEvent", "file", List.of(), List.of(trigger),
                0, 0, Map.of(), "");
    }

    @Test
    void seedScenario_deliversInsertThenModify_inLambdasExactShape() throws Exception {
        try (LocalServer local = new LocalServer();
             LocalRuntime runtime = LocalRuntime.builder().endpoint(local.server.endpoint())
                     .wakeUpOn(local.server).config(CONFIG)
                     .functions(List.of(clerk(TriggerDefinition.withDefaults("test-table"))))
                     .dispatchers(() -> (name, event, response, context) ->
                             System.out.println("event " + new String(event.readAllBytes())))
                     .stateDirectory(state).status(System.out).start()) {
            local.createTable(TABLE);
            String arn = local.enableStream(TABLE);
            local.put(TABLE, "id-1", "name-1");
            local.put(TABLE, "id-1", "name-1-edit-1");
            local.put(TABLE, "id-1", "name-1-edit-1"); // unchanged: no stream record, no event
            List<JsonNode> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                events.clear();
                for (String line : LocalLogs.in(state).read("clerk_event-file", Instant.EPOCH)) {
                    String message = line.substring(line.indexOf('\t') + 1);
                    if (message.startsWith("event ")) {
                        JSON.readTree(message.substring(6)).path("Records").forEach(events::add);
                    }
                }
                assertThat(events).hasSize(2);
            });
            JsonNode insert = events.get(0);
            JsonNode modify = events.get(1);
            assertThat(fieldNames(insert)).containsExactly("eventID", "eventName", "eventVersion", "eventSource",
                    "awsRegion", "dynamodb", "eventSourceARN");
            assertThat(fieldNames(modify.path("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys",
                    "NewImage", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
            assertThat(insert.path("eventName").asText()).isEqualTo("INSERT");
            assertThat(modify.path("eventName").asText()).isEqualTo("MODIFY");
            assertThat(insert.path("eventSource").asText()).isEqualTo("aws:dynamodb");
            assertThat(insert.path("eventVersion").asText()).isEqualTo("1.1");
            assertThat(insert.path("eventSourceARN").asText()).isEqualTo(arn);
            assertThat(insert.path("dynamodb").path("ApproximateCreationDateTime").isFloatingPointNumber()).isTrue();
            assertThat(modify.path("dynamodb").path("OldImage").path("name").path("S").asText()).isEqualTo("name-1");
            assertThat(modify.path("dynamodb").path("NewImage").path("name").path("S").asText())
                    .isEqualTo("name-1-edit-1");
            assertThat(modify.path("dynamodb").path("Keys").toString()).isEqualTo("{\"id\":{\"S\":\"id-1\"}}");
            assertThat(new java.math.BigInteger(modify.path("dynamodb").path("SequenceNumber").asText()))
                    .isGreaterThan(new java.math.BigInteger(insert.path("dynamodb").path("SequenceNumber").asText()));
            assertThat(runtime.status().get(0).streamArn()).isEqualTo(arn);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
