package io.jets.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jets.core.index.TriggerDefinition;
import io.jets.runtime.local.logs.LocalLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRuntimeTest {

    @TempDir
    Path state;

    @Test
    void missingTableAndStream_printEachCommandOnce_thenRecordsAreDelivered() {
        RuntimeFixture fx = new RuntimeFixture(state);
        try (LocalRuntime runtime = fx.start((f, e, c) -> null,
                RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table")))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.status().contains("waiting for table"));
            assertThat(runtime.status().get(0).state()).isEqualTo(MappingStatus.State.WAITING_FOR_TABLE);
            fx.streams.createTable("demo-dev_test-table");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.status().contains("waiting for the stream"));
            String arn = fx.streams.enableStream("demo-dev_test-table");
            String first = fx.streams.put("demo-dev_test-table", "id-1", "name-1");
            String second = fx.streams.put("demo-dev_test-table", "id-1", "name-1-edit-1");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 2);

            assertThat(fx.delivered()).containsExactly(first, second);
            assertThat(fx.calls.get(0).event().path("Records").get(0).path("eventSourceARN").asText()).isEqualTo(arn);
            assertThat(fx.status()).containsOnlyOnce("clerk_event-file: waiting for table demo-dev_test-table. "
                    + "Create it with: aws dynamodb create-table --endpoint-url http://localhost:8000 --table-name "
                    + "demo-dev_test-table --attribute-definitions AttributeName=id,AttributeType=S --key-schema "
                    + "AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST");
            assertThat(fx.status()).containsOnlyOnce("clerk_event-file: waiting for the stream of table "
                    + "demo-dev_test-table. Enable it with: aws dynamodb update-table --endpoint-url "
                    + "http://localhost:8000 --table-name demo-dev_test-table --stream-specification "
                    + "\"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                MappingStatus status = runtime.status().get(0);
                assertThat(status.state()).isEqualTo(MappingStatus.State.RUNNING);
                assertThat(status.streamArn()).isEqualTo(arn);
                assertThat(status.position()).isEqualTo(second);
            });
        }
    }

    @Test
    void streamArnTrigger_unknownToTheLocalServer_saysToNameTheTableInstead() {
        String pinned = "arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/2024-02-11T15:44:30.751";
        RuntimeFixture fx = new RuntimeFixture(state);
        try (LocalRuntime runtime = fx.start((f, e, c) -> null,
                RuntimeFixture.function("audit_event-run", TriggerDefinition.withDefaults(pinned)))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.status().contains("waiting for stream"));

            assertThat(runtime.status().get(0).state()).isEqualTo(MappingStatus.State.WAITING_FOR_STREAM);
            assertThat(fx.status()).containsOnlyOnce("audit_event-run: waiting for stream " + pinned + ": it does not "
                    + "exist on http://localhost:8000, whose streams get ARNs of their own. To run this function under "
                    + "jets dev, name its table in @DynamoDbTrigger instead of a stream ARN.");
        }
    }

    /** Lambda polls each shard four times a second; emulators that poll once a second add up to a second. */
    @Test
    void idleShard_isPolledFourTimesASecond_asLambdaPollsIt() throws InterruptedException {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        try (LocalRuntime runtime = fx.start((f, e, c) -> null,
                RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table")))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.streams.recordsCalls.get() > 0);
            long before = fx.streams.recordsCalls.get();
            Thread.sleep(2000);
            long polls = fx.streams.recordsCalls.get() - before;

            assertThat(polls).as("GetRecords calls on an idle shard in two seconds").isBetween(5L, 10L);
        }
    }

    @Test
    void handlerOutput_isLoggedBetweenStartEndAndReport() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        fx.streams.put("demo-dev_test-table", "id-1", "name-1");
        try (LocalRuntime runtime = fx.start((f, e, c) -> {
            System.out.println("event " + e.path("Records").get(0).path("eventName").asText());
            System.err.print("no newline");
            return null;
        }, RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table")))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> LocalLogs.in(state)
                    .read("clerk_event-file", Instant.EPOCH).stream().anyMatch(l -> l.contains("REPORT")));
        }
        List<String> messages = LocalLogs.in(state).read("clerk_event-file", Instant.EPOCH).stream()
                .map(l -> l.substring(l.indexOf('\t') + 1)).toList();
        assertThat(messages).hasSize(5);
        assertThat(messages.get(0)).matches("START RequestId: [0-9a-f-]{36} Version: \\$LATEST");
        String requestId = messages.get(0).substring(17, 53);
        assertThat(messages.get(1)).isEqualTo("event INSERT");
        assertThat(messages.get(2)).isEqualTo("no newline");
        assertThat(messages.get(3)).isEqualTo("END RequestId: " + requestId);
        assertThat(messages.get(4)).matches("REPORT RequestId: " + requestId + "\tDuration: \\d+\\.\\d\\d ms\t"
                + "Billed Duration: \\d+ ms\tMemory Size: 1536 MB\tMax Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d\\d ms");
    }

    @Test
    void failingBatch_isRetriedWholeAndBlocksTheShardUntilItSucceeds() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        String first = fx.streams.put("demo-dev_test-table", "id-1", "a");
        AtomicInteger attempts = new AtomicInteger();
        try (LocalRuntime runtime = fx.start((f, e, c) -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new IllegalStateException("boom " + attempts.get());
            }
            return null;
        }, RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table")))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() >= 1);
            String second = fx.streams.put("demo-dev_test-table", "id-2", "b");
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.delivered().contains(second));
            assertThat(fx.calls).hasSize(5);
            assertThat(fx.calls.subList(0, 4)).allSatisfy(c -> assertThat(c.sequenceNumbers()).containsExactly(first));
            assertThat(fx.calls.get(4).sequenceNumbers()).containsExactly(second);
        }
        assertThat(String.join("\n", LocalLogs.in(state).read("clerk_event-file", Instant.EPOCH)))
                .contains("{\"errorMessage\":\"boom 1\",\"errorType\":\"java.lang.IllegalStateException\","
                        + "\"stackTrace\":[");
        List<String> reports = LocalLogs.in(state).read("clerk_event-file", Instant.EPOCH).stream()
                .filter(l -> l.contains("\tREPORT RequestId: ")).toList();
        assertThat(reports).hasSize(5);
        assertThat(reports.get(0)).contains("\tInit Duration: ");
        assertThat(reports.subList(1, 5)).noneMatch(l -> l.contains("Init Duration"));
    }

    @Test
    void expiredIterator_afterALongIdle_isRenewedWithoutLosingOrRepeatingRecords() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        try (LocalRuntime runtime = fx.start((f, e, c) -> null,
                RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table")))) {
            String first = fx.streams.put("demo-dev_test-table", "id-1", "a");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 1);
            fx.streams.expireIterators = true;
            await().atMost(Duration.ofSeconds(5)).until(() -> !fx.streams.expireIterators);
            String second = fx.streams.put("demo-dev_test-table", "id-2", "b");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 2);
            assertThat(fx.delivered()).containsExactly(first, second);
        }
    }

    @Test
    void shardRollover_readsTheParentToItsEndBeforeTheChild() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        String parentRecord = fx.streams.put("demo-dev_test-table", "id-1", "a");
        fx.streams.rollover("demo-dev_test-table");
        String childRecord = fx.streams.put("demo-dev_test-table", "id-1", "b");
        try (LocalRuntime runtime = fx.start((f, e, c) -> null,
                RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table")))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 2);
            String later = fx.streams.put("demo-dev_test-table", "id-1", "c");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 3);
            assertThat(fx.delivered()).containsExactly(parentRecord, childRecord, later);
        }
    }

    @Test
    void reload_swapsTheHandler_andResumesFromTheCheckpoint() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        var function = RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table"));
        List<RecordingDispatcher.Call> newCalls = RecordingDispatcher.newCalls();
        try (LocalRuntime runtime = fx.start((f, e, c) -> {
            throw new IllegalStateException("old code is broken");
        }, function)) {
            String first = fx.streams.put("demo-dev_test-table", "id-1", "a");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.calls.size() >= 2);
            runtime.reload(() -> new RecordingDispatcher(newCalls, (f, e, c) -> null), List.of(function));
            String second = fx.streams.put("demo-dev_test-table", "id-2", "b");
            await().atMost(Duration.ofSeconds(5)).until(() -> newCalls.stream()
                    .flatMap(c -> c.sequenceNumbers().stream()).toList().contains(second));
            assertThat(newCalls.stream().flatMap(c -> c.sequenceNumbers().stream()).toList())
                    .containsExactly(first, second);
        }
    }

    @Test
    void concurrentFunctions_eachLogOnlyTheirOwnOutput() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        for (int i = 0; i < 20; i++) {
            fx.streams.put("demo-dev_test-table", "id-" + i, "v");
        }
        RecordingDispatcher.Behaviour chatty = (f, e, c) -> {
            for (int i = 0; i < 50; i++) {
                System.out.println("from " + f);
            }
            return null;
        };
        var small = new TriggerDefinition("test-table", 1, 0,
                io.jets.core.DynamoDbTrigger.StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), false,
                0, true);
        try (LocalRuntime runtime = fx.start(chatty, RuntimeFixture.function("one-f", small),
                RuntimeFixture.function("two-f", small))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.calls.size() == 40);
        }
        for (String function : List.of("one-f", "two-f")) {
            List<String> output = LocalLogs.in(state).read(function, Instant.EPOCH).stream()
                    .map(l -> l.substring(l.indexOf('\t') + 1)).filter(m -> m.startsWith("from ")).toList();
            assertThat(output).hasSize(20 * 50).containsOnly("from " + function);
        }
    }

    @Test
    void builder_withoutEndpoint_saysWhatToCall() {
        RuntimeFixture fx = new RuntimeFixture(state);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.builder((f, e, c) -> null).endpoint(null).build())
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage("endpoint is required: call endpoint(URI) on the builder");
    }

    @Test
    void builder_rejectsAnOnFailureArnThatIsNoQueueTopicOrBucket() {
        RuntimeFixture fx = new RuntimeFixture(state);
        var trigger = new TriggerDefinition("test-table", 100, 0,
                io.jets.core.DynamoDbTrigger.StartingPosition.TRIM_HORIZON, 1, false, -1, -1,
                "arn:aws:kinesis:us-east-1:1:stream/s", List.of(), false, 0, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.builder((f, e, c) -> null,
                        RuntimeFixture.function("clerk_event-file", trigger)).build())
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage("clerk_event-file: onFailure must be an SQS queue, SNS topic or S3 bucket ARN, got: "
                        + "arn:aws:kinesis:us-east-1:1:stream/s");
    }

    @Test
    void handlerRunningOutOfMemory_failsThatInvocationOnly_andTheMappingCarriesOn() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        String first = fx.streams.put("demo-dev_test-table", "id-1", "a");
        try (LocalRuntime runtime = fx.start((f, e, c) -> {
            if (fx.calls.size() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            return null;
        }, RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table")))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.calls.size() == 2);
            String second = fx.streams.put("demo-dev_test-table", "id-2", "b");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().contains(second));
            assertThat(fx.delivered()).containsExactly(first, first, second);
        }
        assertThat(String.join("\n", LocalLogs.in(state).read("clerk_event-file", Instant.EPOCH)))
                .contains("{\"errorMessage\":\"Java heap space\",\"errorType\":\"java.lang.OutOfMemoryError\"");
    }

    @Test
    void batchingWindow_endsInRealTime_evenWhenTheRuntimesClockIsFixed() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        var windowed = new TriggerDefinition("test-table", 100, 1,
                io.jets.core.DynamoDbTrigger.StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), false,
                0, true);
        java.time.Clock fixed = java.time.Clock.fixed(Instant.parse("2026-11-25T14:00:00Z"), java.time.ZoneOffset.UTC);
        try (LocalRuntime runtime = fx.builder((f, e, c) -> null, RuntimeFixture.function("clerk_event-file", windowed))
                .clock(fixed).start()) {
            String first = fx.streams.put("demo-dev_test-table", "id-1", "a");
            String second = fx.streams.put("demo-dev_test-table", "id-2", "b");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 2);
            assertThat(fx.calls).hasSize(1);
            assertThat(fx.delivered()).containsExactly(first, second);
        }
    }

    @Test
    void tumblingWindowState_over1Mb_endsTheWindowEarly_andTheRestStartsWithFreshState() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        fx.streams.put("demo-dev_test-table", "id-1", "a");
        fx.streams.put("demo-dev_test-table", "id-2", "b");
        String big = "x".repeat(1024 * 1024);
        var windowed = new TriggerDefinition("test-table", 1, 0,
                io.jets.core.DynamoDbTrigger.StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), false,
                900, true);
        try (LocalRuntime runtime = fx.start((f, e, c) -> fx.calls.size() == 1
                ? "{\"state\":{\"big\":\"" + big + "\"}}" : "{\"state\":{\"n\":\"1\"}}",
                RuntimeFixture.function("clerk_event-file", windowed))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.calls.size() >= 4);
        }
        var early = fx.calls.get(1).event();
        assertThat(early.path("Records")).isEmpty();
        assertThat(early.path("isFinalInvokeForWindow").asBoolean()).isTrue();
        assertThat(early.path("isWindowTerminatedEarly").asBoolean()).isTrue();
        assertThat(early.path("state").path("big").asText()).hasSize(1024 * 1024);
        var rest = fx.calls.get(2).event();
        assertThat(rest.path("Records")).hasSize(1);
        assertThat(rest.path("state").isEmpty()).isTrue();
        assertThat(rest.path("window")).isEqualTo(early.path("window"));
        var last = fx.calls.get(3).event();
        assertThat(last.path("isFinalInvokeForWindow").asBoolean()).isTrue();
        assertThat(last.path("isWindowTerminatedEarly").asBoolean()).isFalse();
        assertThat(last.path("state").path("n").asText()).isEqualTo("1");
    }

    @Test
    void applicationThatFailsToInitialise_isAFunctionError_retriedLikeAnyOther() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        String first = fx.streams.put("demo-dev_test-table", "id-1", "a");
        AtomicInteger created = new AtomicInteger();
        try (LocalRuntime runtime = fx.builder((f, e, c) -> null,
                        RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table")))
                .dispatchers(() -> {
                    if (created.incrementAndGet() == 1) {
                        throw new ExceptionInInitializerError("static init of ClerkEvent failed");
                    }
                    return new RecordingDispatcher(fx.calls, (f, e, c) -> null);
                }).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().contains(first));
        }
        assertThat(String.join("\n", LocalLogs.in(state).read("clerk_event-file", Instant.EPOCH)))
                .contains("{\"errorMessage\":\"static init of ClerkEvent failed\","
                        + "\"errorType\":\"java.lang.ExceptionInInitializerError\"");
    }

    @Test
    void checkpointPastTheRetentionPeriod_resumesFromTheOldestRecordLeft() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        var function = RuntimeFixture.function("clerk_event-file", TriggerDefinition.withDefaults("test-table"));
        String first = fx.streams.put("demo-dev_test-table", "id-1", "a");
        try (LocalRuntime runtime = fx.start((f, e, c) -> null, function)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 1);
        }
        fx.streams.put("demo-dev_test-table", "id-2", "trimmed before it was read");
        fx.streams.trimAll("demo-dev_test-table");
        String third = fx.streams.put("demo-dev_test-table", "id-3", "c");
        try (LocalRuntime runtime = fx.start((f, e, c) -> null, function)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 2);
        }
        assertThat(fx.delivered()).containsExactly(first, third);
    }
}
