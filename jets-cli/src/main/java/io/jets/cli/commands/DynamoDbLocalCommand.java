package io.jets.cli.commands;

import io.jets.cli.JetsCommand;
import io.jets.cli.dev.ExclusiveLock;
import io.jets.dynamodb.local.DynamoDbLocal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jets dynamodb-local --port 8000 --data-dir DIR}: the local DynamoDB server on its own, until stopped. */
@Command(name = "dynamodb-local", description = "Runs the local DynamoDB server (with Streams) until stopped.")
public final class DynamoDbLocalCommand implements Callable<Integer> {

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8000", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default 8000).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "Address to bind (default 127.0.0.1).")
    String bindAddress;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".jets/dynamodb",
            description = "Directory of the durable store (default .jets/dynamodb).")
    String dataDirectory;

    @Option(names = "--in-memory", description = "Keep everything in memory (lost on exit).")
    boolean inMemory;

    @Mixin
    ServerSettings serverSettings = new ServerSettings();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path data = root.workspace().resolve(dataDirectory);
        DynamoDbLocal.Builder builder = serverSettings.applyTo(
                DynamoDbLocal.builder().port(port).bindAddress(bindAddress));
        builder = inMemory ? builder.inMemory() : builder.dataDirectory(data);
        ExclusiveLock lock = inMemory ? null : DataDirectoryLock.acquire(data);
        DynamoDbLocal server;
        try {
            server = LocalServers.start(builder, port);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
                if (lock != null) {
                    lock.close();
                }
            }
            stopped.countDown();
        };
        Thread hook = new Thread(stop, "jets-dynamodb-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("DynamoDB local listening on " + server.endpoint() + (inMemory ? " (in memory)" : " (data in " + data + ")"));
        out.println("Use it with: aws dynamodb list-tables --endpoint-url " + server.endpoint());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        try {
            stopped.await();
        } finally {
            stop.run(); // interrupted in-process, as jets dev is stopped: the server and its directory are freed
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook is what stopped us
            }
        }
        return 0;
    }
}
