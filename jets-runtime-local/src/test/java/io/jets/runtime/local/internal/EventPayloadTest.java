package io.jets.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPayloadTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final String SEED_ARN = "arn:aws:dynamodb:us-west-2:112233445566:table/test-table/stream/2019-02-15T23:01:06.871";

    final EventPayload payload = new EventPayload(JSON);

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = EventPayloadTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void getRecordsRecord_becomesTheSeedsEvent_byteForByte() throws IOException {
        StreamRecord record = payload.record((ObjectNode) resource("get-records-modify.json"), SEED_ARN);

        String event = new String(payload.event(List.of(record)), StandardCharsets.UTF_8);

        // Read with doubles, not BigDecimal, so that the expected text keeps Lambda's 1.550272599E9.
        try (InputStream in = EventPayloadTest.class.getResourceAsStream("/events/seed-modify.json")) {
            assertThat(event).isEqualTo(new ObjectMapper().readTree(in).toString());
        }
        assertThat(record.sequenceNumber()).isEqualTo("261800000000059086429283");
        assertThat(record.created()).isEqualTo(Instant.ofEpochSecond(1550272599));
        assertThat(record.itemKey()).isEqualTo("{\"id\":{\"S\":\"1\"}}");
        assertThat(record.payloadBytes())
                .isEqualTo(record.event().toString().getBytes(StandardCharsets.UTF_8).length + 1);
    }

    @Test
    void batchEvent_isTheRecordsArrayInOrder() throws IOException {
        StreamRecord modify = payload.record((ObjectNode) resource("get-records-modify.json"), SEED_ARN);
        StreamRecord remove = payload.record((ObjectNode) resource("get-records-ttl-remove.json"), SEED_ARN);

        byte[] bytes = payload.event(List.of(modify, remove));
        JsonNode event = JSON.readTree(bytes);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(payload.eventNode(List.of(modify, remove)).toString());
        assertThat(event.path("Records").findValuesAsText("SequenceNumber"))
                .containsExactly("261800000000059086429283", "300000000000000000001");
    }

    @Test
    void ttlDeletion_keepsUserIdentity_afterDynamodb_andBeforeEventSourceArn() throws IOException {
        StreamRecord record = payload.record((ObjectNode) resource("get-records-ttl-remove.json"), SEED_ARN);

        List<String> fields = new ArrayList<>();
        record.event().fieldNames().forEachRemaining(fields::add);

        assertThat(fields).containsExactly("eventID", "eventName", "eventVersion", "eventSource", "awsRegion",
                "dynamodb", "userIdentity", "eventSourceARN");
        assertThat(record.event().path("userIdentity").toString())
                .isEqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}");
        assertThat(record.event().path("dynamodb").has("NewImage")).isFalse();
    }

    @Test
    void shapingAnAnswersBytes_writesWhatTheTreeWayWrites() throws IOException {
        ObjectNode odd = (ObjectNode) JSON.readTree("""
                {"awsRegion":"eu-west-1","dynamodb":{"ApproximateCreationDateTime":1700000000,
                "Keys":{"pk":{"S":"quote \\" and \\\\ and é ✓"}},
                "NewImage":{"pk":{"S":"quote \\" and \\\\ and é ✓"},"m":{"M":{"l":{"L":[{"N":"1.5"},{"NULL":true}]}}},
                "b":{"B":"AAEC"},"ns":{"NS":["1","-2e3"]}},"SequenceNumber":"700000000000000000042",
                "SizeBytes":87,"StreamViewType":"NEW_IMAGE","NewerMember":{"x":[1,2]}},
                "eventID":"e1","eventName":"INSERT","eventSource":"aws:dynamodb","eventVersion":"1.1",
                "recordFormat":"future"}""");
        List<JsonNode> raw = List.of(resource("get-records-modify.json"), resource("get-records-ttl-remove.json"), odd);
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("Records").addAll(raw);
        answer.put("NextShardIterator", "iterator-2");

        EventPayload.ShapedPage page = payload.shape(JSON.writeValueAsBytes(answer), SEED_ARN);

        assertThat(page).isNotNull();
        assertThat(page.nextShardIterator()).isEqualTo("iterator-2");
        assertThat(page.records()).hasSize(3);
        for (int i = 0; i < raw.size(); i++) {
            StreamRecord byTree = payload.record((ObjectNode) raw.get(i), SEED_ARN);
            StreamRecord byBytes = page.records().get(i);
            assertThat(new String(byBytes.json(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(byTree.json(), StandardCharsets.UTF_8));
            assertThat(byBytes.sequenceNumber()).isEqualTo(byTree.sequenceNumber());
            assertThat(byBytes.created()).isEqualTo(byTree.created());
            assertThat(byBytes.itemKey()).isEqualTo(byTree.itemKey());
            assertThat(byBytes.event()).isEqualTo(new ObjectMapper().readTree(byTree.json()));
        }
    }

    @Test
    void aClosedShardsLastAnswer_hasNoNextIterator_andAnAnswerOfAnotherShapeIsLeftToTheTreeWay() {
        EventPayload.ShapedPage closed = payload.shape(
                "{\"Records\":[],\"NextShardIterator\":null}".getBytes(StandardCharsets.UTF_8), SEED_ARN);

        assertThat(closed.records()).isEmpty();
        assertThat(closed.nextShardIterator()).isNull();
        assertThat(payload.shape("{\"Records\":[{\"eventID\":\"e\"}]}".getBytes(StandardCharsets.UTF_8),
                SEED_ARN)).as("a record without dynamodb").isNull();
        assertThat(payload.shape("[]".getBytes(StandardCharsets.UTF_8), SEED_ARN)).isNull();
        assertThat(payload.shape(("{\"Records\":[{\"eventID\":\"e\",\"dynamodb\":{\"SizeBytes\": 3}}]}")
                .getBytes(StandardCharsets.UTF_8), SEED_ARN)).as("not compact").isNull();
        assertThat(payload.shape("{\"Records\":[{\"dynamodb\":{\"SizeBytes\":3}".getBytes(StandardCharsets.UTF_8),
                SEED_ARN)).as("cut short").isNull();
    }
}
