package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ParallelizationFactor (concurrent batches per shard, order kept per item key), the 6 MB payload cap, and a
 * handler that runs out of memory.
 */
class ConcurrencyConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path state;

    private static FunctionDefinition parallel(int factor, int batchSize, boolean bisect) {
        TriggerDefinition t = trigger().batchSize(batchSize).build();
        TriggerDefinition parallel = new TriggerDefinition(t.source(), t.batchSize(),
                t.maximumBatchingWindowInSeconds(), t.startingPosition(), factor, bisect,
                t.maximumRetryAttempts(), t.maximumRecordAgeInSeconds(), t.onFailure(), t.filters(),
                t.reportBatchItemFailures(), t.tumblingWindowInSeconds(), true);
        return new FunctionDefinition(Lambda.FUNCTION, "app.ClerkEvent", "file", List.of(), List.of(parallel), 0, 0,
                Map.of(), "");
    }

    @Test
    void parallelizationFactor_runsBatchesOfOneShardConcurrently_keepingOrderPerItemKey() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Random random = new Random(7L);
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            for (int i = 0; i < 80; i++) {
                lambda.put("key-" + random.nextInt(10), "v" + i);
            }
            lambda.start((f, e, c) -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(40);
                } finally {
                    running.decrementAndGet();
                }
                return null;
            }, parallel(4, 5, false));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 80);

            assertThat(most.get()).isBetween(2, 4);
            Map<String, List<BigInteger>> perKey = new HashMap<>();
            for (Lambda.Invocation invocation : lambda.invocations) {
                assertThat(invocation.records()).hasSizeLessThanOrEqualTo(5);
            }
            List<String> names = new ArrayList<>();
            lambda.invocations.forEach(i -> i.records().forEach(r -> {
                perKey.computeIfAbsent(r.path("dynamodb").path("Keys").path("id").path("S").asText(),
                        k -> new ArrayList<>()).add(new BigInteger(r.path("dynamodb").path("SequenceNumber").asText()));
                names.add(r.path("dynamodb").path("NewImage").path("name").path("S").asText());
            }));
            assertThat(names).doesNotHaveDuplicates().hasSize(80);
            perKey.values().forEach(sequence -> assertThat(sequence).isSorted());
        }
    }

    @Test
    void parallelizationFactor_withRandomFailures_losesNothing_andKeepsFirstDeliveriesInOrderPerItemKey() {
        Random random = new Random(42L);
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            lambda.start((f, e, c) -> {
                synchronized (random) {
                    if (random.nextInt(3) == 0) {
                        throw new IllegalStateException("random failure");
                    }
                }
                return null;
            }, parallel(3, 4, false));
            for (int i = 0; i < 48; i++) {
                int key;
                synchronized (random) {
                    key = random.nextInt(6);
                }
                lambda.put("key-" + key, "v" + i);
            }
            List<String> written = lambda.streamRecords(streamArn).stream()
                    .map(r -> r.dynamodb().sequenceNumber()).toList();
            await().atMost(WAIT).until(() -> lambda.deliveredSequenceNumbers().containsAll(written));

            Map<String, List<BigInteger>> firstPerKey = new HashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            lambda.invocations.forEach(i -> i.records().forEach(r -> {
                String sequence = r.path("dynamodb").path("SequenceNumber").asText();
                if (seen.add(sequence)) {
                    firstPerKey.computeIfAbsent(r.path("dynamodb").path("Keys").path("id").path("S").asText(),
                            k -> new ArrayList<>()).add(new BigInteger(sequence));
                }
            }));
            assertThat(seen).hasSize(written.size());
            firstPerKey.values().forEach(sequence -> assertThat(sequence).isSorted());
        }
    }

    /**
     * "Repeated errors block processing of the affected shard until the error is resolved or the items expire":
     * AWS says nothing narrower for ParallelizationFactor > 1, so a failing batch holds back records of other
     * items written after it, though they would go to another concurrent batch.
     */
    @Test
    void parallelizationFactor_failingBatch_blocksTheShard_forRecordsOfOtherItemsWrittenAfterIt() {
        AtomicBoolean healthy = new AtomicBoolean(false);
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> {
                if (e.toString().contains("\"poison\"") && !healthy.get()) {
                    throw new IllegalStateException("cannot file poison");
                }
                return null;
            }, parallel(4, 1, false));
            lambda.put("poison", "v1");
            await().atMost(WAIT).until(() -> lambda.invocations.size() >= 2);
            for (int i = 0; i < 8; i++) {
                lambda.put("other-" + i, "v1");
            }
            int failedSoFar = lambda.invocations.size();
            await().pollDelay(Duration.ofMillis(500)).atMost(WAIT)
                    .until(() -> lambda.invocations.size() >= failedSoFar + 2);

            assertThat(lambda.deliveredIds()).as("delivered while poison fails").containsOnly("poison");
            healthy.set(true);
            await().atMost(WAIT).until(() -> lambda.deliveredIds().containsAll(
                    List.of("other-0", "other-1", "other-2", "other-3", "other-4", "other-5", "other-6", "other-7")));
            List<String> ids = lambda.deliveredIds();
            assertThat(ids.subList(0, ids.lastIndexOf("poison") + 1)).containsOnly("poison");
        }
    }

    @Test
    void batch_isCutAtSixMegabytesOfPayload() {
        String big = "x".repeat(380 * 1024);
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            for (int i = 0; i < 20; i++) {
                String id = String.format("id-%02d", i);
                lambda.dynamo.putItem(b -> b.tableName(Lambda.TABLE).item(Map.of(
                        "id", AttributeValue.fromS(id), "name", AttributeValue.fromS(big))));
            }
            List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
            lambda.start((f, e, c) -> {
                sizes.add(Lambda.JSON.writeValueAsBytes(e).length);
                return null;
            }, function(trigger().batchSize(100)));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 20);

            assertThat(lambda.invocations.size()).isGreaterThan(1);
            assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(6 * 1024 * 1024));
            assertThat(lambda.deliveredIds()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void handlerRunningOutOfMemory_failsItsBatch_whichIsRetried_andOtherFunctionsGoOn() {
        AtomicInteger calls = new AtomicInteger();
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> {
                if (f.equals("hungry_event-file") && calls.getAndIncrement() == 0) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return null;
            }, function("hungry_event-file", 0, 0, trigger()), function(trigger()));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.of("hungry_event-file").size() == 2
                    && lambda.of(Lambda.FUNCTION).size() == 1);
            assertThat(lambda.of("hungry_event-file")).allSatisfy(i -> assertThat(i.ids()).containsExactly("a"));
            lambda.put("b", "x");
            await().atMost(WAIT).until(() -> lambda.of("hungry_event-file").stream()
                    .anyMatch(i -> i.ids().contains("b")));
        }
    }
}
