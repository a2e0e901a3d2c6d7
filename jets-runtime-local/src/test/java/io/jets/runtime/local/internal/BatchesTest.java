package io.jets.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

    /** A record taking {@code bytes} of payload, its comma included. */
    static StreamRecord record(int sequence, int bytes) {
        return new StreamRecord(new ObjectMapper().createObjectNode(), String.valueOf(sequence), Instant.EPOCH,
                "{\"id\":{\"S\":\"" + sequence + "\"}}", new byte[bytes - 1]);
    }

    @Test
    void split_cutsAtBatchSize_keepingOrder() {
        List<StreamRecord> records = IntStream.range(0, 7).mapToObj(i -> record(i, 100)).toList();

        List<List<StreamRecord>> batches = Batches.split(records, 3);

        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(records);
    }

    @Test
    void split_cutsBeforeTheSixMegabytePayloadCap() {
        // 16 records of 400 KB (DynamoDB's item limit) would be 6.4 MB: Lambda sends 15, then 1.
        List<StreamRecord> records = IntStream.range(0, 16).mapToObj(i -> record(i, 400 * 1024)).toList();

        List<List<StreamRecord>> batches = Batches.split(records, 10_000);

        assertThat(batches).extracting(List::size).containsExactly(15, 1);
        long firstBytes = batches.get(0).stream().mapToLong(StreamRecord::payloadBytes).sum();
        assertThat(firstBytes).isLessThanOrEqualTo(EventPayload.MAX_PAYLOAD_BYTES);
    }
}
