package io.jets.dynamodb.local.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.ops.RequestContext;
import io.jets.dynamodb.local.internal.ops.TableArns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * The DynamoDB JSON 1.0 protocol over HTTP: {@code POST /} with {@code X-Amz-Target: DynamoDB_20120810.<Op>} or
 * {@code DynamoDBStreams_20120810.<Op>}, gzip request bodies accepted, {@code x-amz-crc32} and
 * {@code x-amzn-RequestId} on every answer, AWS error envelopes for every failure.
 */
public final class HttpFrontEnd implements AutoCloseable {

    private static final String CREDENTIAL = "Credential=";
    private static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;
    private static final long EXACT_READ_BYTES = 1024 * 1024;
    private static final String IN_PROCESS = "io.jets.in-process";
    private static final HexFormat REQUEST_ID_HEX = HexFormat.of().withUpperCase();

    private final BlockingHttpServer server;
    private final Map<String, Operation> operations;
    private final SignatureVerifier signatures;
    private final HttpDate dates = new HttpDate();

    /** @param signatures verifies SigV4 when not null; otherwise any credentials are accepted */
    public HttpFrontEnd(String bindAddress, int port, Map<String, Operation> operations,
                        SignatureVerifier signatures) throws IOException {
        this.operations = Map.copyOf(operations);
        this.signatures = signatures;
        this.server = new BlockingHttpServer(new InetSocketAddress(bindAddress, port), 256, this::serve);
    }

    public int port() {
        return server.port();
    }

    /**
     * Answers one request without a socket, through exactly the handling an HTTP request gets: what an embedding
     * process's own reads use, saving the round trip through the loopback and two thread wake-ups per call.
     */
    public Answer answer(String target, byte[] body) {
        Headers headers = new Headers();
        headers.set("Content-Type", "application/x-amz-json-1.0");
        headers.set("X-Amz-Target", target);
        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
        BlockingExchange exchange = new BlockingExchange("POST", URI.create("/"), "HTTP/1.1", headers,
                new ByteArrayInputStream(body), OutputStream.nullOutputStream(), local, local);
        // the caller is this process, not a network client: there is no signature to check
        exchange.setAttribute(IN_PROCESS, Boolean.TRUE);
        try {
            serve(exchange);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(exchange.getResponseCode(), exchange.responseBytes());
    }

    /** An in-process answer: the HTTP status and the body a client would read. */
    public record Answer(int status, byte[] body) {
    }

    private void serve(HttpExchange exchange) throws IOException {
        // unique is enough for a request id: UUID.randomUUID() draws from a SecureRandom shared by every thread
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String requestId = REQUEST_ID_HEX.toHexDigits(random.nextLong())
                + REQUEST_ID_HEX.toHexDigits(random.nextLong());
        try {
            boolean crossOrigin = allowCrossOrigin(exchange);
            if (crossOrigin && exchange.getRequestMethod().equals("OPTIONS")) {
                send(exchange, 200, new byte[0], requestId, "text/plain");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                // DynamoDB answers health checks on GET / with the host the client addressed, and nothing else
                if (!exchange.getRequestURI().getPath().equals("/")) {
                    send(exchange, 404, new byte[0], requestId, "text/plain");
                    return;
                }
                String host = exchange.getRequestHeaders().getFirst("Host");
                send(exchange, 200, ("healthy: " + (host == null ? "dynamodb.local" : host))
                        .getBytes(StandardCharsets.UTF_8), requestId, "text/plain");
                return;
            }
            int status = 200;
            ResponseBuffer body = ResponseBuffer.take();
            ApiException failure = null;
            try {
                ObjectNode response = dispatch(exchange, requestId);
                if (response != null) {
                    Json.MAPPER.writeValue(body, response);
                }
            } catch (ApiException e) {
                failure = e;
            } catch (ClassCastException | IllegalArgumentException e) {
                // a member of the wrong JSON type: DynamoDB fails to deserialize the request
                failure = ApiException.serialization(null);
            } catch (RuntimeException | StackOverflowError e) {
                // a thread that died here would drop the connection without any answer
                System.err.println("jets-dynamodb-local: internal error serving request " + requestId + ": " + e);
                e.printStackTrace();
                failure = new ApiException("com.amazonaws.dynamodb.v20120810#InternalServerError",
                        "Internal server error: " + e.getMessage(), 500);
            }
            if (failure != null) {
                status = failure.status();
                body.reset(); // whatever a failed answer had written
                Json.MAPPER.writeValue(body, error(failure));
            }
            // of repeated Accept-Encoding headers, DynamoDB heeds the last
            java.util.List<String> accepted = exchange.getRequestHeaders().get("Accept-Encoding");
            ResponseEncoding encoding = ResponseEncoding.choose(
                    accepted == null ? null : accepted.get(accepted.size() - 1), body.size());
            if (encoding != null) {
                byte[] encoded = encoding.encode(body.toByteArray());
                exchange.getResponseHeaders().set("Content-Encoding", encoding.token());
                send(exchange, status, encoded, encoded.length, requestId, answerType(exchange));
            } else {
                send(exchange, status, body.array(), body.size(), requestId, answerType(exchange));
            }
        } finally {
            exchange.close();
            ResponseBuffer.release();
        }
    }

    /** DynamoDB answers a request sent as {@code application/json} in kind, any other in its own JSON 1.0 type. */
    private static String answerType(HttpExchange exchange) {
        String sent = exchange.getRequestHeaders().getFirst("Content-Type");
        return sent != null && sent.trim().equalsIgnoreCase("application/json")
                ? "application/json" : "application/x-amz-json-1.0";
    }

    private ObjectNode dispatch(HttpExchange exchange, String requestId) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        Operation operation = target == null ? null : operations.get(target);
        if (operation == null) {
            // the body is decoded before the target is looked at: one that is not JSON fails whatever the target
            byte[] raw = readBody(exchange);
            if (raw.length > 0 && exchange.getRequestHeaders().getFirst("Content-Encoding") == null) {
                try {
                    Json.MAPPER.readTree(raw);
                } catch (JsonProcessingException e) {
                    throw ApiException.serialization(null);
                }
            }
            throw ApiException.unknownOperation();
        }
        byte[] raw = readBody(exchange);
        if (signatures != null && exchange.getAttribute(IN_PROCESS) == null) {
            signatures.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), raw);
        }
        raw = decompress(exchange, raw);
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiException.serialization(null);
        }
        if (!(request instanceof ObjectNode object)) {
            throw ApiException.serialization(null);
        }
        if (target.equals(SearchVectorsWire.TARGET)) {
            SearchVectorsWire.check(raw);
        } else {
            RequestMemberTypes.check(object, target);
        }
        String tableArn = TableArns.useNames(object);
        return TableArns.echo(operation.handle(object, new RequestContext(region(exchange), requestId)), tableArn);
    }

    /**
     * The body as sent before compression. DynamoDB fails a body it cannot decode with an internal server error,
     * not a client error: an encoding other than gzip, or gzip data that is corrupt, cut short or empty.
     */
    private static byte[] decompress(HttpExchange exchange, byte[] raw) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding == null || encoding.isEmpty() || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw undecodable("Content-Encoding " + encoding + " is not supported; send gzip or no encoding");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return readLimited(in);
        } catch (java.util.zip.ZipException e) {
            throw undecodable("the request body is not valid gzip data: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw undecodable("the request body ends before its gzip data does");
        }
    }

    private static ApiException undecodable(String message) {
        return new ApiException("com.amazonaws.dynamodb.v20120810#InternalServerError",
                "Internal server error: " + message, 500);
    }

    /**
     * CORS as DynamoDB answers it, so that scripts in a browser can call the server: any origin is allowed, and a
     * preflight {@code OPTIONS} request is granted the method and headers it asks for.
     */
    private static boolean allowCrossOrigin(HttpExchange exchange) {
        Headers request = exchange.getRequestHeaders();
        if (request.getFirst("Origin") == null) {
            return false;
        }
        Headers response = exchange.getResponseHeaders();
        response.set("Access-Control-Allow-Origin", "*");
        response.set("Access-Control-Expose-Headers", "x-amzn-RequestId,x-amzn-ErrorType,x-amz-crc32,Date");
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            response.set("Access-Control-Max-Age", "172800");
            String method = request.getFirst("Access-Control-Request-Method");
            if (method != null) {
                response.set("Access-Control-Allow-Methods", method);
            }
            String headers = request.getFirst("Access-Control-Request-Headers");
            if (headers != null) {
                response.set("Access-Control-Allow-Headers", headers);
            }
        }
        return true;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        return readLimited(exchange.getRequestBody());
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        if (in instanceof FixedLengthInputStream fixed && fixed.remaining() <= EXACT_READ_BYTES) {
            // the length is known: one array of that size, rather than chunks copied together (larger bodies are
            // read as they arrive, so that a length announced but never sent takes no memory)
            byte[] body = new byte[(int) fixed.remaining()];
            in.readNBytes(body, 0, body.length);
            return body;
        }
        if (in instanceof ByteArrayInputStream && in.available() <= MAX_REQUEST_BYTES) {
            return in.readAllBytes(); // an in-process call's body, already in memory
        }
        byte[] body = in.readNBytes((int) MAX_REQUEST_BYTES + 1);
        if (body.length > MAX_REQUEST_BYTES) {
            drain(in);
            throw new ApiException("com.amazon.coral.service#RequestEntityTooLargeException",
                    "Request entity too large: the request body exceeds " + MAX_REQUEST_BYTES + " bytes", 413);
        }
        return body;
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    /** The region of the SigV4 credential scope, which the server uses for ARNs; us-east-1 when unsigned. */
    private static String region(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String region = authorization == null ? null : credentialRegion(authorization);
        return region != null ? region : "us-east-1";
    }

    /**
     * The third part of the first {@code Credential=<key>/<date>/<region>/} in an Authorization header (each part
     * non-empty), or null: what {@code Credential=[^/]+/[^/]+/([^/]+)/} finds, without a regular expression on
     * every request.
     */
    static String credentialRegion(String authorization) {
        for (int at = authorization.indexOf(CREDENTIAL); at >= 0; at = authorization.indexOf(CREDENTIAL, at + 1)) {
            int key = at + CREDENTIAL.length();
            int date = authorization.indexOf('/', key) + 1;
            int region = date > key + 1 ? authorization.indexOf('/', date) + 1 : 0;
            int end = region > date + 1 ? authorization.indexOf('/', region) : -1;
            if (end > region) {
                return authorization.substring(region, end);
            }
        }
        return null;
    }

    private static ObjectNode error(ApiException e) {
        ObjectNode error = Json.object();
        error.put("__type", e.type());
        if (e.getMessage() != null && (e.details() == null || !e.details().has("Message"))) {
            // DynamoDB's front end capitalizes the member of the errors it raises before the operation runs
            error.put(e.type().endsWith("#SerializationException") ? "Message" : "message", e.getMessage());
        }
        if (e.details() != null) {
            error.setAll(e.details());
        }
        return error;
    }

    private void send(HttpExchange exchange, int status, byte[] body, String requestId, String contentType)
            throws IOException {
        send(exchange, status, body, body.length, requestId, contentType);
    }

    /** Answers the first {@code length} bytes of {@code body}, which the exchange writes out without a copy. */
    private void send(HttpExchange exchange, int status, byte[] body, int length, String requestId,
                      String contentType) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body, 0, length);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.getResponseHeaders().set("Date", dates.now());
        exchange.getResponseHeaders().set("Server", "Server");
        ((BlockingExchange) exchange).respond(status, body, length);
    }

    @Override
    public void close() {
        server.close();
    }
}
