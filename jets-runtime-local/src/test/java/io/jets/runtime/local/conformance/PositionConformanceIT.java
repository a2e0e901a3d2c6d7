package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.runtime.local.LocalRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a mapping starts and resumes: StartingPosition on its first start only, checkpoints that survive a
 * restart (no replay, no skip), and filtered-out records that are checkpointed and never delivered.
 */
class PositionConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path state;

    @Test
    void startingPosition_latestSkipsWhatIsAlreadyInTheStream_trimHorizonReadsIt() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("old", "x");
            lambda.start((f, e, c) -> null,
                    function("latest_event-file", 0, 0, trigger().position(StartingPosition.LATEST)),
                    function("horizon_event-file", 0, 0, trigger().position(StartingPosition.TRIM_HORIZON)));
            await().atMost(WAIT).until(() -> lambda.of("horizon_event-file").size() == 1);
            lambda.put("new", "x");
            await().atMost(WAIT).until(() -> lambda.of("latest_event-file").size() == 1
                    && lambda.of("horizon_event-file").stream().mapToInt(i -> i.ids().size()).sum() == 2);

            assertThat(lambda.of("latest_event-file").get(0).ids()).containsExactly("new");
            assertThat(lambda.of("horizon_event-file").stream().flatMap(i -> i.ids().stream()))
                    .containsExactly("old", "new");
        }
    }

    @Test
    void startingPositionLatest_deliversARecordWrittenRightAfterTheRuntimeStarts() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("old", "x");
            lambda.start((f, e, c) -> null, function(trigger().position(StartingPosition.LATEST)));
            lambda.put("new", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("new"));
            assertThat(lambda.deliveredIds()).containsExactly("new");
        }
    }

    @Test
    void startingPositionLatest_onAStreamEnabledAfterStart_deliversTheFirstRecordWrittenToIt() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.start((f, e, c) -> null, function(trigger().position(StartingPosition.LATEST)));
            await().atMost(WAIT).until(() -> lambda.status().contains("aws dynamodb create-table"));
            lambda.table();
            lambda.put("first", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("first"));
            assertThat(lambda.deliveredIds()).containsExactly("first");
        }
    }

    @Test
    void restart_neitherReplaysProcessedRecordsNorSkipsThoseWrittenWhileDown() {
        for (StartingPosition position : StartingPosition.values()) {
            try (Lambda lambda = new Lambda(state.resolve(position.name()))) {
                lambda.table();
                LocalRuntime first = lambda.start((f, e, c) -> null, function(trigger().position(position)));
                lambda.put("a", "x");
                lambda.put("b", "x");
                await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 2);
                first.close();
                lambda.put("c", "x");
                lambda.put("d", "x");
                lambda.invocations.clear();
                lambda.start((f, e, c) -> null, function(trigger().position(position)));
                await().atMost(WAIT).until(() -> lambda.deliveredIds().size() >= 2);
                lambda.put("e", "x");
                await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("e"));
                assertThat(lambda.deliveredIds()).as(position.name()).containsExactly("c", "d", "e");
            }
        }
    }

    @Test
    void disabledMapping_invokesNothing_andOnceEnabledResumesFromItsCheckpoint() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            LocalRuntime enabled = lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("a"));
            enabled.close();

            io.jets.core.index.TriggerDefinition on = trigger().build();
            io.jets.core.index.TriggerDefinition off = new io.jets.core.index.TriggerDefinition(on.source(),
                    on.batchSize(), on.maximumBatchingWindowInSeconds(), on.startingPosition(),
                    on.parallelizationFactor(), on.bisectBatchOnFunctionError(), on.maximumRetryAttempts(),
                    on.maximumRecordAgeInSeconds(), on.onFailure(), on.filters(), on.reportBatchItemFailures(),
                    on.tumblingWindowInSeconds(), false);
            LocalRuntime disabled = lambda.start((f, e, c) -> null, new io.jets.core.index.FunctionDefinition(
                    Lambda.FUNCTION, "app.ClerkEvent", "file", List.of(), List.of(off), 0, 0, java.util.Map.of(), ""));
            lambda.put("b", "x");
            Thread.sleep(1000); // four of Lambda's polls
            assertThat(lambda.deliveredIds()).containsExactly("a");
            assertThat(disabled.status()).extracting(s -> s.state().name()).containsExactly("DISABLED");
            disabled.close();

            lambda.start((f, e, c) -> null, function(trigger()));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("b"));
            assertThat(lambda.deliveredIds()).containsExactly("a", "b");
        }
    }

    @Test
    void restart_duringAFailingBatch_deliversThatBatchAgain() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("a", "x");
            LocalRuntime first = lambda.start((f, e, c) -> {
                throw new IllegalStateException("down");
            }, function(trigger()));
            await().atMost(WAIT).until(() -> lambda.invocations.size() >= 1);
            first.close();
            lambda.invocations.clear();
            lambda.start((f, e, c) -> null, function(trigger()));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("a"));
            assertThat(lambda.deliveredIds()).containsExactly("a");
        }
    }

    @Test
    void filters_dropNonMatchingRecords_andCheckpointThem_soTheyAreNeverDelivered() throws Exception {
        String keepOnly = "{\"dynamodb\":{\"NewImage\":{\"name\":{\"S\":[\"keep\"]}}}}";
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            LocalRuntime first = lambda.start((f, e, c) -> null, function(trigger().filters(keepOnly)));
            lambda.put("a", "drop");
            lambda.put("b", "keep");
            lambda.put("c", "drop");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("b"));
            // Lambda polls a shard four times a second: the dropped tail is checkpointed by the next poll.
            Thread.sleep(1000);
            first.close();
            assertThat(lambda.deliveredIds()).containsExactly("b");

            // The same mapping without its filter: dropped records were checkpointed, so they never come back.
            lambda.invocations.clear();
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("d", "drop");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("d"));
            assertThat(lambda.deliveredIds()).containsExactly("d");
        }
    }

    @Test
    void filterExists_looksAtLeafValues_soItMustNameTheAttributesType() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            LocalRuntime runtime = lambda.start((f, e, c) -> null,
                    function("leaf_event-file", 0, 0,
                            trigger().filters("{\"dynamodb\":{\"NewImage\":{\"name\":{\"S\":[{\"exists\":true}]}}}}")),
                    function("node_event-file", 0, 0,
                            trigger().filters("{\"dynamodb\":{\"NewImage\":{\"name\":[{\"exists\":true}]}}}")));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.of("leaf_event-file").size() == 1);
            assertThat(lambda.of("leaf_event-file").get(0).ids()).containsExactly("a");
            String sequenceNumber = lambda.of("leaf_event-file").get(0).sequenceNumbers().get(0);
            // The other mapping has read past the record (dropped and checkpointed it) without an invoke.
            await().atMost(WAIT).until(() -> runtime.status().stream()
                    .anyMatch(s -> s.function().equals("node_event-file") && s.position().equals(sequenceNumber)));
            assertThat(lambda.of("node_event-file")).isEmpty();
        }
    }

    @Test
    void filters_areOrEd_andKeysWithinAPatternAndEd() {
        List<String> patterns = List.of(
                "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"name\":{\"S\":[{\"prefix\":\"ke\"}]}}}}",
                "{\"eventName\":[\"REMOVE\"]}");
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(trigger().filters(patterns.toArray(String[]::new))));
            lambda.put("a", "keep");      // INSERT, prefix ke: delivered
            lambda.put("a", "kept");      // MODIFY: dropped
            lambda.put("b", "other");     // INSERT, no prefix: dropped
            lambda.delete(Lambda.TABLE, "b"); // REMOVE: delivered
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() >= 2);
            lambda.put("z", "keep-last");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("z"));
            assertThat(lambda.invocations.stream().flatMap(i -> i.records().stream())
                    .map(r -> r.path("eventName").asText() + " " + r.path("dynamodb").path("Keys").path("id")
                            .path("S").asText()))
                    .containsExactly("INSERT a", "REMOVE b", "INSERT z");
        }
    }
}
