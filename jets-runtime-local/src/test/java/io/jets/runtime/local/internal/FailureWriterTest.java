package io.jets.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.runtime.local.failures.FailureRecord;
import io.jets.runtime.local.failures.LocalFailures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureWriterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String STREAM = "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388";

    @TempDir
    Path state;

    @Test
    void snsTopic_getsOneJsonMessagePerDiscardedBatch_inAwsShape() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2019-11-14T00:13:49.717Z"), ZoneOffset.UTC);
        FailureWriter writer = new FailureWriter(state, clock, JSON);
        StreamRecord record = new StreamRecord(JSON.createObjectNode(), "800000000003126276362",
                Instant.parse("2019-11-14T00:13:19Z"), "{}", new byte[10]);
        InvokeResult last = new InvokeResult("c9b8fa9f-5a7f-4cd2-b2ba-6b0b5c9b6f4e", InvokeResult.Outcome.ERROR, null,
                "java.lang.IllegalStateException", "boom");

        writer.write("arn:aws:sns:us-east-2:123456789012:alerts", "uuid", "arn:aws:lambda:us-east-2:123456789012:"
                        + "function:my-function", STREAM, "shardId-00000001573689847184-864758bb", List.of(record),
                "RetryAttemptsExhausted", 1, last, new byte[0]);

        List<FailureRecord> records = LocalFailures.in(state).list();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).destination()).isEqualTo("sns/alerts");
        assertThat(records.get(0).id()).matches("sns/alerts/20191114T001349\\.717-[0-9a-f-]{36}\\.json");
        JsonNode expected = JSON.readTree("""
                {"requestContext":{"requestId":"c9b8fa9f-5a7f-4cd2-b2ba-6b0b5c9b6f4e",
                  "functionArn":"arn:aws:lambda:us-east-2:123456789012:function:my-function",
                  "condition":"RetryAttemptsExhausted","approximateInvokeCount":1},
                 "responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},
                 "version":"1.0","timestamp":"2019-11-14T00:13:49.717Z",
                 "DDBStreamBatchInfo":{"shardId":"shardId-00000001573689847184-864758bb",
                  "startSequenceNumber":"800000000003126276362","endSequenceNumber":"800000000003126276362",
                  "approximateArrivalOfFirstRecord":"2019-11-14T00:13:19Z",
                  "approximateArrivalOfLastRecord":"2019-11-14T00:13:19Z","batchSize":1,
                  "streamArn":"arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388"}}
                """);
        assertThat(records.get(0).json()).isEqualTo(expected.toString());
        assertThat(LocalFailures.in(state).show(records.get(0).id())).contains(records.get(0));
    }
}
