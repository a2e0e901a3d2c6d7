package io.jets.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.core.FunctionDispatcher;
import io.jets.core.index.HandlerIndex;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class DynamodbEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_ARN =
            "arn:aws:dynamodb:us-west-2:112233445566:table/test-table/stream/2019-02-15T23:01:06.871";
    private static final Clock SEED_CLOCK = Clock.fixed(Instant.ofEpochSecond(1550272599), ZoneOffset.UTC);

    @Test
    void modify_reproducesTheSeedPayload_exceptItsIdentifiers() throws Exception {
        JsonNode seed = JSON.readTree(Files.readString(Path.of("src/test/resources/events/modify.json")));

        String json = DynamodbEvents.forTable("test-table").region("us-west-2", "112233445566")
                .streamArn(SEED_ARN).clock(SEED_CLOCK)
                .modify(ordered("name", "Tung", "id", "1"), ordered("name", "Tung Nguyen", "id", "1"))
                .toJson();

        ObjectNode built = (ObjectNode) JSON.readTree(json);
        ObjectNode record = (ObjectNode) built.get("Records").get(0);
        assertThat(record.get("eventID").asText()).matches("[0-9a-f]{32}");
        record.put("eventID", seed.at("/Records/0/eventID").asText());
        ((ObjectNode) record.get("dynamodb")).put("SequenceNumber", seed.at("/Records/0/dynamodb/SequenceNumber").asText());
        assertThat(built).isEqualTo(seed);
        assertThat(json).contains("\"ApproximateCreationDateTime\":1550272599,\"Keys\"");
    }

    @Test
    void records_haveIncreasingSequenceNumbersAndDistinctEventIds() {
        var records = DynamodbEvents.forTable("demo-dev_test-table").clock(SEED_CLOCK)
                .insert(Map.of("id", "id-1"))
                .modify(Map.of("id", "id-1"), Map.of("id", "id-1", "name", "n"))
                .remove(Map.of("id", "id-1", "name", "n"))
                .toEvent().getRecords();

        assertThat(records).extracting(r -> r.getEventName()).containsExactly("INSERT", "MODIFY", "REMOVE");
        List<BigInteger> sequence = records.stream().map(r -> new BigInteger(r.getDynamodb().getSequenceNumber()))
                .toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
        assertThat(records.get(0).getDynamodb().getSequenceNumber()).hasSize(21);
        assertThat(records).extracting(r -> r.getEventID()).doesNotHaveDuplicates();
        assertThat(records.get(0).getEventSourceARN()).isEqualTo(
                "arn:aws:dynamodb:us-east-1:000000000000:table/demo-dev_test-table/stream/2019-02-15T23:16:39.000");
    }

    @Test
    void viewType_decidesWhichImagesTheRecordsCarry() {
        var keysOnly = DynamodbEvents.forTable("t-1").viewType(StreamViewType.KEYS_ONLY)
                .modify(Map.of("id", "a", "n", 1), Map.of("id", "a", "n", 2)).toEvent().getRecords().get(0);
        var newImage = DynamodbEvents.forTable("t-1").viewType(StreamViewType.NEW_IMAGE)
                .remove(Map.of("id", "a", "n", 1)).toEvent().getRecords().get(0);
        var oldImage = DynamodbEvents.forTable("t-1").viewType(StreamViewType.OLD_IMAGE)
                .insert(Map.of("id", "a")).toEvent().getRecords().get(0);

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
    void expire_marksTheRemoveAsTheWorkOfTimeToLive() throws Exception {
        JsonNode record = JSON.readTree(DynamodbEvents.forTable("sessions").expire(Map.of("id", "s-1")).toJson())
                .at("/Records/0");

        assertThat(record.get("eventName").asText()).isEqualTo("REMOVE");
        assertThat(record.get("userIdentity").toString())
                .isEqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}");
    }

    @Test
    void values_becomeDynamoDbJsonOfTheirType() throws Exception {
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
        item.put("sdk", AttributeValue.fromSs(List.of("p")));

        JsonNode image = JSON.readTree(DynamodbEvents.forTable("typed").insert(item).toJson())
                .at("/Records/0/dynamodb/NewImage");

        assertThat(image.toString()).isEqualTo("{\"id\":{\"S\":\"a\"},\"count\":{\"N\":\"42\"},"
                + "\"price\":{\"N\":\"12345678901234567890.123456789\"},\"active\":{\"BOOL\":true},"
                + "\"nothing\":{\"NULL\":true},\"data\":{\"B\":\"AQID\"},\"tags\":{\"SS\":[\"x\",\"y\"]},"
                + "\"sizes\":{\"NS\":[\"1\",\"2\"]},\"list\":{\"L\":[{\"S\":\"s\"},{\"N\":\"1\"}]},"
                + "\"map\":{\"M\":{\"k\":{\"S\":\"v\"}}},\"sdk\":{\"SS\":[\"p\"]}}");
    }

    @Test
    void insert_withoutTheKeyAttribute_isRejectedNamingIt() {
        assertThatThrownBy(() -> DynamodbEvents.forTable("orders").keys("pk", "sk").insert(Map.of("pk", "p")))
                .isExactlyInstanceOf(JetsTestException.class)
                .hasMessage("The item has no key attribute sk: {\"pk\":{\"S\":\"p\"}}; add it, or name the table's "
                        + "keys with keys(...)");
    }

    @Test
    void insert_withAValueDynamoDbCannotHold_isRejectedNamingTheAttribute() {
        assertThatThrownBy(() -> DynamodbEvents.forTable("orders").insert(Map.of("id", "a", "at", Instant.EPOCH)))
                .isExactlyInstanceOf(JetsTestException.class)
                .hasMessage("Attribute at has a value DynamoDB cannot hold: 1970-01-01T00:00:00Z (java.time.Instant);"
                        + " use a String, Number, Boolean, byte[], List, Map, Set or null");
    }

    @Test
    void payload_drivesTheApplicationsHandlerThroughItsDispatcher() {
        ClassLoader loader = getClass().getClassLoader();
        FunctionDispatcher dispatcher = FunctionDispatcher.create(loader, HandlerIndex.load(loader));
        var events = DynamodbEvents.forTable("demo-dev_orders").insert(Map.of("id", "order-9", "fail", true));

        assertThatThrownBy(() -> dispatcher.invoke("flaky_event-process", events.toInputStream(),
                new ByteArrayOutputStream(), null))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("cannot process order-9");
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
