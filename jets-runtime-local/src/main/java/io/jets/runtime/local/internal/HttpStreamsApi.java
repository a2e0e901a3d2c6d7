package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link StreamsApi} over the DynamoDB JSON 1.0 protocol with a keep-alive HTTP client. Reading the answers as raw
 * JSON (rather than through the SDK model) keeps every record field exactly as the service produced it.
 *
 * <p>Each call is made on the reader's own thread with a blocking {@link HttpURLConnection} (connections are
 * kept alive and reused): an asynchronous client would pass every GetRecords through its selector and executor
 * threads, and on a busy machine each of those hand-offs adds scheduling delay to put → handler latency. A
 * runtime embedded with its server passes a {@link Transport} that answers in-process instead.
 */
public final class HttpStreamsApi implements StreamsApi {

    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final String DYNAMODB = "DynamoDB_20120810.";

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    /** Carries one request to the server: the answer's HTTP status and body. */
    @FunctionalInterface
    public interface Transport {
        Reply send(String target, byte[] body) throws IOException;
    }

    /** An answer as the server sent it. */
    public record Reply(int status, byte[] body) {
    }

    private final URI endpoint;
    private final URL url;
    private final ObjectMapper json;
    private final Transport transport;
    /** Answers come from our own server in-process: compact JSON, reshaped without building trees. */
    private final boolean inProcess;

    public HttpStreamsApi(URI endpoint, ObjectMapper json) {
        this(endpoint, json, null);
    }

    /** Sends every request through {@code transport}, or over HTTP to {@code endpoint} when it is null. */
    public HttpStreamsApi(URI endpoint, ObjectMapper json, Transport transport) {
        this.endpoint = endpoint;
        this.json = json;
        try {
            this.url = endpoint.toURL();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint must be an http URL, got: " + endpoint, e);
        }
        this.transport = transport != null ? transport : this::overHttp;
        this.inProcess = transport != null;
    }

    @Override
    public Optional<TableInfo> describeTable(String tableName) {
        ObjectNode request = json.createObjectNode().put("TableName", tableName);
        try {
            JsonNode table = call(DYNAMODB + "DescribeTable", request).path("Table");
            JsonNode spec = table.path("StreamSpecification");
            return Optional.of(new TableInfo(tableName, spec.path("StreamEnabled").asBoolean(false),
                    table.path("LatestStreamArn").asText("")));
        } catch (StreamsApiException e) {
            if (e.is("ResourceNotFoundException")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public StreamInfo describeStream(String streamArn) {
        List<ShardInfo> shards = new ArrayList<>();
        String status = "";
        String exclusiveStart = null;
        do {
            ObjectNode request = json.createObjectNode().put("StreamArn", streamArn);
            if (exclusiveStart != null) {
                request.put("ExclusiveStartShardId", exclusiveStart);
            }
            JsonNode description = call(STREAMS + "DescribeStream", request).path("StreamDescription");
            status = description.path("StreamStatus").asText("");
            for (JsonNode shard : description.path("Shards")) {
                shards.add(new ShardInfo(shard.path("ShardId").asText(), shard.path("ParentShardId").asText(""),
                        shard.path("SequenceNumberRange").has("EndingSequenceNumber")));
            }
            JsonNode last = description.get("LastEvaluatedShardId");
            exclusiveStart = last == null || last.isNull() ? null : last.asText();
        } while (exclusiveStart != null);
        return new StreamInfo(streamArn, status, shards);
    }

    @Override
    public String shardIterator(String streamArn, String shardId, String iteratorType, String sequenceNumber) {
        ObjectNode request = json.createObjectNode().put("StreamArn", streamArn).put("ShardId", shardId)
                .put("ShardIteratorType", iteratorType);
        if (sequenceNumber != null) {
            request.put("SequenceNumber", sequenceNumber);
        }
        return call(STREAMS + "GetShardIterator", request).path("ShardIterator").asText();
    }

    @Override
    public RecordsPage records(String shardIterator, int limit) {
        ObjectNode request = json.createObjectNode().put("ShardIterator", shardIterator).put("Limit", limit);
        return page(call(STREAMS + "GetRecords", request));
    }

    private static RecordsPage page(JsonNode answer) {
        List<ObjectNode> records = new ArrayList<>();
        for (JsonNode record : answer.path("Records")) {
            records.add((ObjectNode) record);
        }
        JsonNode next = answer.get("NextShardIterator");
        return new RecordsPage(records, next == null || next.isNull() ? null : next.asText());
    }

    @Override
    public EventPayload.ShapedPage shapedRecords(String shardIterator, int limit, EventPayload payload,
                                                 String streamArn) {
        if (!inProcess) {
            return StreamsApi.super.shapedRecords(shardIterator, limit, payload, streamArn);
        }
        ObjectNode request = json.createObjectNode().put("ShardIterator", shardIterator).put("Limit", limit);
        Reply reply = send(STREAMS + "GetRecords", request);
        EventPayload.ShapedPage shaped = reply.status() == 200 ? payload.shape(reply.body(), streamArn) : null;
        return shaped != null ? shaped : payload.shape(page(answer(reply)), streamArn);
    }

    private JsonNode call(String target, ObjectNode body) {
        return answer(send(target, body));
    }

    private Reply send(String target, ObjectNode body) {
        if (Thread.currentThread().isInterrupted()) {
            throw new StreamsApiException("Interrupted", "call to " + target + " interrupted");
        }
        try {
            return transport.send(target, bytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach DynamoDB at " + endpoint + ": " + e.getMessage(), e);
        }
    }

    private JsonNode answer(Reply reply) {
        JsonNode answer = parse(reply.body());
        if (reply.status() != 200) {
            String type = answer.path("__type").asText("UnknownError");
            String message = answer.has("message") ? answer.path("message").asText()
                    : answer.path("Message").asText("");
            throw new StreamsApiException(type.substring(type.indexOf('#') + 1), message);
        }
        return answer;
    }

    private Reply overHttp(String target, byte[] request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setUseCaches(false);
        connection.setFixedLengthStreamingMode(request.length);
        connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        connection.setRequestProperty("X-Amz-Target", target);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(request);
        }
        int status = connection.getResponseCode();
        // reading the body to its end and closing the stream keeps the connection alive for the next call
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Reply(status, in == null ? new byte[0] : in.readAllBytes());
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new StreamsApiException("SerializationException", "unreadable answer: " + e.getMessage());
        }
    }
}
