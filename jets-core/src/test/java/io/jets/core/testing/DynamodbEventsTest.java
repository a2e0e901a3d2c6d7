package io.jets.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.jets.core.JetsException;
import io.jets.core.events.DynamodbEventJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamodbEventsTest {

    private static final Instant CREATED = Instant.ofEpochSecond(1550272599);

    @Test
    void modify_withTheSeedsValues_producesTheSeedPayload_withLambdasFloatingPointCreationTime() throws IOException {
        String json = DynamodbEvents.modify("test-table")
                .region("us-west-2").account("112233445566").streamLabel("2019-02-15T23:01:06.871")
                .eventId("1a87201789a6e14315b8038ebbd3b99d").sequenceNumber("261800000000059086429283").at(CREATED)
                .key("id", "1")
                .newImageJson("{\"name\":{\"S\":\"Tung Nguyen\"},\"id\":{\"S\":\"1\"}}")
                .oldImage(ordered("name", "Tung", "id", "1"))
                .toJson();

        assertThat(json).isEqualTo(withLambdasCreationTime(compacted("/events/dynamodb/modify.json")));
    }

    @Test
    void insert_withFixedValues_matchesTheExpectedFile() throws IOException {
        String json = DynamodbEvents.insert("demo-dev_test-table").at(CREATED)
                .key("id", "id-1")
                .newImage(ordered("name", "name-1", "tags", Set.of("a"), "total", 12.5))
                .toJson();

        assertThat(json).isEqualTo(withLambdasCreationTime(compacted("/events/dynamodb/insert.json")));
    }

    /** The seed page shows the creation time as an integer; Lambda writes the same seconds as a double. */
    private static String withLambdasCreationTime(String json) {
        return json.replace("\"ApproximateCreationDateTime\":1550272599,",
                "\"ApproximateCreationDateTime\":1.550272599E9,");
    }

    @Test
    void insert_byDefault_looksLikeLambdasPayload() {
        JsonNode record = DynamodbEventJson.readTree(DynamodbEvents.insert("orders").key("id", "o-1").toJson())
                .get("Records").get(0);

        assertThat(record.get("eventID").asText()).matches("[0-9a-f]{32}");
        assertThat(record.get("eventVersion").asText()).isEqualTo("1.1");
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(record.get("eventSourceARN").asText())
                .isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000");
        JsonNode dynamodb = record.get("dynamodb");
        assertThat(dynamodb.get("SequenceNumber").asText()).isEqualTo("100000000000000000001");
        assertThat(dynamodb.has("OldImage")).isFalse();
        assertThat(dynamodb.get("NewImage").toString()).isEqualTo("{\"id\":{\"S\":\"o-1\"}}");
        assertThat(dynamodb.get("SizeBytes").asLong()).isEqualTo(10);
        assertThat(dynamodb.get("ApproximateCreationDateTime").asLong())
                .isBetween(Instant.now().getEpochSecond() - 5, Instant.now().getEpochSecond());
    }

    @Test
    void toEvent_withSeveralRecords_numbersThemInOrderWithDistinctIds() {
        DynamodbEvent event = DynamodbEvents.toEvent(
                DynamodbEvents.insert("orders").key("id", "a").at(CREATED),
                DynamodbEvents.modify("orders").key("id", "a").oldImage(Map.of("n", 1)).newImage(Map.of("n", 2)).at(CREATED),
                DynamodbEvents.remove("orders").key("id", "a").oldImage(Map.of("n", 2)).at(CREATED));

        assertThat(event.getRecords()).extracting(r -> r.getEventName())
                .containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(event.getRecords()).extracting(r -> new BigInteger(r.getDynamodb().getSequenceNumber()))
                .isSorted().doesNotHaveDuplicates();
        assertThat(event.getRecords()).extracting(r -> r.getEventID()).doesNotHaveDuplicates();
        assertThat(event.getRecords().get(2).getDynamodb().getNewImage()).isNull();
        assertThat(event.getRecords().get(2).getDynamodb().getOldImage().get("n").getN()).isEqualTo("2");
    }

    @Test
    void remove_byTimeToLiveWithKeysOnly_hasServiceIdentityAndNoImages() {
        DynamodbEvent event = DynamodbEvents.remove("sessions").key("id", "s-1").oldImage(Map.of("ttl", 1))
                .streamViewType("KEYS_ONLY").byTimeToLive().toEvent();

        var record = event.getRecords().get(0);
        assertThat(record.getUserIdentity().getType()).isEqualTo("Service");
        assertThat(record.getUserIdentity().getPrincipalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(record.getDynamodb().getOldImage()).isNull();
        assertThat(record.getDynamodb().getNewImage()).isNull();
        assertThat(record.getDynamodb().getStreamViewType()).isEqualTo("KEYS_ONLY");
    }

    @Test
    void streamArn_asTable_isUsedAsGivenWithItsRegion() {
        String arn = "arn:aws:dynamodb:eu-west-1:112233445566:table/t/stream/2024-02-11T15:44:30.751";

        var record = DynamodbEvents.insert(arn).key("id", "a").toEvent().getRecords().get(0);

        assertThat(record.getEventSourceARN()).isEqualTo(arn);
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void sameBuilderValues_giveTheSamePayload() {
        String first = DynamodbEvents.insert("orders").key("id", "a").at(CREATED).toJson();
        String second = DynamodbEvents.insert("orders").key("id", "a").at(CREATED).toJson();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void oldImage_onInsert_isRejected() {
        assertThatThrownBy(() -> DynamodbEvents.insert("orders").oldImage(Map.of("id", "a")))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("An INSERT record has no old image; use DynamodbEvents.modify(…) for a changed item");
    }

    @Test
    void record_withoutKeys_isRejected() {
        assertThatThrownBy(() -> DynamodbEvents.insert("orders").newImage(Map.of("n", 1)).toJson())
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("A stream record needs its key attributes: add .key(\"id\", \"id-1\")");
    }

    @Test
    void sequenceNumber_thatIsNotNumeric_isRejected() {
        assertThatThrownBy(() -> DynamodbEvents.insert("orders").sequenceNumber("abc"))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("SequenceNumber must be a numeric string of up to 40 digits, got: abc");
    }

    @Test
    void streamViewType_decidesWhichImagesTheRecordCarries() {
        var keysOnly = DynamodbEvents.modify("t-1").key("id", "a").oldImage(Map.of("n", 1)).newImage(Map.of("n", 2))
                .streamViewType("KEYS_ONLY").toEvent().getRecords().get(0);
        var newImage = DynamodbEvents.remove("t-1").key("id", "a").oldImage(Map.of("n", 1))
                .streamViewType("NEW_IMAGE").toEvent().getRecords().get(0);
        var oldImage = DynamodbEvents.insert("t-1").key("id", "a")
                .streamViewType("OLD_IMAGE").toEvent().getRecords().get(0);

        assertThat(keysOnly.getDynamodb().getNewImage()).isNull();
        assertThat(keysOnly.getDynamodb().getOldImage()).isNull();
        assertThat(keysOnly.getDynamodb().getKeys()).containsOnlyKeys("id");
        assertThat(keysOnly.getDynamodb().getSizeBytes()).isEqualTo(3L);
        assertThat(keysOnly.getDynamodb().getStreamViewType()).isEqualTo("KEYS_ONLY");
        assertThat(newImage.getDynamodb().getNewImage()).isNull();
        assertThat(newImage.getDynamodb().getOldImage()).isNull();
        assertThat(oldImage.getDynamodb().getNewImage()).isNull();
        assertThat(oldImage.getDynamodb().getOldImage()).isNull();
    }

    @Test
    void values_becomeDynamoDbJsonOfTheirType() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "a");
        item.put("count", 42);
        item.put("price", new BigDecimal("12345678901234567890.123456789"));
        item.put("active", true);
        item.put("nothing", null);
        item.put("data", new byte[] {1, 2, 3});
        item.put("tags", new LinkedHashSet<>(List.of("x", "y")));
        item.put("sizes", new LinkedHashSet<>(List.of(1, 2)));
        item.put("list", Arrays.asList("s", 1));
        item.put("map", Map.of("k", "v"));

        JsonNode image = DynamodbEventJson.readTree(DynamodbEvents.insert("typed").key("id", "a").newImage(item)
                .toJson()).at("/Records/0/dynamodb/NewImage");

        assertThat(image.toString()).isEqualTo("{\"id\":{\"S\":\"a\"},\"count\":{\"N\":\"42\"},"
                + "\"price\":{\"N\":\"12345678901234567890.123456789\"},\"active\":{\"BOOL\":true},"
                + "\"nothing\":{\"NULL\":true},\"data\":{\"B\":\"AQID\"},\"tags\":{\"SS\":[\"x\",\"y\"]},"
                + "\"sizes\":{\"NS\":[\"1\",\"2\"]},\"list\":{\"L\":[{\"S\":\"s\"},{\"N\":\"1\"}]},"
                + "\"map\":{\"M\":{\"k\":{\"S\":\"v\"}}}}");
    }

    @Test
    void toInputStream_readsAsTheSameJson() throws IOException {
        StreamRecordBuilder insert = DynamodbEvents.insert("orders").key("id", "o-1").at(CREATED);
        StreamRecordBuilder remove = DynamodbEvents.remove("orders").key("id", "o-0").at(CREATED);

        try (InputStream one = insert.toInputStream();
             InputStream batch = DynamodbEvents.toInputStream(insert, remove)) {
            assertThat(new String(one.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(insert.toJson());
            assertThat(new String(batch.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(DynamodbEvents.toJson(insert, remove));
        }
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String compacted(String resource) throws IOException {
        try (InputStream in = DynamodbEventsTest.class.getResourceAsStream(resource)) {
            return DynamodbEventJson.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)).toString();
        }
    }
}
