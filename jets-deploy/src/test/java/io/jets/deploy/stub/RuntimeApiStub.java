package io.jets.deploy.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API (version 2018-06-01) as a function's runtime sees it at {@code $AWS_LAMBDA_RUNTIME_API},
 * on 127.0.0.1 and port 0: {@code GET /runtime/invocation/next} long-polls for the invocations a test queued and
 * answers with their payload and {@code Lambda-Runtime-*} headers, {@code GET /runtime/restore/next} answers a
 * SnapStart runtime at once; the runtime's posts (an invocation's response
 * or error, an initialisation error) are answered {@code 202} and kept for assertions.
 *
 * <pre>{@code
 * try (RuntimeApiStub api = RuntimeApiStub.start()) {
 *     api.invoke(new RuntimeApiStub.Invocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd", payload, arn, deadline, trace));
 *     RuntimeApiStub.Post post = api.nextPost(Duration.ofSeconds(20));
 * }
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html">Using the Lambda runtime API</a>
 */
public final class RuntimeApiStub implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Invocation> invocations = new LinkedBlockingQueue<>();
    private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> polls = new LinkedBlockingQueue<>();
    private final AtomicInteger restores = new AtomicInteger();

    /** One event handed to the runtime by {@code /next}. */
    public record Invocation(String requestId, String payload, String invokedFunctionArn, long deadlineMs,
                             String traceId) {
    }

    /** What the runtime posted: the path below {@code /2018-06-01/runtime/}, the headers and the body. */
    public record Post(String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private RuntimeApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PREFIX, this::handle);
        // /next blocks until an invocation is queued, so every request needs its own thread.
        server.setExecutor(threads);
        server.start();
    }

    public static RuntimeApiStub start() throws IOException {
        return new RuntimeApiStub();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public void invoke(Invocation invocation) {
        invocations.add(invocation);
    }

    /** The runtime's next post, or null when none came within {@code timeout}. */
    public Post nextPost(Duration timeout) throws InterruptedException {
        return posts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for the runtime's next {@code /next} request: the first one ends initialisation, each later one the
     * invocation before it (response posted, logs written). False when none came within {@code timeout}.
     */
    public boolean awaitPoll(Duration timeout) throws InterruptedException {
        return polls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) != null;
    }

    /** How many times the runtime asked {@code /restore/next} (SnapStart's restore, once per environment). */
    public int restores() {
        return restores.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (exchange.getRequestMethod().equals("GET") && path.equals("restore/next")) {
                // SnapStart: the snapshot was taken after initialisation and this environment is its restore.
                restores.incrementAndGet();
                send(exchange, 200, "");
            } else if (exchange.getRequestMethod().equals("POST")
                    && (path.equals("init/error") || path.matches("invocation/[^/]+/(response|error)"))) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                posts.add(new Post(path, Map.copyOf(exchange.getRequestHeaders()), body));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"Unknown resource " + path + "\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        polls.add(System.nanoTime());
        Invocation invocation;
        try {
            invocation = invocations.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(invocation.deadlineMs()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedFunctionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        send(exchange, 200, invocation.payload());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // -1: no body at all; 0 would announce a chunked one
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
