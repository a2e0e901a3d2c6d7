package io.jets.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * PutItem, GetItem and 100-item Query throughput and latency through the AWS SDK v2, N concurrent clients, items of
 * about 1 KB, on a table with its stream enabled (NEW_AND_OLD_IMAGES). Each operation runs a warm-up phase, then a
 * measured phase of fixed duration; every call is timed, failed calls are counted and not retried.
 *
 * <p>With {@code --driver raw} the same calls go through {@link RawClient}s instead of SDK clients (results under
 * {@code server-raw}): the server's own capacity, where the SDK clients sharing the machine's cores bound the
 * SDK figures.
 *
 * <pre>
 * java -cp … io.jets.benchmarks.ServerBenchmark --target dynalite --endpoint http://127.0.0.1:4567 \
 *      --warmup 10 --measure 20 --clients 8 --results target/results.tsv
 * </pre>
 */
public final class ServerBenchmark {

    private static final int GET_ITEMS = 1000;
    private static final int QUERY_PARTITIONS = 8;
    private static final int QUERY_PAGE = 100;
    private static final int PUT_KEYS_PER_CLIENT = 2000;

    private final URI endpoint;
    private final int clients;
    private final int itemBytes;
    private final long warmupNanos;
    private final long measureNanos;
    private final String table = "bench";
    private boolean raw;

    ServerBenchmark(URI endpoint, int clients, int itemBytes, int warmupSeconds, int measureSeconds) {
        this.endpoint = endpoint;
        this.clients = clients;
        this.itemBytes = itemBytes;
        this.warmupNanos = warmupSeconds * 1_000_000_000L;
        this.measureNanos = measureSeconds * 1_000_000_000L;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        String target = options.required("target");
        ServerBenchmark benchmark = new ServerBenchmark(URI.create(options.required("endpoint")),
                options.number("clients", 8), options.number("item-bytes", 1024),
                options.number("warmup", 10), options.number("measure", 20));
        benchmark.raw = options.text("driver", "sdk").equals("raw");
        Results results = new Results(Path.of(options.text("results", "target/results.tsv")));
        DynamoDbClient client = Clients.dynamoDb(benchmark.endpoint);
        BenchTable.create(client, benchmark.table);
        benchmark.preload(client);
        String streams = BenchTable.streamSupport(client, Clients.streams(benchmark.endpoint), benchmark.table);
        long serverPid = options.number("server-pid", -1);
        for (String operation : options.text("operations", "PutItem,GetItem,Query").split(",")) {
            Phase phase = benchmark.run(operation, serverPid);
            String cpu = phase.cpu().describe(phase.latencies.count());
            System.out.printf("%-16s %-8s %10.0f ops/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  stream: %s  %s%n",
                    target + (benchmark.raw ? " (raw)" : ""), operation, phase.opsPerSecond(), phase.latencies.percentileMillis(50),
                    phase.latencies.percentileMillis(99), phase.errors, streams, cpu);
            results.append(benchmark.raw ? "server-raw" : "server", target, operation, phase.opsPerSecond(), phase.latencies.percentileMillis(50),
                    phase.latencies.percentileMillis(99), phase.errors, "stream: " + streams + "; " + cpu);
        }
    }

    private void preload(DynamoDbClient client) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < GET_ITEMS; i++) {
            items.add(BenchTable.item("g-" + i, "0", itemBytes, i));
        }
        for (int p = 0; p < QUERY_PARTITIONS; p++) {
            for (int s = 0; s < QUERY_PAGE; s++) {
                items.add(BenchTable.item("q-" + p, String.format("s-%03d", s), itemBytes, s));
            }
        }
        try {
            BenchTable.batchWrite(client, table, items);
        } catch (DynamoDbException e) {
            if (!"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            System.err.println("BatchWriteItem is not supported here; preloading with PutItem");
            items.forEach(item -> client.putItem(b -> b.tableName(table).item(item)));
        }
    }

    private Phase run(String operation, long serverPid) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        try {
            long start = System.nanoTime() + 200_000_000L; // every client starts together
            long measureFrom = start + warmupNanos;
            long end = measureFrom + measureNanos;
            AtomicLong errors = new AtomicLong();
            List<Future<Latencies>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int clientNumber = c;
                futures.add(pool.submit(() -> drive(operation, clientNumber, start, measureFrom, end, errors)));
            }
            Future<CpuUse> cpu = pool.submit(() -> CpuUse.during(serverPid, measureFrom, end));
            List<Latencies> parts = new ArrayList<>();
            for (Future<Latencies> future : futures) {
                parts.add(future.get());
            }
            return new Phase(Latencies.merge(parts), errors.get(), measureNanos, cpu.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private Latencies drive(String operation, int clientNumber, long start, long measureFrom, long end,
                            AtomicLong errors) throws java.io.IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (raw) {
            try (RawClient client = new RawClient(endpoint)) {
                return timed(start, measureFrom, end, errors, n -> rawCall(client, operation, clientNumber, n, random));
            }
        }
        DynamoDbClient client = Clients.dynamoDb(endpoint);
        try {
            return timed(start, measureFrom, end, errors, n -> {
                try {
                    return call(client, operation, clientNumber, n, random);
                } catch (SdkException e) {
                    return false;
                }
            });
        } finally {
            client.close();
        }
    }

    /** One client's call number {@code n}; whether it succeeded. */
    @FunctionalInterface
    private interface Call {
        boolean run(long n) throws java.io.IOException;
    }

    /** Calls from {@code start} until {@code end}, timing those that fall wholly after {@code measureFrom}. */
    private static Latencies timed(long start, long measureFrom, long end, AtomicLong errors, Call call)
            throws java.io.IOException {
        Latencies latencies = new Latencies();
        while (System.nanoTime() < start) {
            Thread.onSpinWait();
        }
        long n = 0;
        for (long before = System.nanoTime(); before < end; before = System.nanoTime(), n++) {
            boolean ok = call.run(n);
            long after = System.nanoTime();
            if (before >= measureFrom && after <= end) {
                if (ok) {
                    latencies.add(after - before);
                } else {
                    errors.incrementAndGet();
                }
            }
        }
        return latencies;
    }

    /** The calls of {@link #call}, written out as DynamoDB JSON; the answers are checked as loosely as cheaply. */
    private boolean rawCall(RawClient client, String operation, int clientNumber, long n, ThreadLocalRandom random)
            throws java.io.IOException {
        switch (operation) {
            case "PutItem" -> {
                String pk = "w-" + clientNumber + "-" + (n % PUT_KEYS_PER_CLIENT);
                String payload = BenchTable.item(pk, "0", itemBytes, random.nextLong()).get("payload").s();
                return client.call("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"" + pk
                        + "\"},\"sk\":{\"S\":\"0\"},\"payload\":{\"S\":\"" + payload + "\"}}}").ok();
            }
            case "GetItem" -> {
                RawClient.Answer answer = client.call("GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":"
                        + "{\"S\":\"g-" + random.nextInt(GET_ITEMS) + "\"},\"sk\":{\"S\":\"0\"}}}");
                return answer.ok() && answer.holdsNearItsEnds("\"Item\"");
            }
            case "Query" -> {
                RawClient.Answer answer = client.call("Query", "{\"TableName\":\"" + table + "\","
                        + "\"KeyConditionExpression\":\"pk = :pk\",\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"q-"
                        + random.nextInt(QUERY_PARTITIONS) + "\"}}}");
                return answer.ok() && answer.holdsNearItsEnds("\"Count\":" + QUERY_PAGE);
            }
            default -> throw new IllegalArgumentException(
                    "Operation must be one of PutItem, GetItem, Query, got: " + operation);
        }
    }

    private boolean call(DynamoDbClient client, String operation, int clientNumber, long n, ThreadLocalRandom random) {
        switch (operation) {
            case "PutItem" -> {
                // Fresh content on every write, so each put changes the item and appends a stream record.
                var item = BenchTable.item("w-" + clientNumber + "-" + (n % PUT_KEYS_PER_CLIENT), "0", itemBytes,
                        random.nextLong());
                client.putItem(b -> b.tableName(table).item(item));
                return true;
            }
            case "GetItem" -> {
                var key = Map.of("pk", AttributeValue.fromS("g-" + random.nextInt(GET_ITEMS)),
                        "sk", AttributeValue.fromS("0"));
                return client.getItem(b -> b.tableName(table).key(key)).hasItem();
            }
            case "Query" -> {
                String pk = "q-" + random.nextInt(QUERY_PARTITIONS);
                return client.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).count() == QUERY_PAGE;
            }
            default -> throw new IllegalArgumentException(
                    "Operation must be one of PutItem, GetItem, Query, got: " + operation);
        }
    }

    private record Phase(Latencies latencies, long errors, long measureNanos, CpuUse cpu) {
        double opsPerSecond() {
            return latencies.count() / (measureNanos / 1e9);
        }
    }
}
