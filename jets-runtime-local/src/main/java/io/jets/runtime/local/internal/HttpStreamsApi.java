package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link StreamsApi} over the DynamoDB JSON 1.0 protocol with a keep-alive HTTP client. Reading the answers as raw
 * JSON (rather than through the SDK model) keeps every record field exactly as the service produced it.
 */
public final class HttpStreamsApi implements StreamsApi {

    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final String DYNAMODB = "DynamoDB_20120810.";

    private final URI endpoint;
    private final ObjectMapper json;
    private final HttpClient http;

    public HttpStreamsApi(URI endpoint, ObjectMapper json) {
        this.endpoint = endpoint;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
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
        JsonNode answer = call(STREAMS + "GetRecords", request);
        List<ObjectNode> records = new ArrayList<>();
        for (JsonNode record : answer.path("Records")) {
            records.add((ObjectNode) record);
        }
        JsonNode next = answer.get("NextShardIterator");
        return new RecordsPage(records, next == null || next.isNull() ? null : next.asText());
    }

    private JsonNode call(String target, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach DynamoDB at " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsApiException("Interrupted", "call to " + target + " interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) {
            String type = answer.path("__type").asText("UnknownError");
            String message = answer.has("message") ? answer.path("message").asText()
                    : answer.path("Message").asText("");
            throw new StreamsApiException(type.substring(type.indexOf('#') + 1), message);
        }
        return answer;
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
