package io.jets.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * put-item → handler-start latency of the local event source mapping: N sequential PutItem calls through the SDK
 * to the embedded server, each timed from just before the call to the moment the handler is invoked with its
 * record, in one JVM ({@code System.nanoTime()} on both sides). A warm-up of 200 puts runs first, unmeasured.
 *
 * <pre>
 * java -cp … io.jets.benchmarks.LatencyBenchmark --puts 1000 --mode memory|durable --data-dir DIR \
 *      --results target/results.tsv
 * </pre>
 */
public final class LatencyBenchmark {

    private static final int WARMUP_PUTS = 200;
    private static final long WAIT_SECONDS = 10;

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int puts = options.number("puts", 1000);
        boolean durable = options.text("mode", "memory").equals("durable");
        Path dataDirectory = Path.of(options.text("data-dir", "target/latency-data"));
        Results results = new Results(Path.of(options.text("results", "target/results.tsv")));

        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        RecordingDispatcher dispatcher = new RecordingDispatcher(
                (invokedAt, key, version) -> deliveries.add(new Delivery(key, invokedAt)));
        String table = "latency";
        try (EmbeddedJets jets = EmbeddedJets.start(durable ? dataDirectory : null, table, 100, dispatcher)) {
            DynamoDbClient client = jets.client();
            run(client, table, "warm-", WARMUP_PUTS, deliveries, new Latencies(), new Latencies());
            Latencies latencies = new Latencies();
            Latencies acknowledged = new Latencies();
            long lost = run(client, table, "k-", puts, deliveries, latencies, acknowledged);
            String target = durable ? "jets-durable" : "jets-memory";
            System.out.printf("%s: %d puts, p50 %.2f ms, p99 %.2f ms, mean %.2f ms, not delivered within %d s: %d"
                            + " (PutItem alone: p50 %.2f ms, p99 %.2f ms)%n",
                    target, puts, latencies.percentileMillis(50), latencies.percentileMillis(99),
                    latencies.meanMillis(), WAIT_SECONDS, lost, acknowledged.percentileMillis(50),
                    acknowledged.percentileMillis(99));
            results.append("latency", target, "put-item to handler start (ms)", Double.NaN,
                    latencies.percentileMillis(50), latencies.percentileMillis(99), lost,
                    String.format("embedded server + LocalRuntime; mean %.2f ms; %d sequential puts; "
                                    + "PutItem itself p50 %.2f ms, p99 %.2f ms", latencies.meanMillis(), puts,
                            acknowledged.percentileMillis(50), acknowledged.percentileMillis(99)));
        }
    }

    private static long run(DynamoDbClient client, String table, String prefix, int puts,
                            BlockingQueue<Delivery> deliveries, Latencies latencies, Latencies acknowledged)
            throws InterruptedException {
        long lost = 0;
        for (int i = 0; i < puts; i++) {
            String key = prefix + i;
            var item = BenchTable.item(key, "0", 200, i);
            long before = System.nanoTime();
            client.putItem(b -> b.tableName(table).item(item));
            acknowledged.add(System.nanoTime() - before);
            Delivery delivery = awaitKey(deliveries, key, before + TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
            if (delivery == null) {
                lost++;
            } else {
                latencies.add(delivery.invokedAtNanos - before);
            }
        }
        return lost;
    }

    private static Delivery awaitKey(BlockingQueue<Delivery> deliveries, String key, long deadline)
            throws InterruptedException {
        while (true) {
            long left = deadline - System.nanoTime();
            Delivery delivery = deliveries.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (delivery == null || delivery.key.equals(key)) {
                return delivery;
            }
        }
    }

    private record Delivery(String key, long invokedAtNanos) {
    }
}
