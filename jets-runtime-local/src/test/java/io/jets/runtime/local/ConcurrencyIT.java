package io.jets.runtime.local;

import static io.jets.runtime.local.ServerFixture.function;
import static io.jets.runtime.local.ServerFixture.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.index.TriggerDefinition;
import io.jets.runtime.local.logs.LocalLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** ParallelizationFactor, filters, tumbling windows, timeouts and isolation on the real server. */
class ConcurrencyIT {

    @TempDir
    Path state;

    @Test
    void parallelizationFactor_runsBatchesConcurrently_keepingOrderPerItemKey() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            for (int round = 0; round < 5; round++) {
                for (int key = 0; key < 8; key++) {
                    fx.put("key-" + key, "v" + round);
                }
            }
            RecordingDispatcher.Behaviour slow = (f, e, c) -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(50);
                running.decrementAndGet();
                return null;
            };
            try (LocalRuntime runtime = fx.start(slow, function("clerk_event-file", 0,
                    trigger(2, 0, StartingPosition.TRIM_HORIZON, 4, false, -1, -1, "", List.of(), false, 0)))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> fx.delivered().size() == 40);
            }
            assertThat(maxRunning.get()).isBetween(2, 4);
            Map<String, List<String>> perKey = new LinkedHashMap<>();
            for (RecordingDispatcher.Call call : fx.calls) {
                for (JsonNode record : call.event().path("Records")) {
                    perKey.computeIfAbsent(record.path("dynamodb").path("Keys").path("id").path("S").asText(),
                            k -> new ArrayList<>()).add(record.path("dynamodb").path("NewImage").path("name")
                            .path("S").asText());
                }
            }
            assertThat(perKey).hasSize(8);
            assertThat(perKey.values()).allSatisfy(values ->
                    assertThat(values).containsExactly("v0", "v1", "v2", "v3", "v4"));
        }
    }

    @Test
    void filters_dropNonMatchingRecords_andCheckpointPastThem() {
        String pattern = "{\"eventName\":[\"INSERT\"],"
                + "\"dynamodb\":{\"NewImage\":{\"name\":{\"S\":[{\"prefix\":\"keep\"}]}}}}";
        try (ServerFixture fx = new ServerFixture(state).withTable();
             LocalRuntime runtime = fx.start((f, e, c) -> null, function("clerk_event-file", 0,
                     trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(pattern), false,
                             0)))) {
            fx.put("a", "keep-1");
            fx.put("b", "drop");
            fx.put("a", "keep-2"); // a MODIFY: dropped by eventName
            fx.put("c", "keep-3");
            fx.put("d", "drop-too");
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.deliveredIds().contains("c"));
            String last = lastSequenceNumber(fx);
            await().atMost(Duration.ofSeconds(5)).until(() -> runtime.status().get(0).position().equals(last));
            assertThat(fx.deliveredIds()).containsExactly("a", "c");
        }
    }

    /** The sequence number of the stream's last record, read with the SDK's Streams client. */
    private static String lastSequenceNumber(ServerFixture fx) {
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(fx.local.server.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String shardId = streams.describeStream(b -> b.streamArn(fx.streamArn)).streamDescription().shards()
                    .get(0).shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(fx.streamArn).shardId(shardId)
                    .shardIteratorType("TRIM_HORIZON")).shardIterator();
            var records = streams.getRecords(b -> b.shardIterator(iterator)).records();
            return records.get(records.size() - 1).dynamodb().sequenceNumber();
        }
    }

    @Test
    void tumblingWindow_carriesStateBetweenInvokes_andEndsWithAFinalInvoke() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            RecordingDispatcher.Behaviour count = (f, e, c) -> {
                int total = e.path("state").path("count").asInt(0) + e.path("Records").size();
                return "{\"state\":{\"count\":\"" + total + "\"}}";
            };
            try (LocalRuntime runtime = fx.start(count, function("clerk_event-file", 0,
                    trigger(1, 0, StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), false, 1)))) {
                fx.put("a", "v");
                fx.put("b", "v");
                await().atMost(Duration.ofSeconds(10)).until(() -> fx.calls.stream()
                        .anyMatch(c -> c.event().path("isFinalInvokeForWindow").asBoolean()));
            }
            RecordingDispatcher.Call last = fx.calls.stream()
                    .filter(c -> c.event().path("isFinalInvokeForWindow").asBoolean()).findFirst().orElseThrow();
            JsonNode event = last.event();
            assertThat(event.path("Records")).isEmpty();
            int inWindow = (int) fx.calls.stream().filter(c -> c.event().path("window").equals(event.path("window")))
                    .mapToInt(c -> c.event().path("Records").size()).sum();
            assertThat(event.path("state").path("count").asText()).isEqualTo(String.valueOf(inWindow));
            assertThat(Instant.parse(event.path("window").path("end").asText()))
                    .isEqualTo(Instant.parse(event.path("window").path("start").asText()).plusSeconds(1));
            assertThat(event.path("shardId").asText()).startsWith("shardId-");
            assertThat(event.path("eventSourceARN").asText()).isEqualTo(fx.streamArn);
            assertThat(event.path("isWindowTerminatedEarly").asBoolean()).isFalse();
        }
    }

    @Test
    void tumblingWindow_responseWithoutState_failsTheInvoke() {
        try (ServerFixture fx = new ServerFixture(state).withTable();
             LocalRuntime runtime = fx.start((f, e, c) -> fx.calls.size() < 3 ? "{}" : "{\"state\":{}}",
                     function("clerk_event-file", 0,
                             trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), false, 60)))) {
            fx.put("a", "v");
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.calls.size() >= 3);
            assertThat(fx.deliveredIds()).startsWith("a", "a", "a");
            await().atMost(Duration.ofSeconds(5)).until(() -> runtime.status().get(0).lastError().isEmpty());
        }
    }

    @Test
    void handlerRunningPastItsTimeout_isInterruptedAndFails_withLambdasContextValues() {
        AtomicInteger remaining = new AtomicInteger(-1);
        List<RecordingDispatcher.Call> calls;
        try (ServerFixture fx = new ServerFixture(state).withTable();
             LocalRuntime runtime = fx.start((f, e, c) -> {
                 if (fx.calls.size() == 1) {
                     Thread.sleep(10_000);
                 }
                 remaining.set(c.getRemainingTimeInMillis());
                 return null;
             }, function("clerk_event-file", 1, TriggerDefinition.withDefaults("test-table")))) {
            fx.put("a", "v");
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.calls.size() == 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> LocalLogs.in(state).read("clerk_event-file",
                    Instant.EPOCH).stream().filter(l -> l.contains("REPORT")).count() == 2);
            calls = List.copyOf(fx.calls);
        }
        List<String> log = LocalLogs.in(state).read("clerk_event-file", Instant.EPOCH).stream()
                .map(l -> l.substring(l.indexOf('\t') + 1)).toList();
        String firstId = calls.get(0).context().getAwsRequestId();
        assertThat(log.subList(0, 3)).containsExactly("START RequestId: " + firstId + " Version: $LATEST",
                firstId + " Task timed out after 1.00 seconds", "END RequestId: " + firstId);
        var context = calls.get(1).context();
        assertThat(log).contains("START RequestId: " + context.getAwsRequestId() + " Version: $LATEST");
        assertThat(context.getFunctionName()).isEqualTo("demo-dev-clerk_event-file");
        assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
        assertThat(context.getInvokedFunctionArn())
                .isEqualTo("arn:aws:lambda:us-west-2:000000000000:function:demo-dev-clerk_event-file");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(1536);
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/demo-dev-clerk_event-file");
        assertThat(context.getLogStreamName()).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(remaining.get()).isBetween(1, 1000);
    }

    @Test
    void aHandlerThatLoopsForever_doesNotHoldUpOtherFunctions() {
        try (ServerFixture fx = new ServerFixture(state).withTable();
             LocalRuntime runtime = fx.start((f, e, c) -> {
                 if (f.equals("stuck-loop")) {
                     while (true) {
                         Math.sqrt(System.nanoTime()); // ignores interrupts, as a runaway loop does
                     }
                 }
                 return null;
             }, function("stuck-loop", 1, TriggerDefinition.withDefaults("test-table")),
                     function("clerk_event-file", 0, TriggerDefinition.withDefaults("test-table")))) {
            fx.put("a", "v");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.calls.stream()
                    .anyMatch(c -> c.function().equals("clerk_event-file")));
            fx.put("b", "v");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.calls.stream()
                    .filter(c -> c.function().equals("clerk_event-file")).count() == 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> runtime.status().stream()
                    .anyMatch(s -> s.lastError().contains("Task timed out after 1.00 seconds")));
        }
    }
}
