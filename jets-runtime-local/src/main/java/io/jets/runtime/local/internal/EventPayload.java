package io.jets.runtime.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns GetRecords records into the event Lambda hands a function: the fields of each record in the order Lambda
 * writes them, {@code ApproximateCreationDateTime} in whole epoch seconds written as a floating-point number
 * ({@code 1.550272599E9}), and {@code eventSourceARN} set to the stream ARN (never the table ARN). See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using AWS Lambda with Amazon DynamoDB</a>.
 */
public final class EventPayload {

    private static final List<String> RECORD_ORDER =
            List.of("eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "userIdentity");
    private static final List<String> DYNAMODB_ORDER = List.of("ApproximateCreationDateTime", "Keys", "NewImage",
            "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");

    private static final byte[] RECORDS_OPEN = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECORDS_CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    /** Lambda caps a batch's payload at 6 MB. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private final ObjectMapper json;

    public EventPayload(ObjectMapper json) {
        this.json = json;
    }

    /** One GetRecords record, reshaped as Lambda delivers it. */
    public StreamRecord record(ObjectNode raw, String streamArn) {
        ObjectNode event = json.createObjectNode();
        copyInOrder(raw, event, RECORD_ORDER, Set.of("dynamodb"));
        JsonNode dynamodb = raw.path("dynamodb");
        ObjectNode streamData = json.createObjectNode();
        long created = dynamodb.path("ApproximateCreationDateTime").asLong(0);
        // Whole seconds, written as a floating-point number (1.550272599E9) as Lambda does: Python handlers get a
        // float, and the same JSON number type reaches every runtime.
        streamData.put("ApproximateCreationDateTime", (double) created);
        if (dynamodb.isObject()) {
            copyInOrder((ObjectNode) dynamodb, streamData, DYNAMODB_ORDER, Set.of("ApproximateCreationDateTime"));
        }
        event.set("dynamodb", streamData);
        // userIdentity (TTL deletions) follows dynamodb, as on Lambda. GetRecords names its fields Type and
        // PrincipalId; Lambda's event names them type and principalId, in that order.
        JsonNode identity = raw.get("userIdentity");
        if (identity != null && identity.isObject()) {
            ObjectNode shaped = event.putObject("userIdentity");
            shaped.set("type", identity.has("Type") ? identity.get("Type") : identity.get("type"));
            shaped.set("principalId",
                    identity.has("PrincipalId") ? identity.get("PrincipalId") : identity.get("principalId"));
        }
        event.put("eventSourceARN", streamArn);
        String key = streamData.path("Keys").toString();
        return new StreamRecord(event, streamData.path("SequenceNumber").asText(),
                Instant.ofEpochSecond(created), key, bytes(event));
    }

    /** {@code {"Records":[…]}}, assembled from the records' serialised form. */
    public byte[] event(List<StreamRecord> records) {
        int size = RECORDS_OPEN.length + RECORDS_CLOSE.length;
        for (StreamRecord record : records) {
            size += record.payloadBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(RECORDS_OPEN);
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(records.get(i).json());
        }
        out.writeBytes(RECORDS_CLOSE);
        return out.toByteArray();
    }

    /** The event as a tree, for additions such as a tumbling window's state. */
    public ObjectNode eventNode(List<StreamRecord> records) {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(r -> array.add(r.event()));
        return event;
    }

    public byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyInOrder(ObjectNode from, ObjectNode to, List<String> order, Set<String> skip) {
        for (String name : order) {
            if (from.has(name) && !skip.contains(name) && !name.equals("dynamodb") && !name.equals("userIdentity")) {
                to.set(name, from.get(name));
            }
        }
        // Fields a newer service version adds travel along after the known ones.
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!order.contains(field.getKey()) && !skip.contains(field.getKey())) {
                to.set(field.getKey(), field.getValue());
            }
        }
    }
}
