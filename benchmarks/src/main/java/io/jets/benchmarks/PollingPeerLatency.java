package io.jets.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The bar the local runtime is measured against: a reader that polls a stream's shard at a fixed rate, as Lambda
 * does ("polls shards … at a base rate of 4 times per second"), on any endpoint that has DynamoDB Streams (moto).
 * Measures put-item → record-seen latency over sequential puts, in one JVM; each put comes after a random pause
 * of up to one poll interval, so that it lands at a random point of the poll cycle (expected mean: half an interval
 * plus the endpoint's own delay).
 *
 * <pre>
 * java -cp … io.jets.benchmarks.PollingPeerLatency --target lambda-4-polls-per-s@moto \
 *      --endpoint http://127.0.0.1:5000 --puts 200 --interval-ms 250 --results target/results.tsv
 * </pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Lambda: polling and batching streams</a>
 */
public final class PollingPeerLatency {

    private PollingPeerLatency() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        String target = options.required("target");
        URI endpoint = URI.create(options.required("endpoint"));
        int puts = options.number("puts", 200);
        int intervalMillis = options.number("interval-ms", 250);
        Results results = new Results(Path.of(options.text("results", "target/results.tsv")));

        DynamoDbClient client = Clients.dynamoDb(endpoint);
        DynamoDbStreamsClient streams = Clients.streams(endpoint);
        String table = "latency";
        BenchTable.create(client, table);
        String streamArn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        String shardId = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
        String[] iterator = {streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()};

        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleAtFixedRate(() -> {
            try {
                var page = streams.getRecords(b -> b.shardIterator(iterator[0]).limit(1000));
                long now = System.nanoTime();
                for (Record record : page.records()) {
                    seenAt.putIfAbsent(record.dynamodb().keys().get("pk").s(), now);
                }
                iterator[0] = page.nextShardIterator();
            } catch (SdkException e) {
                System.err.println("poll failed: " + e.getMessage());
            }
        }, 0, intervalMillis, TimeUnit.MILLISECONDS);

        Latencies latencies = new Latencies();
        long lost = 0;
        try {
            for (int i = 0; i < puts; i++) {
                String key = "k-" + i;
                var item = BenchTable.item(key, "0", 200, i);
                // Without a random pause each put would follow a poll at once and wait a whole interval: the
                // pause puts writes at a uniformly random point of the poll cycle, as independent writers are.
                Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(intervalMillis));
                long before = System.nanoTime();
                client.putItem(b -> b.tableName(table).item(item));
                long deadline = before + 10_000_000_000L;
                while (!seenAt.containsKey(key) && System.nanoTime() < deadline) {
                    Thread.sleep(0, 200_000);
                }
                Long seen = seenAt.get(key);
                if (seen == null) {
                    lost++;
                } else {
                    latencies.add(seen - before);
                }
            }
        } finally {
            poller.shutdownNow();
        }
        System.out.printf("%s: %d puts, p50 %.2f ms, p99 %.2f ms, mean %.2f ms, not seen within 10 s: %d%n", target,
                puts, latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.meanMillis(), lost);
        results.append("latency", target, "put-item to handler start (ms)", Double.NaN,
                latencies.percentileMillis(50), latencies.percentileMillis(99), lost,
                String.format("poll every %d ms; mean %.2f ms; %d sequential puts", intervalMillis,
                        latencies.meanMillis(), puts));
    }
}
