package io.jets.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One keep-alive HTTP/1.1 connection sending DynamoDB JSON requests it writes itself, with a well-formed SigV4
 * Authorization header whose signature is not computed (neither our server by default nor dynalite checks it).
 * A load generator that costs a small fraction of an SDK call, so that on a shared machine the measurement is
 * bounded by the server rather than by its clients. Not the SDK's behaviour: the SDK figures stay the reference.
 */
final class RawClient implements AutoCloseable {

    private static final String DATE = ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private byte[] body = new byte[64 * 1024];

    RawClient(URI endpoint) throws IOException {
        socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        host = endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** Sends one request; the answer's body when its status is 200, otherwise null. */
    Answer call(String operation, String json) throws IOException {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\nX-Amz-Date: " + DATE + "\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=benchmark/" + DATE.substring(0, 8)
                + "/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target,"
                + " Signature=0000000000000000000000000000000000000000000000000000000000000000\r\n"
                + "Content-Length: " + payload.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(payload);
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String status = line();
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length: " + status);
        }
        if (body.length < length) {
            body = new byte[Math.max(length, body.length * 2)];
        }
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                throw new IOException("connection closed inside an answer");
            }
            read += n;
        }
        return new Answer(status.startsWith("HTTP/1.1 200"), body, length);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed inside an answer's head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An answer's status and body (valid until the next call on the same client). */
    record Answer(boolean ok, byte[] body, int length) {

        /**
         * Whether {@code text} (ASCII) is in the first or last 256 bytes of the body, where DynamoDB puts the
         * members a caller checks ({@code "Item"} first, {@code "Count"} after the items), without decoding it.
         */
        boolean holdsNearItsEnds(String text) {
            byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
            int window = 256;
            return find(wanted, 0, Math.min(length, window)) || find(wanted, Math.max(0, length - window), length);
        }

        private boolean find(byte[] wanted, int from, int to) {
            outer:
            for (int i = from; i + wanted.length <= to; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (body[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
