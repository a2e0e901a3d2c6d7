package io.jets.dynamodb.local.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request of a {@link BlockingHttpServer} connection. The answer is buffered and written in one piece when
 * the exchange closes, with its exact Content-Length, so that header and body leave in the same TCP segment.
 */
final class BlockingExchange extends HttpExchange {

    // Headers keeps a name as "X-amzn-requestid"; answers carry them as DynamoDB writes them, for clients that
    // look them up by exact name
    private static final Map<String, String> AWS_CASING = java.util.stream.Stream.of("x-amzn-RequestId",
                    "x-amz-crc32", "Content-Type", "Content-Encoding", "Access-Control-Allow-Headers",
                    "Access-Control-Allow-Methods", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers",
                    "Access-Control-Max-Age")
            .collect(java.util.stream.Collectors.toMap(
                    name -> Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT),
                    name -> name));
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request", 404, "Not Found",
            413, "Payload Too Large", 500, "Internal Server Error", 503, "Service Unavailable");

    private final String method;
    private final URI uri;
    private final String protocol;
    private final Headers requestHeaders;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final OutputStream connection;
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream(512);
    private InputStream requestBody;
    private OutputStream responseStream = responseBody;
    private int status = -1;
    private byte[] answer;
    private int answerLength;
    private boolean finished;

    BlockingExchange(String method, URI uri, String protocol, Headers requestHeaders, InputStream requestBody,
                     OutputStream connection, InetSocketAddress remote, InetSocketAddress local) {
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.requestHeaders = requestHeaders;
        this.requestBody = requestBody;
        this.connection = connection;
        this.remote = remote;
        this.local = local;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("contexts are not used by this server");
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseStream;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status != -1) {
            throw new IOException("headers already sent");
        }
        status = code;
    }

    /**
     * Answers with the first {@code length} bytes of {@code body}, written out as they are when the exchange closes:
     * the caller leaves them unchanged until then.
     */
    void respond(int code, byte[] body, int length) throws IOException {
        sendResponseHeaders(code, length);
        answer = body;
        answerLength = length;
    }

    /** Writes the buffered answer; a request left without one drops the connection, as the JDK server does. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            requestBody.close();
            if (status == -1) {
                throw new IOException("the request was closed without an answer");
            }
            StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                    .append(REASONS.getOrDefault(status, "Status")).append("\r\n");
            for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
                if (header.getKey().equalsIgnoreCase("Content-Length")) {
                    continue;
                }
                String name = AWS_CASING.getOrDefault(header.getKey(), header.getKey());
                for (String value : header.getValue()) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            }
            int length = answer != null ? answerLength : responseBody.size();
            head.append("Content-Length: ").append(length).append("\r\n\r\n");
            connection.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!method.equals("HEAD")) { // a HEAD answer tells the length of a body it does not carry
                if (answer != null) {
                    connection.write(answer, 0, answerLength);
                } else {
                    responseBody.writeTo(connection);
                }
            }
            connection.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer's body as written so far: how an in-process caller reads it. */
    byte[] responseBytes() {
        return answer != null ? Arrays.copyOf(answer, answerLength) : responseBody.toByteArray();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            requestBody = in;
        }
        if (out != null) {
            responseStream = out;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
