package io.jets.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.jets.core.testing.DynamodbEvents;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our mapping against aws-lambda-java-serialization, the library Lambda's Java runtime uses to turn the payload
 * into a {@code DynamodbEvent}: both must read every payload into equal objects, and what we write must read
 * back through Lambda's serializer into the same object.
 */
class LambdaSerializerAgreementTest {

    private final PojoSerializer<DynamodbEvent> lambda =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader());

    @Test
    void seedPayload_readsAsLambdaReadsIt() throws IOException {
        assertAgreement(DynamodbEventJsonTest.seed());
    }

    @Test
    void everyAttributeTypeAndStreamViewType_readAsLambdaReadsThem() {
        Instant created = Instant.ofEpochSecond(1700000000);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("s", "text \"quoted\" é");
        image.put("n", new java.math.BigDecimal("-12.50"));
        image.put("b", new byte[] {1, 2, 3});
        image.put("ss", Set.of("a"));
        image.put("ns", Set.of(7));
        image.put("bs", Set.of(java.nio.ByteBuffer.wrap(new byte[] {9})));
        image.put("m", Map.of("k", List.of(1, "two", true)));
        image.put("nothing", null);
        image.put("flag", false);
        for (String viewType : List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES")) {
            assertAgreement(DynamodbEvents.toJson(
                    DynamodbEvents.insert("orders").key("id", "o-1").newImage(image).streamViewType(viewType).at(created),
                    DynamodbEvents.modify("orders").key("id", "o-1").oldImage(image).newImage(image)
                            .streamViewType(viewType).at(created),
                    DynamodbEvents.remove("orders").key("id", "o-1").oldImage(image).streamViewType(viewType)
                            .byTimeToLive().at(created)));
        }
    }

    @Test
    void tumblingWindowPayload_readsAsLambdaReadsIt() {
        PojoSerializer<DynamodbTimeWindowEvent> windowed =
                LambdaEventSerializers.serializerFor(DynamodbTimeWindowEvent.class, getClass().getClassLoader());
        String json = "{\"Records\":" + DynamodbEventJson.readTree(
                        DynamodbEvents.insert("orders").key("id", "o-1").at(Instant.ofEpochSecond(1)).toJson())
                .get("Records") + ",\"window\":{\"start\":\"2020-07-30T17:00:00Z\",\"end\":\"2020-07-30T17:05:00Z\"},"
                + "\"state\":{\"1\":\"282\"},\"shardId\":\"shard123456789\",\"eventSourceARN\":\"arn:aws:dynamodb:"
                + "us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000\",\"isFinalInvokeForWindow\":false,"
                + "\"isWindowTerminatedEarly\":false}";

        DynamodbTimeWindowEvent theirs = windowed.fromJson(json);
        DynamodbTimeWindowEvent ours = DynamodbEventJson.parseTimeWindow(DynamodbEventJson.readTree(json));

        assertThat(ours).isEqualTo(theirs);
    }

    private void assertAgreement(String json) {
        DynamodbEvent theirs = lambda.fromJson(json);
        DynamodbEvent ours = DynamodbEventJson.parse(json);

        assertThat(ours).as(json).isEqualTo(theirs);
        // Not compared: Lambda's serializer writes ApproximateCreationDateTime as a double (1.550272599E9);
        // the service sends whole seconds, as we write them (see the seed).
        assertThat(lambda.fromJson(DynamodbEventJson.toJson(ours))).isEqualTo(theirs);
    }

}
