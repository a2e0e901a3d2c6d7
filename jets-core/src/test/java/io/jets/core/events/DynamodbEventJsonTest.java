package io.jets.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.jets.core.JetsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamodbEventJsonTest {

    private static final String ALL_TYPES = """
            {"Records":[{"eventID":"c4ca4238a0b923820dcc509a6f75849b","eventName":"INSERT","eventVersion":"1.1",\
            "eventSource":"aws:dynamodb","awsRegion":"us-east-1","dynamodb":{"ApproximateCreationDateTime":1479499740,\
            "Keys":{"id":{"S":"id-1"},"sk":{"N":"12.50"}},"NewImage":{"id":{"S":"id-1"},"sk":{"N":"12.50"},\
            "blob":{"B":"aGVsbG8="},"tags":{"SS":["a","b"]},"scores":{"NS":["1","2.5"]},"blobs":{"BS":["AQI=","AwQ="]},\
            "address":{"M":{"city":{"S":"Hanoi"},"zip":{"N":"100000"}}},"items":{"L":[{"S":"x"},{"N":"1"},{"BOOL":true}]},\
            "gone":{"NULL":true},"active":{"BOOL":false},"empty":{"M":{}}},"SequenceNumber":"13021600000000001596893679",\
            "SizeBytes":112,"StreamViewType":"NEW_IMAGE"},\
            "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/BarkTable/stream/2016-11-16T20:42:48.104"}]}""";

    @Test
    void parse_seedPayload_mapsEveryFieldAsLambdasJavaRuntime() throws IOException {
        DynamodbEvent event = DynamodbEventJson.parse(seed());

        DynamodbStreamRecord record = event.getRecords().get(0);
        assertThat(record.getEventID()).isEqualTo("1a87201789a6e14315b8038ebbd3b99d");
        assertThat(record.getEventName()).isEqualTo("MODIFY");
        assertThat(record.getEventVersion()).isEqualTo("1.1");
        assertThat(record.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(record.getAwsRegion()).isEqualTo("us-west-2");
        StreamRecord stream = record.getDynamodb();
        assertThat(stream.getApproximateCreationDateTime()).isEqualTo(new Date(1550272599000L));
        assertThat(stream.getKeys()).isEqualTo(Map.of("id", new AttributeValue().withS("1")));
        assertThat(stream.getNewImage()).containsOnlyKeys("name", "id");
        assertThat(stream.getOldImage().get("name").getS()).isEqualTo("Tung");
        assertThat(stream.getSequenceNumber()).isEqualTo("261800000000059086429283");
        assertThat(stream.getSizeBytes()).isEqualTo(32L);
        assertThat(stream.getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(record.getUserIdentity()).isNull();
    }

    @Test
    void toJson_ofParsedSeed_isTheSeedCompacted() throws IOException {
        String seed = seed();

        assertThat(DynamodbEventJson.toJson(DynamodbEventJson.parse(seed)))
                .isEqualTo(DynamodbEventJson.readTree(seed).toString());
    }

    @Test
    void parse_everyAttributeType_mapsToAttributeValue() {
        Map<String, AttributeValue> image = DynamodbEventJson.parse(ALL_TYPES).getRecords().get(0).getDynamodb()
                .getNewImage();

        assertThat(image.get("sk").getN()).isEqualTo("12.50");
        assertThat(image.get("blob").getB()).isEqualTo(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(image.get("tags").getSS()).containsExactly("a", "b");
        assertThat(image.get("scores").getNS()).containsExactly("1", "2.5");
        assertThat(image.get("blobs").getBS()).containsExactly(ByteBuffer.wrap(new byte[] {1, 2}),
                ByteBuffer.wrap(new byte[] {3, 4}));
        assertThat(image.get("address").getM().get("city").getS()).isEqualTo("Hanoi");
        assertThat(image.get("items").getL()).extracting(AttributeValue::getS, AttributeValue::getN,
                AttributeValue::getBOOL).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("x", null, null),
                        org.assertj.core.groups.Tuple.tuple(null, "1", null),
                        org.assertj.core.groups.Tuple.tuple(null, null, true));
        assertThat(image.get("gone").getNULL()).isTrue();
        assertThat(image.get("active").getBOOL()).isFalse();
        assertThat(image.get("empty").getM()).isEmpty();
        assertThat(image.keySet()).containsExactly("id", "sk", "blob", "tags", "scores", "blobs", "address", "items",
                "gone", "active", "empty");
    }

    @Test
    void toJson_ofEveryAttributeType_writesTheSameJsonBack() {
        assertThat(DynamodbEventJson.toJson(DynamodbEventJson.parse(ALL_TYPES))).isEqualTo(ALL_TYPES);
    }

    @Test
    void parse_ttlDeletion_keepsUserIdentity() {
        String json = """
                {"Records":[{"eventID":"1","eventName":"REMOVE","eventVersion":"1.1","eventSource":"aws:dynamodb",\
                "awsRegion":"us-east-1","dynamodb":{"Keys":{"id":{"S":"a"}},"SequenceNumber":"100000000000000000001",\
                "SizeBytes":5,"StreamViewType":"KEYS_ONLY"},"eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:\
                table/t/stream/2020-01-01T00:00:00.000","userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"}}]}""";

        DynamodbStreamRecord record = DynamodbEventJson.parse(json).getRecords().get(0);

        assertThat(record.getUserIdentity().getType()).isEqualTo("Service");
        assertThat(record.getUserIdentity().getPrincipalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(DynamodbEventJson.toJson(DynamodbEventJson.parse(json))).isEqualTo(json);
    }

    @Test
    void parse_fractionalCreationTime_keepsMilliseconds() {
        String json = "{\"Records\":[{\"dynamodb\":{\"ApproximateCreationDateTime\":1550272599.123}}]}";

        DynamodbEvent event = DynamodbEventJson.parse(json);

        assertThat(event.getRecords().get(0).getDynamodb().getApproximateCreationDateTime())
                .isEqualTo(new Date(1550272599123L));
        assertThat(DynamodbEventJson.toJson(event)).isEqualTo(json);
    }

    @Test
    void parse_withWindow_givesATimeWindowEventThatWritesBackTheSame() {
        String json = "{\"Records\":[],\"window\":{\"start\":\"2020-07-30T17:00:00Z\",\"end\":\"2020-07-30T17:05:00Z\"},"
                + "\"state\":{\"1\":\"282\"},\"shardId\":\"shard123456789\",\"eventSourceARN\":\"arn:aws:dynamodb:"
                + "us-east-1:123456789012:table/t/stream/2020-01-01T00:00:00.000\",\"isFinalInvokeForWindow\":true,"
                + "\"isWindowTerminatedEarly\":false}";

        DynamodbEvent event = DynamodbEventJson.parse(json);

        assertThat(event).isInstanceOf(DynamodbTimeWindowEvent.class);
        DynamodbTimeWindowEvent windowed = (DynamodbTimeWindowEvent) event;
        assertThat(windowed.getState()).isEqualTo(Map.of("1", "282"));
        assertThat(windowed.getIsFinalInvokeForWindow()).isTrue();
        assertThat(windowed.getEventSourceArn()).endsWith("table/t/stream/2020-01-01T00:00:00.000");
        assertThat(DynamodbEventJson.toJson(event)).isEqualTo(json);
    }

    @Test
    void responses_areWrittenAndReadInLambdasShape() {
        StreamsEventResponse response = new StreamsEventResponse(List.of(
                new StreamsEventResponse.BatchItemFailure("111"), new StreamsEventResponse.BatchItemFailure("222")));

        String json = DynamodbEventJson.toJson(response);

        assertThat(json).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"111\"},{\"itemIdentifier\":\"222\"}]}");
        assertThat(DynamodbEventJson.parseStreamsEventResponse(json).getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier).containsExactly("111", "222");
        assertThat(DynamodbEventJson.toJson(new TimeWindowEventResponse(Map.of("n", "1"), List.of())))
                .isEqualTo("{\"state\":{\"n\":\"1\"},\"batchItemFailures\":[]}");
    }

    @Test
    void parseResponses_withEmptyOrNullResponse_meanFullSuccess() {
        assertThat(DynamodbEventJson.parseStreamsEventResponse("")).isNull();
        assertThat(DynamodbEventJson.parseStreamsEventResponse("null")).isNull();
        assertThat(DynamodbEventJson.parseTimeWindowEventResponse(null)).isNull();
    }

    @Test
    void parseResponses_withMissingIdentifierOrState_keepNulls() {
        assertThat(DynamodbEventJson.parseStreamsEventResponse("{\"batchItemFailures\":[{}]}").getBatchItemFailures())
                .singleElement().extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier).isNull();
        assertThat(DynamodbEventJson.parseTimeWindowEventResponse("{\"batchItemFailures\":[]}").getState()).isNull();
    }

    @Test
    void parse_withUnknownAttributeType_saysWhichTypesExist() {
        String json = "{\"Records\":[{\"dynamodb\":{\"Keys\":{\"id\":{\"X\":\"1\"}}}}]}";

        assertThatThrownBy(() -> DynamodbEventJson.parse(json))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("Unknown DynamoDB attribute type X; expected one of S, N, B, SS, NS, BS, M, L, NULL, BOOL");
    }

    @Test
    void readTree_withInvalidJson_saysSo() {
        assertThatThrownBy(() -> DynamodbEventJson.readTree("{\"Records\":"))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessageStartingWith("The event is not valid JSON: ");
    }

    static String seed() throws IOException {
        try (InputStream in = DynamodbEventJsonTest.class.getResourceAsStream("/events/dynamodb/modify.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
