package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The event a function receives is the one Lambda builds from the stream: the seed page's field order and names,
 * the STREAM ARN as eventSourceARN, whole epoch seconds written as a floating-point number, and only the images
 * the stream's view type carries.
 */
class EventPayloadConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path state;

    @Test
    void insertAndModify_areDeliveredInTheSeedPayloadsShape_withTheStreamArnAsEventSource() {
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            long before = Instant.now().getEpochSecond();
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("id-1", "name-1");
            lambda.put("id-1", "name-1-edit-1");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 2);
            long after = Instant.now().getEpochSecond();

            List<JsonNode> records = new ArrayList<>();
            lambda.invocations.forEach(i -> records.addAll(i.records()));
            assertThat(fieldNames(lambda.invocations.get(0).event())).containsExactly("Records");
            JsonNode insert = records.get(0);
            JsonNode modify = records.get(1);
            assertThat(fieldNames(insert)).containsExactly("eventID", "eventName", "eventVersion", "eventSource",
                    "awsRegion", "dynamodb", "eventSourceARN");
            assertThat(fieldNames(insert.path("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys",
                    "NewImage", "SequenceNumber", "SizeBytes", "StreamViewType");
            assertThat(fieldNames(modify.path("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys",
                    "NewImage", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");

            assertThat(insert.path("eventName").asText()).isEqualTo("INSERT");
            assertThat(modify.path("eventName").asText()).isEqualTo("MODIFY");
            for (JsonNode record : records) {
                assertThat(record.path("eventID").asText()).matches("[0-9a-f]{32}");
                assertThat(record.path("eventVersion").asText()).isEqualTo("1.1");
                assertThat(record.path("eventSource").asText()).isEqualTo("aws:dynamodb");
                assertThat(record.path("awsRegion").asText()).isEqualTo("us-west-2");
                assertThat(record.path("eventSourceARN").asText()).isEqualTo(streamArn)
                        .matches("arn:aws:dynamodb:us-west-2:\\d{12}:table/demo-dev_test-table/stream/"
                                + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
                JsonNode created = record.path("dynamodb").path("ApproximateCreationDateTime");
                // Lambda writes whole epoch seconds as a floating-point number (1.578648338E9): a Python handler
                // gets a float, not an int.
                assertThat(created.isFloatingPointNumber()).as("epoch seconds as a float: %s", created).isTrue();
                assertThat(created.doubleValue()).isEqualTo(Math.rint(created.doubleValue()));
                assertThat(created.asLong()).isBetween(before, after);
                assertThat(record.path("dynamodb").path("SizeBytes").isIntegralNumber()).isTrue();
                assertThat(record.path("dynamodb").path("SizeBytes").asInt()).isPositive();
                assertThat(record.path("dynamodb").path("SequenceNumber").asText()).matches("\\d{21,40}");
                assertThat(record.path("dynamodb").path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
            }
            assertThat(insert.path("dynamodb").path("Keys").toString()).isEqualTo("{\"id\":{\"S\":\"id-1\"}}");
            assertThat(modify.path("dynamodb").path("OldImage").path("name").toString())
                    .isEqualTo("{\"S\":\"name-1\"}");
            assertThat(modify.path("dynamodb").path("NewImage").path("name").toString())
                    .isEqualTo("{\"S\":\"name-1-edit-1\"}");
        }
    }

    @Test
    void deliveredRecords_carryTheStreamsOwnIdsSequenceNumbersAndSizes() {
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("id-1", "name-1");
            lambda.put("id-2", "name-2");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 2);

            List<Record> stream = lambda.streamRecords(streamArn);
            List<JsonNode> delivered = new ArrayList<>();
            lambda.invocations.forEach(i -> delivered.addAll(i.records()));
            assertThat(delivered).hasSameSizeAs(stream);
            for (int i = 0; i < stream.size(); i++) {
                Record expected = stream.get(i);
                JsonNode actual = delivered.get(i);
                assertThat(actual.path("eventID").asText()).isEqualTo(expected.eventID());
                assertThat(actual.path("dynamodb").path("SequenceNumber").asText())
                        .isEqualTo(expected.dynamodb().sequenceNumber());
                assertThat(actual.path("dynamodb").path("SizeBytes").asLong())
                        .isEqualTo(expected.dynamodb().sizeBytes());
                assertThat(actual.path("dynamodb").path("ApproximateCreationDateTime").asLong())
                        .isEqualTo(expected.dynamodb().approximateCreationDateTime().getEpochSecond());
            }
        }
    }

    @Test
    void removeOnANewAndOldImagesStream_carriesTheOldImageOnly() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("id-1", "name-1");
            lambda.delete(Lambda.TABLE, "id-1");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 2);

            List<JsonNode> records = new ArrayList<>();
            lambda.invocations.forEach(i -> records.addAll(i.records()));
            JsonNode remove = records.get(1);
            assertThat(remove.path("eventName").asText()).isEqualTo("REMOVE");
            assertThat(fieldNames(remove.path("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys",
                    "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
            assertThat(remove.path("dynamodb").path("OldImage").path("name").toString())
                    .isEqualTo("{\"S\":\"name-1\"}");
        }
    }

    @Test
    void keysOnlyStream_deliversOnlyTheKeys() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table(Lambda.TABLE, StreamViewType.KEYS_ONLY);
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("id-1", "name-1");
            lambda.put("id-1", "name-2");
            lambda.delete(Lambda.TABLE, "id-1");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 3);

            List<JsonNode> records = new ArrayList<>();
            lambda.invocations.forEach(i -> records.addAll(i.records()));
            assertThat(records).extracting(r -> r.path("eventName").asText())
                    .containsExactly("INSERT", "MODIFY", "REMOVE");
            for (JsonNode record : records) {
                assertThat(fieldNames(record.path("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys",
                        "SequenceNumber", "SizeBytes", "StreamViewType");
                assertThat(record.path("dynamodb").path("StreamViewType").asText()).isEqualTo("KEYS_ONLY");
            }
        }
    }

    @Test
    void newImageStream_deliversNoImageOnRemove_andOldImageStreamNoImageOnInsert() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table(Lambda.TABLE, StreamViewType.NEW_IMAGE);
            lambda.table("demo-dev_old-table", StreamViewType.OLD_IMAGE);
            lambda.start((f, e, c) -> null, function(trigger()),
                    function("old_event-file", 0, 0, new Lambda.Trigger("old-table")));
            for (String table : List.of(Lambda.TABLE, "demo-dev_old-table")) {
                lambda.put(table, "id-1", "name-1");
                lambda.delete(table, "id-1");
            }
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 4);

            List<JsonNode> newImage = records(lambda.of(Lambda.FUNCTION));
            assertThat(fieldNames(newImage.get(0).path("dynamodb"))).containsExactly("ApproximateCreationDateTime",
                    "Keys", "NewImage", "SequenceNumber", "SizeBytes", "StreamViewType");
            assertThat(fieldNames(newImage.get(1).path("dynamodb"))).containsExactly("ApproximateCreationDateTime",
                    "Keys", "SequenceNumber", "SizeBytes", "StreamViewType");
            List<JsonNode> oldImage = records(lambda.of("old_event-file"));
            assertThat(fieldNames(oldImage.get(0).path("dynamodb"))).containsExactly("ApproximateCreationDateTime",
                    "Keys", "SequenceNumber", "SizeBytes", "StreamViewType");
            assertThat(fieldNames(oldImage.get(1).path("dynamodb"))).containsExactly("ApproximateCreationDateTime",
                    "Keys", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
            assertThat(oldImage.get(1).path("dynamodb").path("StreamViewType").asText()).isEqualTo("OLD_IMAGE");
        }
    }

    @Test
    void sizeBytes_isTheSizeOfTheKeysAndImagesCarried_asMeasuredOnLambda() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(trigger()));
            // The items of LocalStack's DynamoDB Streams tests, whose SizeBytes were recorded on AWS.
            put(lambda, Map.of("id", AttributeValue.fromS("id_value")));
            put(lambda, Map.of("id", AttributeValue.fromS("id_value"), "id2", AttributeValue.fromS("id2_new_value")));
            put(lambda, Map.of("id", AttributeValue.fromS("id_value_1"),
                    "presentKey", AttributeValue.fromS("presentValue")));
            put(lambda, Map.of("id", AttributeValue.fromS("id_value_2")));
            put(lambda, Map.of("id", AttributeValue.fromS("id_value_3"), "numericFilter", AttributeValue.fromN("42")));
            put(lambda, Map.of("id", AttributeValue.fromS("id_value_4"),
                    "prefix", AttributeValue.fromS("us-1-other-suffix")));
            put(lambda, Map.of("id", AttributeValue.fromS("hello world"),
                    "binary_key", AttributeValue.fromB(SdkBytes.fromUtf8String("foobar"))));
            put(lambda, Map.of("id", AttributeValue.fromS("testId0"), "should_fail", AttributeValue.fromBool(false)));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 8);

            // Keys plus each image the record carries, every attribute counted as its name's length plus its
            // value's size (a string's UTF-8 length, a number's digits, a binary's bytes, 1 for a boolean).
            assertThat(records(lambda.invocations)).extracting(r -> r.path("dynamodb").path("SizeBytes").asInt())
                    .containsExactly(20, 46, 46, 24, 39, 47, 42, 30);
        }
    }

    private static void put(Lambda lambda, Map<String, AttributeValue> item) {
        lambda.dynamo.putItem(b -> b.tableName(Lambda.TABLE).item(item));
    }

    private static List<JsonNode> records(List<Lambda.Invocation> invocations) {
        List<JsonNode> records = new ArrayList<>();
        invocations.forEach(i -> records.addAll(i.records()));
        return records;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
