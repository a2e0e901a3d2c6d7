package io.jets.core.events;

import static io.jets.core.events.StreamRecordJson.putIfPresent;
import static io.jets.core.events.StreamRecordJson.text;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.TimeWindow;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.core.JetsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda's JSON for DynamoDB stream events and stream responses, to and from the aws-lambda-java-events types,
 * with the field names and conversions of Lambda's Java runtime ({@code Keys}, {@code NewImage},
 * {@code ApproximateCreationDateTime} in epoch seconds, binary as base64, {@code eventSourceARN}).
 *
 * <pre>{@code
 * DynamodbEvent event = DynamodbEventJson.parse(Files.readString(Path.of("modify.json")));
 * String json = DynamodbEventJson.toJson(event);
 * StreamsEventResponse response = DynamodbEventJson.parseStreamsEventResponse("{\"batchItemFailures\":[]}");
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using AWS Lambda with Amazon DynamoDB</a>
 */
public final class DynamodbEventJson {

    // The only fractional number of a payload is ApproximateCreationDateTime, which Lambda writes as a double
    // (1.550272599E9): read as a double it is written back exactly as received.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private DynamodbEventJson() {
    }

    /** Reads a JSON document as a tree that serialises back as received (field order and numbers kept). */
    public static JsonNode readTree(InputStream json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new JetsException("The event is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the event", e);
        }
    }

    /** Reads a JSON document as a tree that serialises back as received (field order and numbers kept). */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new JetsException("The event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static DynamodbEvent parse(String json) {
        return parse(readTree(json));
    }

    /**
     * Maps a DynamoDB stream event; a payload with a tumbling {@code window} becomes a
     * {@link DynamodbTimeWindowEvent} (a subclass), as Lambda delivers it to such a mapping.
     */
    public static DynamodbEvent parse(JsonNode json) {
        if (json.has("window")) {
            return parseTimeWindow(json);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records(json));
        return event;
    }

    public static DynamodbTimeWindowEvent parseTimeWindow(JsonNode json) {
        DynamodbTimeWindowEvent event = new DynamodbTimeWindowEvent();
        event.setRecords(records(json));
        JsonNode window = json.path("window");
        if (window.isObject()) {
            event.setWindow(new TimeWindow(text(window, "start"), text(window, "end")));
        }
        if (json.path("state").isObject()) {
            Map<String, String> state = new LinkedHashMap<>();
            json.get("state").fields().forEachRemaining(e -> state.put(e.getKey(), e.getValue().asText()));
            event.setState(state);
        }
        event.setShardId(text(json, "shardId"));
        event.setEventSourceArn(text(json, "eventSourceARN"));
        event.setIsFinalInvokeForWindow(bool(json, "isFinalInvokeForWindow"));
        event.setIsWindowTerminatedEarly(bool(json, "isWindowTerminatedEarly"));
        return event;
    }

    /** A DynamoDB JSON image ({@code {"id":{"S":"1"}}}) as attribute values, order kept. */
    public static Map<String, AttributeValue> parseImage(String json) {
        JsonNode tree = readTree(json);
        if (!tree.isObject()) {
            throw new JetsException("A DynamoDB image is a JSON object such as {\"id\":{\"S\":\"1\"}}, got: " + json);
        }
        return AttributeValueJson.readImage(tree);
    }

    /** An image as DynamoDB JSON, the reverse of {@link #parseImage(String)}. */
    public static ObjectNode imageTree(Map<String, AttributeValue> image) {
        return AttributeValueJson.writeImage(image);
    }

    /** Lambda's JSON for the event, the reverse of {@link #parse(JsonNode)}; absent fields stay absent. */
    public static ObjectNode toTree(DynamodbEvent event) {
        ObjectNode json = NODES.objectNode();
        ArrayNode records = json.putArray("Records");
        if (event.getRecords() != null) {
            event.getRecords().forEach(record -> records.add(StreamRecordJson.write(record)));
        }
        if (event instanceof DynamodbTimeWindowEvent windowed) {
            if (windowed.getWindow() != null) {
                ObjectNode window = json.putObject("window");
                window.put("start", windowed.getWindow().getStart());
                window.put("end", windowed.getWindow().getEnd());
            }
            if (windowed.getState() != null) {
                ObjectNode state = json.putObject("state");
                windowed.getState().forEach(state::put);
            }
            putIfPresent(json, "shardId", windowed.getShardId());
            putIfPresent(json, "eventSourceARN", windowed.getEventSourceArn());
            if (windowed.getIsFinalInvokeForWindow() != null) {
                json.put("isFinalInvokeForWindow", windowed.getIsFinalInvokeForWindow());
            }
            if (windowed.getIsWindowTerminatedEarly() != null) {
                json.put("isWindowTerminatedEarly", windowed.getIsWindowTerminatedEarly());
            }
        }
        return json;
    }

    public static String toJson(DynamodbEvent event) {
        return toTree(event).toString();
    }

    /** {@code {"batchItemFailures":[{"itemIdentifier":"…"}]}}, as Lambda's runtime writes the response. */
    public static String toJson(StreamsEventResponse response) {
        ObjectNode json = NODES.objectNode();
        ArrayNode failures = json.putArray("batchItemFailures");
        if (response.getBatchItemFailures() != null) {
            response.getBatchItemFailures().forEach(f -> failures.addObject().put("itemIdentifier", f.getItemIdentifier()));
        }
        return json.toString();
    }

    /** {@code {"state":{…},"batchItemFailures":[…]}}, as Lambda's runtime writes the response. */
    public static String toJson(TimeWindowEventResponse response) {
        ObjectNode json = NODES.objectNode();
        if (response.getState() == null) {
            json.putNull("state");
        } else {
            ObjectNode state = json.putObject("state");
            response.getState().forEach(state::put);
        }
        ArrayNode failures = json.putArray("batchItemFailures");
        if (response.getBatchItemFailures() != null) {
            response.getBatchItemFailures().forEach(f -> failures.addObject().put("itemIdentifier", f.getItemIdentifier()));
        }
        return json.toString();
    }

    /**
     * Reads a function's response as Lambda reads it for ReportBatchItemFailures: {@code null} for an empty or
     * {@code null} response (full success). A failure whose {@code itemIdentifier} is missing keeps a null
     * identifier, which the caller treats as a failure of the whole batch.
     */
    public static StreamsEventResponse parseStreamsEventResponse(String json) {
        JsonNode tree = json == null || json.isBlank() ? null : readTree(json);
        if (tree == null || tree.isNull()) {
            return null;
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        tree.path("batchItemFailures").forEach(f -> failures.add(
                new StreamsEventResponse.BatchItemFailure(text(f, "itemIdentifier"))));
        return new StreamsEventResponse(failures);
    }

    /** Reads a tumbling-window response; {@code null} for an empty one; {@code state} stays null when absent. */
    public static TimeWindowEventResponse parseTimeWindowEventResponse(String json) {
        JsonNode tree = json == null || json.isBlank() ? null : readTree(json);
        if (tree == null || tree.isNull()) {
            return null;
        }
        Map<String, String> state = null;
        if (tree.path("state").isObject()) {
            state = new LinkedHashMap<>();
            Map<String, String> target = state;
            tree.get("state").fields().forEachRemaining(e -> target.put(e.getKey(), e.getValue().asText()));
        }
        List<TimeWindowEventResponse.BatchItemFailure> failures = new ArrayList<>();
        tree.path("batchItemFailures").forEach(f -> failures.add(
                new TimeWindowEventResponse.BatchItemFailure(text(f, "itemIdentifier"))));
        return new TimeWindowEventResponse(state, failures);
    }

    private static List<DynamodbStreamRecord> records(JsonNode json) {
        List<DynamodbStreamRecord> records = new ArrayList<>();
        json.path("Records").forEach(node -> records.add(StreamRecordJson.read(node)));
        return records;
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }
}
