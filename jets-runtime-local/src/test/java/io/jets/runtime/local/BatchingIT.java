package io.jets.runtime.local;

import static io.jets.runtime.local.ServerFixture.function;
import static io.jets.runtime.local.ServerFixture.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchSize, MaximumBatchingWindowInSeconds, StartingPosition and persistent checkpoints on the real server. */
class BatchingIT {

    @TempDir
    Path state;

    @Test
    void batchSize_cutsTheBacklogIntoOrderedBatches() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            IntStream.range(0, 10).forEach(i -> fx.put("id-" + i, "v"));
            try (LocalRuntime runtime = fx.start((f, e, c) -> null, function("clerk_event-file", 0,
                    trigger(3, 0, StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), false, 0)))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> fx.delivered().size() == 10);
            }
            assertThat(fx.calls).extracting(c -> c.sequenceNumbers().size()).containsExactly(3, 3, 3, 1);
            assertThat(fx.deliveredIds()).containsExactlyElementsOf(
                    IntStream.range(0, 10).mapToObj(i -> "id-" + i).toList());
        }
    }

    @Test
    void batchingWindow_gathersRecordsWrittenWithinTheWindowIntoOneInvoke() throws Exception {
        try (ServerFixture fx = new ServerFixture(state).withTable();
             LocalRuntime runtime = fx.start((f, e, c) -> null, function("clerk_event-file", 0,
                     trigger(100, 2, StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), false, 0)))) {
            for (int i = 0; i < 4; i++) {
                fx.put("id-" + i, "v");
                Thread.sleep(100);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.delivered().size() == 4);
            assertThat(fx.calls).hasSize(1);
        }
    }

    @Test
    void latest_onFirstStart_skipsOlderRecords_andARestartResumesWithoutSkippingOrReplaying() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            fx.put("old", "v");
            var latest = function("clerk_event-file", 0,
                    trigger(100, 0, StartingPosition.LATEST, 1, false, -1, -1, "", List.of(), false, 0));
            try (LocalRuntime runtime = fx.start((f, e, c) -> null, latest)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> runtime.status().get(0).state()
                        == MappingStatus.State.RUNNING && !runtime.status().get(0).position().isEmpty());
                fx.put("new-1", "v");
                await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 1);
            }
            fx.put("while-down", "v");
            try (LocalRuntime runtime = fx.start((f, e, c) -> null, latest)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() >= 2);
                fx.put("new-2", "v");
                await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() >= 3);
            }
            assertThat(fx.deliveredIds()).containsExactly("new-1", "while-down", "new-2");
        }
    }

    @Test
    void trimHorizon_deliversTheWholeStream_andARestartDoesNotReplay() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            fx.put("a", "v");
            fx.put("b", "v");
            var defaults = function("clerk_event-file", 0, io.jets.core.index.TriggerDefinition.withDefaults("test-table"));
            try (LocalRuntime runtime = fx.start((f, e, c) -> null, defaults)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() == 2);
            }
            fx.put("c", "v");
            try (LocalRuntime runtime = fx.start((f, e, c) -> null, defaults)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() >= 3);
                fx.put("d", "v");
                await().atMost(Duration.ofSeconds(5)).until(() -> fx.delivered().size() >= 4);
            }
            assertThat(fx.deliveredIds()).containsExactly("a", "b", "c", "d");
        }
    }
}
