package io.jets.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.index.TriggerDefinition;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random batches, random failures, bisect on or off, partial responses and parallelization 1..10: no record is
 * lost, none is handled out of per-item-key order, and each record is handled successfully exactly once.
 */
class DeliveryPropertyTest {

    @TempDir
    Path state;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void everyRecordIsHandledExactlyOnce_inPerKeyOrder(long seed) {
        Random random = new Random(seed);
        int records = 20 + random.nextInt(40);
        int keys = 1 + random.nextInt(6);
        boolean bisect = random.nextBoolean();
        boolean partial = random.nextBoolean();
        int parallelization = 1 + random.nextInt(10);
        int batchSize = 1 + random.nextInt(10);
        TriggerDefinition trigger = new TriggerDefinition("test-table", batchSize, 0, StartingPosition.TRIM_HORIZON,
                parallelization, bisect, -1, -1, "", List.of(), partial, 0, true);

        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        Map<String, String> keyOf = new LinkedHashMap<>();
        for (int i = 0; i < records; i++) {
            String key = "key-" + random.nextInt(keys);
            keyOf.put(fx.streams.put("demo-dev_test-table", key, "v" + i), key);
        }
        List<String> handled = java.util.Collections.synchronizedList(new ArrayList<>());
        Random failures = new Random(seed * 31);
        RecordingDispatcher.Behaviour flaky = (f, e, c) -> {
            List<String> batch = e.path("Records").findValuesAsText("SequenceNumber");
            int outcome;
            synchronized (failures) {
                outcome = failures.nextInt(10);
            }
            if (outcome < 3) {
                throw new IllegalStateException("random failure");
            }
            if (partial && outcome < 5) {
                int failedAt;
                synchronized (failures) {
                    failedAt = failures.nextInt(batch.size());
                }
                handled.addAll(batch.subList(0, failedAt));
                return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + batch.get(failedAt) + "\"}]}";
            }
            handled.addAll(batch);
            return null;
        };
        try (LocalRuntime runtime = fx.start(flaky, RuntimeFixture.function("clerk_event-file", trigger))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() >= records
                    && runtime.status().get(0).position().equals(last(keyOf)));
        }

        assertThat(handled).as("handled exactly once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(keyOf.keySet());
        Map<String, BigInteger> lastPerKey = new HashMap<>();
        for (String sequence : handled) {
            BigInteger value = new BigInteger(sequence);
            BigInteger previous = lastPerKey.put(keyOf.get(sequence), value);
            assertThat(previous == null || previous.compareTo(value) < 0)
                    .as("order of key %s at %s", keyOf.get(sequence), sequence).isTrue();
        }
        for (RecordingDispatcher.Call call : fx.calls) {
            assertThat(call.event().path("Records").size()).isBetween(1, batchSize);
            for (JsonNode record : call.event().path("Records")) {
                assertThat(keyOf).containsKey(record.path("dynamodb").path("SequenceNumber").asText());
            }
        }
    }

    private static String last(Map<String, String> keyOf) {
        String last = null;
        for (String sequence : keyOf.keySet()) {
            last = sequence;
        }
        return last;
    }
}
