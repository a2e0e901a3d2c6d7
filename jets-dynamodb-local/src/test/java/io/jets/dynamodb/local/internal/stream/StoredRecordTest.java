package io.jets.dynamodb.local.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.stream.StreamRecords.StoredRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredRecordTest {

    /** An item whose attribute names and values imitate the record's own members. */
    private static final String TRICKY_IMAGE = "{\"id\":{\"S\":\"a\"},\"SequenceNumber\":{\"S\":\"\"},"
            + "\"SizeBytes\":{\"N\":\"7\"},\"note\":{\"S\":\"\\\"SequenceNumber\\\":\\\"\\\" and \\\"SizeBytes\\\":9\"}}";

    @Test
    void answer_fillsInTheRecordsOwnSequenceNumber_notLookalikesInItsImages() {
        ObjectNode stored = storedRecord(TRICKY_IMAGE, 1234);

        ObjectNode answered = Json.parseObject(new StoredRecord(42, bytes(stored)).answer().utf8());

        ObjectNode expected = stored.deepCopy();
        ((ObjectNode) expected.get("dynamodb")).put("SequenceNumber", SequenceNumbers.format(42));
        assertThat(answered).isEqualTo(expected);
        assertThat(answered.at("/dynamodb/NewImage/SequenceNumber/S").asText()).isEmpty();
    }

    @Test
    void sizeBytes_readsTheRecordsOwnSize() {
        assertThat(new StoredRecord(1, bytes(storedRecord(TRICKY_IMAGE, 1234))).sizeBytes()).isEqualTo(1234);
    }

    @Test
    void answer_ofARecordWithoutThePlaceholder_stillCarriesItsSequenceNumber() {
        ObjectNode stored = storedRecord("{\"id\":{\"S\":\"a\"}}", 10);
        ((ObjectNode) stored.get("dynamodb")).remove("SequenceNumber");

        ObjectNode answered = Json.parseObject(new StoredRecord(7, bytes(stored)).answer().utf8());

        assertThat(answered.at("/dynamodb/SequenceNumber").asText()).isEqualTo(SequenceNumbers.format(7));
    }

    private static ObjectNode storedRecord(String image, long size) {
        ObjectNode record = Json.parseObject("{\"eventID\":\"e1\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\","
                + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{"
                + "\"ApproximateCreationDateTime\":1700000000,\"Keys\":{\"id\":{\"S\":\"a\"}},\"NewImage\":" + image
                + ",\"SequenceNumber\":\"\",\"SizeBytes\":" + size + ",\"StreamViewType\":\"NEW_IMAGE\"}}");
        return record;
    }

    private static byte[] bytes(ObjectNode node) {
        return Json.write(node).getBytes(StandardCharsets.UTF_8);
    }
}
