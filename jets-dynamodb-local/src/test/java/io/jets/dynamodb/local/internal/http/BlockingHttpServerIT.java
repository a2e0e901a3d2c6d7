package io.jets.dynamodb.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connections left idle are closed by the server, and only those: never one whose request is being handled. */
class BlockingHttpServerIT {

    private static final Duration IDLE = Duration.ofMillis(300);
    private static final byte[] REQUEST = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void idleConnection_isClosedAfterTheIdleTimeout() throws IOException {
        try (BlockingHttpServer server = start(0);
             Socket client = connect(server)) {
            long started = System.nanoTime();

            int read = client.getInputStream().read();

            assertThat(read).as("end of stream").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(IDLE);
        }
    }

    @Test
    void connectionKeptBusy_staysOpenPastTheIdleTimeout() throws IOException, InterruptedException {
        try (BlockingHttpServer server = start(0);
             Socket client = connect(server)) {
            for (int i = 0; i < 8; i++) { // 8 × 100 ms: well past the timeout, never idle that long
                client.getOutputStream().write(REQUEST);
                assertThat(statusLine(client.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
                Thread.sleep(IDLE.toMillis() / 3);
            }
        }
    }

    @Test
    void requestHandledLongerThanTheIdleTimeout_getsItsAnswer() throws IOException {
        try (BlockingHttpServer server = start(IDLE.toMillis() * 4);
             Socket client = connect(server)) {
            client.getOutputStream().write(REQUEST);

            assertThat(statusLine(client.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    private static BlockingHttpServer start(long handlerMillis) throws IOException {
        return new BlockingHttpServer(new InetSocketAddress("127.0.0.1", 0), 16, exchange -> {
            try {
                Thread.sleep(handlerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }, IDLE);
    }

    private static Socket connect(BlockingHttpServer server) throws IOException {
        Socket client = new Socket("127.0.0.1", server.port());
        client.setSoTimeout(10_000);
        return client;
    }

    /** The status line of one answer, reading its headers to the blank line (these answers have an empty body). */
    private static String statusLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                return "closed after: " + head;
            }
            head.append((char) c);
        }
        return head.substring(0, head.indexOf("\r\n"));
    }
}
