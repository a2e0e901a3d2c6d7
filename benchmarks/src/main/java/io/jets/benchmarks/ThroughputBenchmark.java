package io.jets.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sustained end-to-end throughput of the durable embedded server and the local event source mapping: writers send
 * BatchWriteItem requests (25 items each) to a table with a NEW_AND_OLD_IMAGES stream, and a handler that does
 * nothing but note each record. Each writer owns its keys and writes versions 1..V of each key in order, so the
 * benchmark can check that nothing is lost (every key reaches version V, every version seen) and that no key's
 * records arrive out of order; redeliveries (at-least-once) are counted, not hidden.
 *
 * <p>A warm-up round (its own keys, the same table and mapping) runs first and is waited for, so that what is
 * measured is the sustained rate, not the JIT compiling the server and the runtime.
 *
 * <pre>
 * java -cp … io.jets.benchmarks.ThroughputBenchmark --records 200000 --warmup-records 100000 --writers 4 \
 *      --keys 1000 --batch-size 1000 [--writes batch|put] --data-dir DIR --results target/results.tsv
 * </pre>
 */
public final class ThroughputBenchmark {

    private static final int PAYLOAD_BYTES = 100;

    private static final String WARM_UP = "warm-";

    private final Map<String, Long> lastVersion = new ConcurrentHashMap<>();
    private final AtomicLong warmUpDelivered = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private volatile long lastDeliveryNanos;

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int writers = options.number("writers", 4);
        int keys = options.number("keys", 1000);
        int versions = Math.max(1, options.number("records", 200_000) / keys);
        int warmUpVersions = Math.max(0, options.number("warmup-records", 100_000) / keys);
        int batchSize = options.number("batch-size", 1000);
        boolean batchWrites = !options.text("writes", "batch").equals("put");
        Path dataDirectory = Path.of(options.text("data-dir", "target/throughput-data"));
        Results results = new Results(Path.of(options.text("results", "target/results.tsv")));
        new ThroughputBenchmark().run(writers, keys, warmUpVersions, versions, batchSize, batchWrites, dataDirectory, results);
    }

    private void run(int writers, int keys, int warmUpVersions, int versions, int batchSize, boolean batchWrites, Path dataDirectory,
                     Results results) throws Exception {
        long expected = (long) keys * versions;
        String table = "throughput";
        RecordingDispatcher dispatcher = new RecordingDispatcher((invokedAt, key, version) -> handle(key, version));
        try (EmbeddedJets jets = EmbeddedJets.start(dataDirectory, table, batchSize, dispatcher)) {
            long warmUpRecords = (long) keys * warmUpVersions;
            if (warmUpRecords > 0) {
                write(jets, table, WARM_UP, writers, keys, warmUpVersions, batchWrites);
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (warmUpDelivered.get() < warmUpRecords && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            long cpuBefore = CpuUse.ownCpuNanos();
            long start = System.nanoTime();
            long writesDone = write(jets, table, "key-", writers, keys, versions, batchWrites) - start;
            // Wait while records keep arriving; 30 s without progress means the rest is not coming.
            long seen = -1;
            long lastProgress = System.nanoTime();
            while (delivered.get() < expected && System.nanoTime() - lastProgress < 30_000_000_000L) {
                if (delivered.get() != seen) {
                    seen = delivered.get();
                    lastProgress = System.nanoTime();
                }
                Thread.sleep(5);
            }
            Thread.sleep(500); // late redeliveries would show up as duplicates
            long elapsed = lastDeliveryNanos - start;
            // writers, server and runtime share this JVM: its CPU time per record is the whole pipeline's cost
            double cpuMicrosPerRecord = (CpuUse.ownCpuNanos() - cpuBefore) / 1000.0 / delivered.get();
            long lost = lost(keys, versions);
            double recordsPerSecond = delivered.get() / (elapsed / 1e9);
            String verdict = String.format("%d records (%d keys × %d versions) after %d warm-up records, %d %s writers, "
                            + "BatchSize %d; writes done in %.2f s (%.0f items/s); CPU %.0f µs/record; lost %d, out of order %d, "
                            + "redelivered %d", expected, keys, versions, warmUpRecords, writers,
                    batchWrites ? "BatchWriteItem" : "PutItem", batchSize, writesDone / 1e9,
                    expected / (writesDone / 1e9), cpuMicrosPerRecord, lost, outOfOrder.get(), duplicates.get());
            System.out.printf("jets-durable: %.0f records/s end to end; %s%n", recordsPerSecond, verdict);
            results.append("throughput", "jets-durable", "records/s end to end", recordsPerSecond, Double.NaN,
                    Double.NaN, lost + outOfOrder.get(), verdict);
        }
    }

    /** Per key, versions must arrive as 1, 2, 3 …; a version already seen is a redelivery. */
    private void handle(String key, long version) {
        if (key.startsWith(WARM_UP)) {
            warmUpDelivered.incrementAndGet();
            return;
        }
        lastVersion.compute(key, (k, last) -> {
            long previous = last == null ? 0 : last;
            if (version == previous + 1) {
                delivered.incrementAndGet();
                return version;
            }
            if (version <= previous) {
                duplicates.incrementAndGet();
                return previous;
            }
            outOfOrder.incrementAndGet();
            return previous;
        });
        lastDeliveryNanos = System.nanoTime();
    }

    private long lost(int keys, int versions) {
        long lost = 0;
        for (int k = 0; k < keys; k++) {
            lost += versions - lastVersion.getOrDefault("key-" + k, 0L);
        }
        return lost;
    }

    /** Returns when every write is acknowledged. */
    private static long write(EmbeddedJets jets, String table, String prefix, int writers, int keys, int versions,
                              boolean batchWrites) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    DynamoDbClient client = jets.newClient();
                    for (int v = 1; v <= versions; v++) {
                        List<Map<String, AttributeValue>> items = new ArrayList<>();
                        for (int k = writer; k < keys; k += writers) {
                            Map<String, AttributeValue> item = new java.util.HashMap<>(
                                    BenchTable.item(prefix + k, "0", PAYLOAD_BYTES, v));
                            item.put("v", AttributeValue.fromN(Integer.toString(v)));
                            items.add(item);
                        }
                        if (batchWrites) {
                            BenchTable.batchWrite(client, table, items);
                        } else {
                            items.forEach(item -> client.putItem(b -> b.tableName(table).item(item)));
                        }
                    }
                    client.close();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return System.nanoTime();
        } finally {
            pool.shutdownNow();
        }
    }
}
