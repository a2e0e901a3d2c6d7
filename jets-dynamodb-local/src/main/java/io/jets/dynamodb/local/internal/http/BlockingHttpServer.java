package io.jets.dynamodb.local.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server that serves each keep-alive connection on its own thread, start to finish: read the request,
 * run the handler, write the answer, read the next request. SDK clients keep a handful of connections open, so
 * this is a handful of threads.
 *
 * <p>Why not the JDK's {@code HttpServer}: it passes every request from its selector thread to a worker and the
 * connection back again, and formats a {@code Date} header on each answer. On a loaded machine each hand-off
 * waits for the scheduler, which roughly doubled the latency of a small request, and the date formatting alone
 * was a tenth of the server's CPU time per PutItem.
 */
final class BlockingHttpServer implements AutoCloseable {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    // like the JDK server, a connection idle for long is closed, so abandoned ones do not keep their thread
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final long CONNECTION_STACK_BYTES = 16L * 1024 * 1024;

    private final ServerSocket socket;
    private final HttpHandler handler;
    private final long idleTimeoutNanos;
    private final Map<Socket, Waiting> connections = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean closed;

    BlockingHttpServer(InetSocketAddress address, int backlog, HttpHandler handler) throws IOException {
        this(address, backlog, handler, IDLE_TIMEOUT);
    }

    /**
     * Idle connections are closed by a reaper rather than by a socket read timeout: with a timeout the JDK reads
     * a socket in non-blocking mode and parks in poll() whenever the next request has not arrived yet, two more
     * system calls per request, about a sixth of a GetItem's server time.
     */
    BlockingHttpServer(InetSocketAddress address, int backlog, HttpHandler handler, Duration idleTimeout)
            throws IOException {
        this.handler = handler;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(address, backlog);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        Thread acceptor = new Thread(this::accept, "jets-dynamodb-local-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        Thread reaper = new Thread(this::closeIdleConnections, "jets-dynamodb-local-idle-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    /** When a connection started waiting for its next request; {@link Long#MAX_VALUE} while one is handled. */
    private static final class Waiting {
        volatile long since = System.nanoTime();
    }

    private void closeIdleConnections() {
        long period = Math.max(idleTimeoutNanos / 10, 1_000_000);
        while (!closed) {
            try {
                Thread.sleep(period / 1_000_000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            connections.forEach((connection, waiting) -> {
                long since = waiting.since;
                if (since != Long.MAX_VALUE && now - since > idleTimeoutNanos) {
                    closeQuietly(connection); // its thread's blocked read fails and the thread ends
                }
            });
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // a connection that failed while being accepted concerns only its client
            }
            connections.put(connection, new Waiting());
            // expressions of up to 4 KB may nest a couple of thousand levels deep, which the parsers recurse through
            Thread thread = new Thread(null, () -> serve(connection), "jets-dynamodb-local-" + threads.incrementAndGet(),
                    CONNECTION_STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(Socket connection) {
        Waiting waiting = connections.get(connection);
        try (connection) {
            connection.setTcpNoDelay(true);
            ConnectionInput in = new ConnectionInput(connection.getInputStream());
            OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 16 * 1024);
            // asked once: the local address costs two getsockname calls each time, and neither end changes
            InetSocketAddress remote = (InetSocketAddress) connection.getRemoteSocketAddress();
            InetSocketAddress local = (InetSocketAddress) connection.getLocalSocketAddress();
            while (!closed) {
                String requestLine = readLine(in);
                if (requestLine == null) {
                    return; // the client closed its idle connection
                }
                if (requestLine.isEmpty()) {
                    continue; // stray CRLF between requests
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    writeBadRequest(out);
                    return;
                }
                Headers headers = readHeaders(in);
                if (headers == null) {
                    writeBadRequest(out);
                    return;
                }
                InputStream body = body(in, headers);
                if (body == null) {
                    writeBadRequest(out);
                    return;
                }
                if ("100-continue".equalsIgnoreCase(headers.getFirst("Expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                waiting.since = Long.MAX_VALUE;
                BlockingExchange exchange = new BlockingExchange(parts[0], uri(parts[1]), parts[2], headers, body,
                        out, remote, local);
                handler.handle(exchange);
                exchange.close();
                if (!keepAlive(parts[2], headers)) {
                    return;
                }
                waiting.since = System.nanoTime();
            }
        } catch (IOException | RuntimeException e) {
            // the connection broke or sent something unreadable: drop it, as the client will see
        } finally {
            connections.remove(connection);
        }
    }

    private static boolean keepAlive(String protocol, Headers headers) {
        String connection = headers.getFirst("Connection");
        if (connection != null && connection.equalsIgnoreCase("close")) {
            return false;
        }
        return !protocol.equals("HTTP/1.0") || (connection != null && connection.equalsIgnoreCase("keep-alive"));
    }

    private static URI uri(String target) {
        try {
            return new URI(target);
        } catch (URISyntaxException e) {
            return URI.create("/");
        }
    }

    /** The request body, bounded by Content-Length or de-chunked; null when its framing is unreadable. */
    private static InputStream body(ConnectionInput in, Headers headers) throws IOException {
        String encoding = headers.getFirst("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new java.io.ByteArrayInputStream(readChunked(in));
        }
        String length = headers.getFirst("Content-Length");
        if (length == null) {
            return InputStream.nullInputStream();
        }
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes < 0 ? null : new FixedLengthInputStream(in, bytes);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] readChunked(ConnectionInput in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (true) { // trailers, up to the empty line
                    String trailer = readLine(in);
                    if (trailer == null || trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new IOException("connection closed inside a chunk");
            }
            body.writeBytes(chunk);
            readLine(in);
        }
    }

    private static Headers readHeaders(ConnectionInput in) throws IOException {
        Headers headers = new Headers();
        int total = 0;
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.length();
            int colon = line.indexOf(':');
            if (colon <= 0 || total > MAX_HEADER_BYTES) {
                return null;
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
    }

    /** A line without its CRLF (or bare LF), or null at the end of the stream before any byte. */
    private static String readLine(ConnectionInput in) throws IOException {
        return in.readLine(MAX_HEADER_BYTES);
    }

    private static void writeBadRequest(OutputStream out) throws IOException {
        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing on shutdown: nothing left to do with the error
        }
        connections.keySet().forEach(BlockingHttpServer::closeQuietly);
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing a connection nobody uses: nothing left to do with the error
        }
    }
}
