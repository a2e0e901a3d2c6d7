package io.jets.dynamodb.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the server on its own: {@code java -cp … io.jets.dynamodb.local.Main [--port 8000] [--data-dir DIR |
 * --in-memory] [--bind ADDRESS] [--require-signature ACCESS_KEY_ID:SECRET_KEY] [--ttl-interval 30s]
 * [--shard-rollover 4h] [--stream-retention 24h] [--instant-indexes]}. Prints {@code listening on
 * http://127.0.0.1:<port>} once it accepts requests and runs until the process is stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        DynamoDbLocal.Builder builder = DynamoDbLocal.builder();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i, "--port")));
                    case "--data-dir" -> builder.dataDirectory(Path.of(value(args, ++i, "--data-dir")));
                    case "--in-memory" -> builder.inMemory();
                    case "--bind" -> builder.bindAddress(value(args, ++i, "--bind"));
                    case "--require-signature" -> {
                        String pair = value(args, ++i, "--require-signature");
                        int colon = pair.indexOf(':');
                        if (colon < 1) {
                            throw new IllegalArgumentException("--require-signature takes ACCESS_KEY_ID:SECRET_KEY,"
                                    + " got: " + pair);
                        }
                        builder.requireSignature(pair.substring(0, colon), pair.substring(colon + 1));
                    }
                    case "--ttl-interval" -> builder.ttlInterval(duration(args, ++i, "--ttl-interval"));
                    case "--shard-rollover" -> builder.shardRollover(duration(args, ++i, "--shard-rollover"));
                    case "--stream-retention" -> builder.streamRetention(duration(args, ++i, "--stream-retention"));
                    case "--instant-indexes" -> builder.indexCreation(Duration.ZERO, Duration.ZERO, Duration.ZERO);
                    default -> throw new IllegalArgumentException("Unknown option: " + args[i]
                            + ". Options: --port N, --data-dir DIR, --in-memory, --bind ADDRESS,"
                            + " --require-signature ACCESS_KEY_ID:SECRET_KEY, --ttl-interval DURATION,"
                            + " --shard-rollover DURATION, --stream-retention DURATION, --instant-indexes");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        DynamoDbLocal server;
        try {
            server = builder.start();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("listening on " + server.endpoint());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static Duration duration(String[] args, int index, String option) {
        try {
            return Durations.parse(value(args, index, option));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
