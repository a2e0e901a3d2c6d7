package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** BatchSize, the batching window, in-order and at-least-once delivery within a shard, as Lambda reads it. */
class BatchingConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path state;

    @Test
    void batchSize_recordsAlreadyInTheStream_arriveInFullBatches_notOnePerInvoke() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            for (int i = 0; i < 25; i++) {
                lambda.put(String.format("id-%02d", i), "x");
            }
            lambda.start((f, e, c) -> null, function(trigger().batchSize(10)));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 25);

            assertThat(lambda.invocations).extracting(i -> i.records().size()).containsExactly(10, 10, 5);
            assertThat(lambda.deliveredIds()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void recordsWrittenWhileTheFunctionRuns_arriveTogetherInTheNextBatch() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> {
                if (e.path("Records").get(0).path("dynamodb").path("Keys").path("id").path("S").asText()
                        .equals("first")) {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                }
                return null;
            }, function(trigger()));
            lambda.put("first", "x");
            await().atMost(WAIT).until(() -> lambda.invocations.size() == 1);
            for (int i = 0; i < 10; i++) {
                lambda.put("id-" + i, "x");
            }
            release.countDown();
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 11);
            assertThat(lambda.invocations).hasSize(2);
            assertThat(lambda.invocations.get(1).ids()).hasSize(10);
        }
    }

    @Test
    void batchingWindow_waitsToFillTheBatch() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(trigger().batchSize(5).batchingWindow(2)));
            for (int i = 0; i < 5; i++) {
                lambda.put("id-" + i, "x");
            }
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 5);
            assertThat(lambda.invocations).hasSize(1);
        }
    }

    @Test
    void batchingWindow_invokesAsSoonAsTheBatchIsFull_withoutWaitingForTheWindowToEnd() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(trigger().batchSize(3).batchingWindow(30)));
            for (int i = 0; i < 3; i++) {
                lambda.put("id-" + i, "x");
            }
            // Well inside the 30 s window.
            await().atMost(Duration.ofSeconds(10)).until(() -> lambda.deliveredIds().size() == 3);
            assertThat(lambda.invocations).hasSize(1);
        }
    }

    @Test
    void batchingWindow_holdsAnIncompleteBatchUntilTheWindowEnds() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(trigger().batchSize(10).batchingWindow(1)));
            long start = System.nanoTime();
            lambda.put("id-0", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void randomFailures_neverLoseOrReorderARecord_andEachFailedBatchIsRetriedFromItsFirstRecord() {
        Random random = new Random(20261125L);
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            lambda.start((f, e, c) -> {
                synchronized (random) {
                    if (random.nextInt(4) == 0) {
                        throw new IllegalStateException("random failure");
                    }
                }
                return null;
            }, function(trigger().batchSize(7)));
            List<String> written = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String id = "item-" + (i % 8);
                String name;
                synchronized (random) {
                    name = "v" + i + "-" + random.nextInt(1000);
                }
                lambda.put(id, name);
                written.add(id);
            }
            List<Record> stream = lambda.streamRecords(streamArn);
            List<String> expected = stream.stream().map(r -> r.dynamodb().sequenceNumber()).toList();
            assertThat(expected).hasSize(60);
            await().atMost(WAIT).until(() -> new LinkedHashSet<>(lambda.deliveredSequenceNumbers())
                    .containsAll(expected));

            Set<String> firstDeliveries = new LinkedHashSet<>(lambda.deliveredSequenceNumbers());
            assertThat(List.copyOf(firstDeliveries)).containsExactlyElementsOf(expected);
            for (Lambda.Invocation invocation : lambda.invocations) {
                List<BigInteger> sequence = invocation.sequenceNumbers().stream().map(BigInteger::new).toList();
                assertThat(sequence).isSorted().hasSizeLessThanOrEqualTo(7);
            }
            // A batch is only ever followed by itself (a retry starts at its first record) or by what comes next.
            for (int i = 1; i < lambda.invocations.size(); i++) {
                BigInteger previousFirst = new BigInteger(lambda.invocations.get(i - 1).sequenceNumbers().get(0));
                BigInteger first = new BigInteger(lambda.invocations.get(i).sequenceNumbers().get(0));
                assertThat(first).isGreaterThanOrEqualTo(previousFirst);
            }
        }
    }
}
