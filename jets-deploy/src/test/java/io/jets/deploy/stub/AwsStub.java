package io.jets.deploy.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local stand-in for the AWS APIs jets-deploy calls, on 127.0.0.1 and port 0, reached through the SDK's
 * endpointOverride. It names each request by operation — {@code dynamodb:DescribeTable} (JSON 1.0 target),
 * {@code logs:FilterLogEvents} (JSON 1.1 target), {@code cloudformation:CreateChangeSet} (query Action),
 * {@code lambda:GET /2015-03-31/event-source-mappings}, {@code s3:PUT} (the path is in the request) — answers with the responses
 * a test queued for that operation (the last one repeats), and records every request for assertions.
 */
public final class AwsStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Deque<Function<Request, Response>>> responders = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public AwsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code operation} with {@code responder}; several calls queue answers in order, the last repeats. */
    public synchronized AwsStub on(String operation, Function<Request, Response> responder) {
        responders.computeIfAbsent(operation, o -> new ArrayDeque<>()).addLast(responder);
        return this;
    }

    public AwsStub on(String operation, Response response) {
        return on(operation, request -> response);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    public List<String> operations() {
        return requests.stream().map(Request::operation).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        if (headers.getOrDefault("content-encoding", "").contains("aws-chunked")) {
            body = decodeChunked(body);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        Map<String, String> form = headers.getOrDefault("content-type", "").startsWith("application/x-www-form-urlencoded")
                ? parseForm(text) : Map.of();
        String operation = operation(exchange.getRequestMethod(), uri.getPath(), headers, form);
        Request request = new Request(operation, exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                headers, body, form);
        requests.add(request);
        Response response;
        synchronized (this) {
            Deque<Function<Request, Response>> queue = responders.get(operation);
            if (queue == null || queue.isEmpty()) {
                response = Response.text(501, "text/plain", "No stubbed answer for " + operation);
            } else {
                response = (queue.size() > 1 ? queue.pollFirst() : queue.peekFirst()).apply(request);
            }
        }
        byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        exchange.getResponseHeaders().add("x-amzn-RequestId", "stub-request-" + requests.size());
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private static String operation(String method, String path, Map<String, String> headers, Map<String, String> form) {
        String target = headers.get("x-amz-target");
        if (target != null) {
            String service = target.startsWith("DynamoDBStreams") ? "dynamodbstreams"
                    : target.startsWith("DynamoDB") ? "dynamodb" : target.startsWith("Logs") ? "logs" : "json";
            return service + ":" + target.substring(target.indexOf('.') + 1);
        }
        if (form.containsKey("Action")) {
            String service = form.getOrDefault("Version", "").equals("2011-06-15") ? "sts" : "cloudformation";
            return service + ":" + form.get("Action");
        }
        if (path.startsWith("/2015-03-31/")) {
            return "lambda:" + method + " " + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }
        return "s3:" + method;
    }

    /** S3 uploads arrive in aws-chunked framing ({@code <hex size>[;ext]\r\n<data>\r\n}, trailers last). */
    private static byte[] decodeChunked(byte[] framed) {
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < framed.length) {
            int lineEnd = indexOfCrLf(framed, at);
            String header = new String(framed, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            data.write(framed, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return data.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One recorded request. */
    public record Request(String operation, String method, String path, String query, Map<String, String> headers,
                          byte[] body, Map<String, String> form) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One answer. */
    public record Response(int status, String contentType, String body, Map<String, String> headers) {

        public static Response text(int status, String contentType, String body) {
            return new Response(status, contentType, body, Map.of());
        }

        /** A DynamoDB (JSON 1.0) answer. */
        public static Response dynamoDb(String json) {
            return text(200, "application/x-amz-json-1.0", json);
        }

        /** A DynamoDB error: {@code __type} with the service's namespace, as DynamoDB sends it. */
        public static Response dynamoDbError(String type, String message) {
            return text(400, "application/x-amz-json-1.0", "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type
                    + "\",\"message\":\"" + message + "\"}");
        }

        /** A CloudWatch Logs (JSON 1.1) answer. */
        public static Response logs(String json) {
            return text(200, "application/x-amz-json-1.1", json);
        }

        /** A CloudFormation (query protocol) answer wrapped in {@code <ActionResponse><ActionResult>}. */
        public static Response cloudFormation(String action, String resultXml) {
            return text(200, "text/xml", "<" + action + "Response xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                    + "<" + action + "Result>" + resultXml + "</" + action + "Result>"
                    + "<ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>"
                    + "</" + action + "Response>");
        }

        /** A CloudFormation error, for example ValidationError "Stack with id x does not exist". */
        public static Response cloudFormationError(String code, String message) {
            return text(400, "text/xml", "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                    + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                    + "<RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ErrorResponse>");
        }

        /** A Lambda (REST JSON) answer. */
        public static Response lambda(String json) {
            return text(200, "application/json", json);
        }

        /** An S3 answer with no body (PutObject, HeadBucket) and the given headers. */
        public static Response s3(Map<String, String> headers) {
            return new Response(200, "application/xml", "", headers);
        }

        /** An S3 error in REST XML. */
        public static Response s3Error(int status, String code, String message) {
            return text(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                    + "</Code><Message>" + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>");
        }
    }

}
