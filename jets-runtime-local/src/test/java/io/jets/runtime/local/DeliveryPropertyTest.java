package io.jets.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.index.TriggerDefinition;
import io.jets.runtime.local.failures.LocalFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random writes, random failures, bisect on or off, partial batch responses, retry limits and parallelization
 * 1..10: no record is lost (each is handled or sent to the on-failure destination), none is delivered before an
 * earlier record of its item, a record Lambda has checkpointed is never delivered again, and after
 * de-duplication each record is handled exactly once.
 *
 * <p>The failures are planned per record, not drawn at invoke time, so a try is the same on every run whatever
 * the lanes' interleaving; each try is drawn from its own seed, which its name shows.
 */
class DeliveryPropertyTest {

    private static final String TABLE = "demo-dev_test-table";
    private static final String DESTINATION = "arn:aws:s3:::delivery-failures";
    private static final int MAX_FAULTS = 6;

    /** What the function does the next time it reaches a record. */
    enum Fault {
        /** Throws: a function error, the whole batch fails. */
        THROW,
        /** Reports the record as a batch item failure (a function error without ReportBatchItemFailures). */
        REPORT
    }

    /** One write of item {@code key-<key>}; the function fails on its record once per planned fault, in order. */
    record Write(int key, List<Fault> faults) {
        Write {
            faults = List.copyOf(faults);
        }

        @Override
        public String toString() {
            return "key-" + key + (faults.isEmpty() ? "" : faults.toString());
        }
    }

    /** One try's drawn inputs; its seed alone reproduces it. */
    record Try(long seed, List<Write> writes, int batchSize, int parallelization, boolean bisect,
               boolean reportBatchItemFailures, int maximumRetryAttempts) {

        /**
         * Draws a try: 1..40 writes to keys 0..5, a fifth of them with one or two planned faults (at most
         * {@value #MAX_FAULTS} in all: a failed batch is retried after a growing backoff of up to 2 s, so a few
         * faults keep a try short), batch size and parallelization 1..10, retry limits -1 (infinite), 0, 1 or 3.
         */
        static Try draw(long seed) {
            Random random = new Random(seed);
            int count = 1 + random.nextInt(40);
            List<Write> writes = new ArrayList<>(count);
            int faultsLeft = MAX_FAULTS;
            for (int i = 0; i < count; i++) {
                List<Fault> faults = new ArrayList<>();
                if (random.nextInt(5) == 0) {
                    for (int f = 1 + random.nextInt(2); f > 0 && faultsLeft > 0; f--, faultsLeft--) {
                        faults.add(Fault.values()[random.nextInt(Fault.values().length)]);
                    }
                }
                writes.add(new Write(random.nextInt(6), faults));
            }
            int[] retries = {-1, 0, 1, 3};
            return new Try(seed, writes, 1 + random.nextInt(10), 1 + random.nextInt(10), random.nextBoolean(),
                    random.nextBoolean(), retries[random.nextInt(retries.length)]);
        }

        @Override
        public String toString() {
            return "seed " + seed + ": batchSize=" + batchSize + " parallelization=" + parallelization
                    + " bisect=" + bisect + " reportBatchItemFailures=" + reportBatchItemFailures
                    + " maximumRetryAttempts=" + maximumRetryAttempts + " writes=" + writes;
        }
    }

    /** 300 tries with fixed seeds, so that a failure names the seed that reproduces it on every run. */
    static Stream<Try> tries() {
        return LongStream.rangeClosed(1, 300).mapToObj(Try::draw);
    }

    @ParameterizedTest
    @MethodSource("tries")
    void everyRecordIsHandledOrDiscarded_inPerKeyOrder_andNeverDeliveredAgainOnceCheckpointed(Try drawn)
            throws IOException {
        Path state = Files.createTempDirectory("jets-delivery-property");
        try {
            check(drawn.writes(), drawn.batchSize(), drawn.parallelization(), drawn.bisect(),
                    drawn.reportBatchItemFailures(), drawn.maximumRetryAttempts(), state);
        } finally {
            deleteRecursively(state);
        }
    }

    private void check(List<Write> writes, int batchSize, int parallelization, boolean bisect,
                       boolean reportBatchItemFailures, int maximumRetryAttempts, Path state) throws IOException {
        TriggerDefinition trigger = new TriggerDefinition("test-table", batchSize, 0, StartingPosition.TRIM_HORIZON,
                parallelization, bisect, maximumRetryAttempts, -1, DESTINATION, List.of(), reportBatchItemFailures,
                0, true);
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable(TABLE);
        fx.streams.enableStream(TABLE);
        List<String> sequences = new ArrayList<>();
        Map<String, String> keyOf = new HashMap<>();
        Map<String, Queue<Fault>> plan = new HashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            String key = "key-" + writes.get(i).key();
            String sequence = fx.streams.put(TABLE, key, "v" + i);
            sequences.add(sequence);
            keyOf.put(sequence, key);
            plan.put(sequence, new ArrayDeque<>(writes.get(i).faults()));
        }
        Function function = new Function(sequences, keyOf, plan, reportBatchItemFailures);
        String last = sequences.get(sequences.size() - 1);

        try (LocalRuntime runtime = fx.start(function::handle, RuntimeFixture.function("clerk_event-file", trigger))) {
            // The checkpoint reaches the last record only once every batch before it is done or discarded.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> runtime.status().get(0).position().equals(last));
        }

        Set<String> discarded = discarded(state);
        Set<String> handled = new HashSet<>(function.handled);
        assertThat(Stream.concat(handled.stream(), discarded.stream()).distinct().sorted().toList())
                .as("every record is handled or sent to the on-failure destination")
                .containsExactlyElementsOf(sequences);
        if (maximumRetryAttempts < 0) {
            assertThat(discarded).as("nothing is discarded with infinite retries").isEmpty();
            assertThat(function.checkpointed).as("every record is checkpointed once")
                    .containsExactlyInAnyOrderElementsOf(sequences);
        }
        assertThat(function.redelivered).as("records delivered again after Lambda checkpointed them").isEmpty();
        List<String> outOfOrder = function.waitedFor.stream()
                .filter(w -> !discarded.contains(w.earlier())).map(Wait::toString).toList();
        assertThat(outOfOrder).as("records delivered before an earlier record of their item was done").isEmpty();
        for (RecordingDispatcher.Call call : fx.calls) {
            assertThat(call.sequenceNumbers()).hasSizeBetween(1, batchSize);
        }
    }

    /** A record delivered while an earlier record of its item was neither handled nor earlier in its batch. */
    record Wait(String delivered, String earlier) {
        @Override
        public String toString() {
            return delivered + " before " + earlier;
        }
    }

    /**
     * The function under the mapping: it handles a batch's records in order, each at most once (it
     * de-duplicates), and stops at the first record with a planned fault, throwing or reporting it.
     */
    private static final class Function {
        private final List<String> sequences;
        private final Map<String, String> keyOf;
        private final Map<String, Queue<Fault>> plan;
        private final boolean reportBatchItemFailures;
        /** Records handled, first time only, in the order they were handled. */
        final List<String> handled = Collections.synchronizedList(new ArrayList<>());
        /** Records of invokes Lambda counted as done: a whole successful batch, or the part before a reported item. */
        final Set<String> checkpointed = Collections.synchronizedSet(new LinkedHashSet<>());
        final List<String> redelivered = Collections.synchronizedList(new ArrayList<>());
        final List<Wait> waitedFor = Collections.synchronizedList(new ArrayList<>());

        Function(List<String> sequences, Map<String, String> keyOf, Map<String, Queue<Fault>> plan,
                 boolean reportBatchItemFailures) {
            this.sequences = sequences;
            this.keyOf = keyOf;
            this.plan = plan;
            this.reportBatchItemFailures = reportBatchItemFailures;
        }

        String handle(String name, JsonNode event, com.amazonaws.services.lambda.runtime.Context context) {
            List<String> batch = event.path("Records").findValuesAsText("SequenceNumber");
            checkOrder(batch);
            for (int i = 0; i < batch.size(); i++) {
                String sequence = batch.get(i);
                Fault fault;
                synchronized (plan) {
                    fault = plan.get(sequence).poll();
                }
                if (fault == Fault.REPORT && reportBatchItemFailures) {
                    checkpointed.addAll(batch.subList(0, i));
                    return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequence + "\"}]}";
                }
                if (fault != null) {
                    throw new IllegalStateException("planned failure at " + sequence);
                }
                if (!handled.contains(sequence)) {
                    handled.add(sequence);
                }
            }
            checkpointed.addAll(batch);
            return null;
        }

        private void checkOrder(List<String> batch) {
            Set<String> before = new HashSet<>();
            for (String sequence : batch) {
                if (checkpointed.contains(sequence)) {
                    redelivered.add(sequence);
                }
                for (String earlier : sequences) {
                    if (earlier.equals(sequence)) {
                        break;
                    }
                    if (keyOf.get(earlier).equals(keyOf.get(sequence)) && !before.contains(earlier)
                            && !handled.contains(earlier)) {
                        waitedFor.add(new Wait(sequence, earlier));
                    }
                }
                before.add(sequence);
            }
        }
    }

    /** The records of every on-failure record in the local S3 destination (its payload is the event). */
    private static Set<String> discarded(Path state) throws IOException {
        Path bucket = LocalFailures.root(state).resolve("s3").resolve("delivery-failures");
        Set<String> sequences = new HashSet<>();
        if (!Files.exists(bucket)) {
            return sequences;
        }
        try (Stream<Path> files = Files.walk(bucket)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                JsonNode record = RecordingDispatcher.JSON.readTree(file.toFile());
                JsonNode event = RecordingDispatcher.JSON.readTree(record.path("payload").asText());
                sequences.addAll(event.path("Records").findValuesAsText("SequenceNumber"));
            }
        }
        return sequences;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
