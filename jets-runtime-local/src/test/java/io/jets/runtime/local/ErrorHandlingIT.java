package io.jets.runtime.local;

import static io.jets.runtime.local.ServerFixture.function;
import static io.jets.runtime.local.ServerFixture.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.runtime.local.failures.FailureRecord;
import io.jets.runtime.local.failures.LocalFailures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, bisect, partial batch responses, record age and on-failure destinations on the real server. */
class ErrorHandlingIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String QUEUE = "arn:aws:sqs:us-west-2:123456789012:clerk-dlq";

    @TempDir
    Path state;

    /** Fails every batch containing the item {@code poison}. */
    static final RecordingDispatcher.Behaviour POISON = (f, e, c) -> {
        if (e.toString().contains("\"poison\"")) {
            throw new IllegalStateException("cannot file poison");
        }
        return null;
    };

    @Test
    void exhaustedRetries_sendTheOnFailureRecordToTheQueue_andTheShardMovesOn() throws Exception {
        try (ServerFixture fx = new ServerFixture(state).withTable();
             LocalRuntime runtime = fx.start(POISON, function("clerk_event-file", 0,
                     trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, false, 2, -1, QUEUE, List.of(), false, 0)))) {
            fx.put("poison", "x");
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.calls.size() == 3);
            fx.put("good", "y");
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.deliveredIds().contains("good"));
            assertThat(fx.deliveredIds()).containsExactly("poison", "poison", "poison", "good");

            List<FailureRecord> failures = LocalFailures.in(state).list();
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0).destination()).isEqualTo("sqs/clerk-dlq");
            JsonNode record = JSON.readTree(failures.get(0).json());
            String seq = fx.calls.get(0).sequenceNumbers().get(0);
            assertThat(fieldNames(record)).containsExactly("requestContext", "responseContext", "version",
                    "timestamp", "DDBStreamBatchInfo");
            assertThat(record.path("requestContext").path("functionArn").asText())
                    .isEqualTo("arn:aws:lambda:us-west-2:000000000000:function:demo-dev-clerk_event-file");
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(3);
            assertThat(record.path("responseContext").toString())
                    .isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
            assertThat(record.path("version").asText()).isEqualTo("1.0");
            assertThat(record.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            JsonNode info = record.path("DDBStreamBatchInfo");
            assertThat(fieldNames(info)).containsExactly("shardId", "startSequenceNumber", "endSequenceNumber",
                    "approximateArrivalOfFirstRecord", "approximateArrivalOfLastRecord", "batchSize", "streamArn");
            assertThat(info.path("startSequenceNumber").asText()).isEqualTo(seq);
            assertThat(info.path("endSequenceNumber").asText()).isEqualTo(seq);
            assertThat(info.path("batchSize").asInt()).isEqualTo(1);
            assertThat(info.path("streamArn").asText()).isEqualTo(fx.streamArn);
            assertThat(info.path("approximateArrivalOfFirstRecord").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(record.has("payload")).isFalse();
        }
    }

    @Test
    void s3Destination_keepsS3sKeyLayout_andAddsThePayload() throws Exception {
        String bucket = "arn:aws:s3:::clerk-failures";
        try (ServerFixture fx = new ServerFixture(state).withTable();
             LocalRuntime runtime = fx.start(POISON, function("clerk_event-file", 0,
                     trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, false, 0, -1, bucket, List.of(), false, 0)))) {
            fx.put("poison", "x");
            await().atMost(Duration.ofSeconds(10)).until(() -> LocalFailures.in(state).list().size() == 1);
            FailureRecord failure = LocalFailures.in(state).list().get(0);
            String shardId = JSON.readTree(failure.json()).path("DDBStreamBatchInfo").path("shardId").asText();
            assertThat(failure.id()).matches("s3/clerk-failures/aws/lambda/[0-9a-f-]{36}/" + shardId
                    + "/\\d{4}/\\d\\d/\\d\\d/\\d{4}-\\d\\d-\\d\\dT\\d\\d\\.\\d\\d\\.\\d\\d-[0-9a-f-]{36}");
            JsonNode payload = JSON.readTree(JSON.readTree(failure.json()).path("payload").asText());
            assertThat(payload).isEqualTo(fx.calls.get(0).event());
        }
    }

    @Test
    void bisect_isolatesThePoisonRecord_withoutUsingUpRetries() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            for (String id : List.of("a", "b", "poison", "d")) {
                fx.put(id, "v");
            }
            try (LocalRuntime runtime = fx.start(POISON, function("clerk_event-file", 0,
                    trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, true, 0, -1, QUEUE, List.of(), false, 0)))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !fx.calls.isEmpty()
                        && runtime.status().get(0).position().equals(fx.calls.get(0).sequenceNumbers().get(3)));
            }
            List<List<String>> batches = new ArrayList<>();
            fx.calls.forEach(c -> batches.add(c.event().path("Records").findValues("Keys").stream()
                    .map(k -> k.path("id").path("S").asText()).toList()));
            assertThat(batches).containsExactly(List.of("a", "b", "poison", "d"), List.of("a", "b"),
                    List.of("poison", "d"), List.of("poison"), List.of("d"));
            assertThat(LocalFailures.in(state).list()).hasSize(1);
        }
    }

    @Test
    void reportBatchItemFailures_retriesFromTheLowestReportedRecord() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            for (String id : List.of("a", "b", "c", "d")) {
                fx.put(id, "v");
            }
            RecordingDispatcher.Behaviour partial = (f, e, c) -> {
                if (fx.calls.size() > 1) {
                    return "{\"batchItemFailures\":[]}";
                }
                JsonNode records = e.path("Records");
                return "{\"batchItemFailures\":[{\"itemIdentifier\":\""
                        + records.get(3).path("dynamodb").path("SequenceNumber").asText() + "\"},"
                        + "{\"itemIdentifier\":\"" + records.get(2).path("dynamodb").path("SequenceNumber").asText()
                        + "\"}]}";
            };
            try (LocalRuntime runtime = fx.start(partial, function("clerk_event-file", 0,
                    trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), true, 0)))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> fx.calls.size() == 2);
            }
            assertThat(fx.deliveredIds()).containsExactly("a", "b", "c", "d", "c", "d");
        }
    }

    @Test
    void reportBatchItemFailures_withAnUnknownIdentifier_failsTheWholeBatch() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            fx.put("a", "v");
            fx.put("b", "v");
            RecordingDispatcher.Behaviour unknown = (f, e, c) -> fx.calls.size() == 1
                    ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"42\"}]}" : null;
            try (LocalRuntime runtime = fx.start(unknown, function("clerk_event-file", 0,
                    trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), true, 0)))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> fx.calls.size() == 2);
            }
            assertThat(fx.deliveredIds()).containsExactly("a", "b", "a", "b");
        }
    }

    @Test
    void reportBatchItemFailures_withBisect_splitsAtTheReportedRecord_withoutUsingUpARetry() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            for (String id : List.of("a", "b", "c", "d")) {
                fx.put(id, "v");
            }
            RecordingDispatcher.Behaviour partialOnce = (f, e, c) -> fx.calls.size() > 1 ? null
                    : "{\"batchItemFailures\":[{\"itemIdentifier\":\""
                    + e.path("Records").get(2).path("dynamodb").path("SequenceNumber").asText() + "\"}]}";
            try (LocalRuntime runtime = fx.start(partialOnce, function("clerk_event-file", 0,
                    trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, true, 0, -1, QUEUE, List.of(), true, 0)))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !fx.calls.isEmpty()
                        && runtime.status().get(0).position().equals(fx.calls.get(0).sequenceNumbers().get(3)));
            }
            assertThat(fx.deliveredIds()).containsExactly("a", "b", "c", "d", "c", "d");
            assertThat(LocalFailures.in(state).list()).isEmpty();
        }
    }

    @Test
    void reportBatchItemFailures_withoutBisect_andNoRetries_invokesTheRestOnce_thenDiscardsIt() throws Exception {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            for (String id : List.of("a", "b", "c", "d")) {
                fx.put(id, "v");
            }
            RecordingDispatcher.Behaviour partial = (f, e, c) -> {
                for (JsonNode record : e.path("Records")) {
                    if (record.path("dynamodb").path("Keys").path("id").path("S").asText().equals("c")) {
                        return "{\"batchItemFailures\":[{\"itemIdentifier\":\""
                                + record.path("dynamodb").path("SequenceNumber").asText() + "\"}]}";
                    }
                }
                return null;
            };
            try (LocalRuntime runtime = fx.start(partial, function("clerk_event-file", 0,
                    trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, false, 0, -1, QUEUE, List.of(), true, 0)))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> LocalFailures.in(state).list().size() == 1);
            }
            // From the reported record on, a new batch: invoked once (no retries), then discarded.
            assertThat(fx.deliveredIds()).containsExactly("a", "b", "c", "d", "c", "d");
            JsonNode info = JSON.readTree(LocalFailures.in(state).list().get(0).json()).path("DDBStreamBatchInfo");
            assertThat(info.path("batchSize").asInt()).isEqualTo(2);
            assertThat(info.path("startSequenceNumber").asText()).isEqualTo(fx.calls.get(0).sequenceNumbers().get(2));
            assertThat(info.path("endSequenceNumber").asText()).isEqualTo(fx.calls.get(0).sequenceNumbers().get(3));
            JsonNode record = JSON.readTree(LocalFailures.in(state).list().get(0).json());
            // The function returned normally: AWS writes the field with an explicit null.
            assertThat(record.path("responseContext").has("functionError")).isTrue();
            assertThat(record.path("responseContext").get("functionError").isNull()).isTrue();
        }
    }

    @Test
    void recordsOlderThanMaximumRecordAge_areDiscardedToTheDestination_measuredFromTheirCreationTime() throws Exception {
        Clock anHourLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            fx.put("stale", "v");
            try (LocalRuntime runtime = fx.start(anHourLater, (f, e, c) -> null, function("clerk_event-file", 0,
                    trigger(100, 0, StartingPosition.TRIM_HORIZON, 1, false, -1, 60, QUEUE, List.of(), false, 0)))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> LocalFailures.in(state).list().size() == 1);
            }
            assertThat(fx.calls).isEmpty();
            JsonNode record = JSON.readTree(LocalFailures.in(state).list().get(0).json());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
            // AWS counts one invocation even for records it never sent, and writes no responseContext.
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
            assertThat(record.has("responseContext")).isFalse();
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
