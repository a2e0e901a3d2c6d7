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
}
