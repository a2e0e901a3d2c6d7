package io.jets.core.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Date;

/** One record of a DynamoDB stream event, in Lambda's field order and with its Java runtime's conversions. */
final class StreamRecordJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private StreamRecordJson() {
    }

    static DynamodbStreamRecord read(JsonNode node) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID(text(node, "eventID"));
        record.setEventName(text(node, "eventName"));
        record.setEventVersion(text(node, "eventVersion"));
        record.setEventSource(text(node, "eventSource"));
        record.setAwsRegion(text(node, "awsRegion"));
        record.setEventSourceARN(text(node, "eventSourceARN"));
        JsonNode identity = node.get("userIdentity");
        if (identity != null && identity.isObject()) {
            record.setUserIdentity(new Identity().withType(text(identity, "type"))
                    .withPrincipalId(text(identity, "principalId")));
        }
        JsonNode dynamodb = node.get("dynamodb");
        if (dynamodb != null && dynamodb.isObject()) {
            record.setDynamodb(streamRecord(dynamodb));
        }
        return record;
    }

    private static StreamRecord streamRecord(JsonNode node) {
        StreamRecord record = new StreamRecord();
        JsonNode created = node.get("ApproximateCreationDateTime");
        if (created != null && created.isNumber()) {
            // Lambda sends epoch seconds, possibly with a fraction; Date counts milliseconds.
            record.setApproximateCreationDateTime(new Date(created.decimalValue().movePointRight(3).longValue()));
        }
        record.setKeys(AttributeValueJson.readImage(node.get("Keys")));
        record.setNewImage(AttributeValueJson.readImage(node.get("NewImage")));
        record.setOldImage(AttributeValueJson.readImage(node.get("OldImage")));
        record.setSequenceNumber(text(node, "SequenceNumber"));
        JsonNode size = node.get("SizeBytes");
        if (size != null && size.isNumber()) {
            record.setSizeBytes(size.longValue());
        }
        String viewType = text(node, "StreamViewType");
        if (viewType != null) {
            record.setStreamViewType(StreamViewType.fromValue(viewType));
        }
        return record;
    }

    static ObjectNode write(DynamodbStreamRecord record) {
        ObjectNode json = NODES.objectNode();
        putIfPresent(json, "eventID", record.getEventID());
        putIfPresent(json, "eventName", record.getEventName());
        putIfPresent(json, "eventVersion", record.getEventVersion());
        putIfPresent(json, "eventSource", record.getEventSource());
        putIfPresent(json, "awsRegion", record.getAwsRegion());
        StreamRecord stream = record.getDynamodb();
        if (stream != null) {
            ObjectNode dynamodb = json.putObject("dynamodb");
            Date created = stream.getApproximateCreationDateTime();
            if (created != null) {
                long millis = created.getTime();
                dynamodb.set("ApproximateCreationDateTime", millis % 1000 == 0
                        ? NODES.numberNode(millis / 1000)
                        : NODES.numberNode(BigDecimal.valueOf(millis, 3)));
            }
            if (stream.getKeys() != null) {
                dynamodb.set("Keys", AttributeValueJson.writeImage(stream.getKeys()));
            }
            if (stream.getNewImage() != null) {
                dynamodb.set("NewImage", AttributeValueJson.writeImage(stream.getNewImage()));
            }
            if (stream.getOldImage() != null) {
                dynamodb.set("OldImage", AttributeValueJson.writeImage(stream.getOldImage()));
            }
            putIfPresent(dynamodb, "SequenceNumber", stream.getSequenceNumber());
            if (stream.getSizeBytes() != null) {
                dynamodb.put("SizeBytes", stream.getSizeBytes());
            }
            putIfPresent(dynamodb, "StreamViewType", stream.getStreamViewType());
        }
        putIfPresent(json, "eventSourceARN", record.getEventSourceARN());
        Identity identity = record.getUserIdentity();
        if (identity != null) {
            ObjectNode user = json.putObject("userIdentity");
            putIfPresent(user, "type", identity.getType());
            putIfPresent(user, "principalId", identity.getPrincipalId());
        }
        return json;
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The field's text, null when it is absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
