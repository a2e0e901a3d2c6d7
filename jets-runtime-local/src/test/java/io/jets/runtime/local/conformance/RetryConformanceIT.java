package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.runtime.local.failures.FailureRecord;
import io.jets.runtime.local.failures.LocalFailures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda's error handling for stream sources: a failed batch is retried whole and blocks its shard; the retries
 * MaximumRetryAttempts allows come after the first attempt; records older than MaximumRecordAgeInSeconds (counted
 * from their ApproximateCreationDateTime) are discarded; bisect does not use up retries; and the on-failure record
 * has AWS's exact shape.
 */
class RetryConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUEUE = "arn:aws:sqs:us-west-2:123456789012:clerk-dlq";

    @TempDir
    Path state;

    private static Lambda.Handler failingOn(String id) {
        return (f, e, c) -> {
            if (e.toString().contains("\"" + id + "\"")) {
                throw new IllegalStateException("cannot file " + id);
            }
            return null;
        };
    }

    @Test
    void functionError_retriesTheSameWholeBatch_andBlocksTheShardUntilItSucceeds() {
        AtomicBoolean healthy = new AtomicBoolean(false);
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("a", "1");
            lambda.put("b", "1");
            lambda.start((f, e, c) -> {
                if (!healthy.get()) {
                    throw new IllegalStateException("not yet");
                }
                return null;
            }, function(trigger()));
            await().atMost(WAIT).until(() -> lambda.invocations.size() >= 2);
            lambda.put("c", "1");
            await().pollDelay(Duration.ofMillis(600)).atMost(WAIT).until(() -> lambda.invocations.size() >= 3);

            List<Lambda.Invocation> failing = List.copyOf(lambda.invocations);
            assertThat(failing).allSatisfy(i -> assertThat(i.ids()).containsExactly("a", "b"));
            healthy.set(true);
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("c"));
            List<String> afterRecovery = lambda.invocations.subList(failing.size(), lambda.invocations.size())
                    .stream().flatMap(i -> i.ids().stream()).toList();
            assertThat(afterRecovery).startsWith("a", "b").containsSubsequence("a", "b", "c");
        }
    }

    @Test
    void maximumRetryAttempts_countsRetriesAfterTheFirstAttempt_thenSendsTheOnFailureRecordAndMovesOn()
            throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            lambda.put("first", "1");
            lambda.put("poison", "1");
            lambda.start(failingOn("poison"), function(trigger().retries(2).onFailure(QUEUE)));
            await().atMost(WAIT).until(() -> LocalFailures.in(state).list().size() == 1);
            lambda.put("after", "1");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("after"));

            assertThat(lambda.invocations).hasSize(4);
            assertThat(lambda.invocations.subList(0, 3)).allSatisfy(i ->
                    assertThat(i.ids()).containsExactly("first", "poison"));
            assertThat(lambda.invocations.get(3).ids()).containsExactly("after");

            FailureRecord failure = LocalFailures.in(state).list().get(0);
            assertThat(failure.destination()).isEqualTo("sqs/clerk-dlq");
            JsonNode record = Lambda.JSON.readTree(failure.json());
            assertThat(EventPayloadConformanceIT.fieldNames(record)).containsExactly("requestContext",
                    "responseContext", "version", "timestamp", "DDBStreamBatchInfo");
            JsonNode request = record.path("requestContext");
            assertThat(EventPayloadConformanceIT.fieldNames(request)).containsExactly("requestId", "functionArn",
                    "condition", "approximateInvokeCount");
            assertThat(request.path("requestId").asText())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(request.path("functionArn").asText())
                    .matches("arn:aws:lambda:us-west-2:\\d{12}:function:" + Lambda.PHYSICAL);
            assertThat(request.path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(request.path("approximateInvokeCount").asInt()).isEqualTo(3);
            assertThat(record.path("responseContext").toString())
                    .isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
            assertThat(record.path("version").asText()).isEqualTo("1.0");
            assertThat(record.path("timestamp").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

            JsonNode info = record.path("DDBStreamBatchInfo");
            List<String> sequence = lambda.invocations.get(0).sequenceNumbers();
            assertThat(EventPayloadConformanceIT.fieldNames(info)).containsExactly("shardId", "startSequenceNumber",
                    "endSequenceNumber", "approximateArrivalOfFirstRecord", "approximateArrivalOfLastRecord",
                    "batchSize", "streamArn");
            assertThat(info.path("shardId").asText()).isEqualTo(lambda.shardId(streamArn));
            assertThat(info.path("startSequenceNumber").asText()).isEqualTo(sequence.get(0));
            assertThat(info.path("endSequenceNumber").asText()).isEqualTo(sequence.get(1));
            assertThat(info.path("batchSize").isIntegralNumber()).isTrue();
            assertThat(info.path("batchSize").asInt()).isEqualTo(2);
            assertThat(info.path("streamArn").asText()).isEqualTo(streamArn);
            long firstCreated = lambda.invocations.get(0).records().get(0).path("dynamodb")
                    .path("ApproximateCreationDateTime").asLong();
            assertThat(Instant.parse(info.path("approximateArrivalOfFirstRecord").asText()))
                    .isEqualTo(Instant.ofEpochSecond(firstCreated));
            assertThat(info.path("approximateArrivalOfLastRecord").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(record.has("payload")).isFalse();
        }
    }

    @Test
    void s3OnFailureDestination_usesS3sKeyLayout_andAddsTheEventAsPayload() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            lambda.put("poison", "1");
            lambda.start(failingOn("poison"),
                    function(trigger().retries(0).onFailure("arn:aws:s3:::clerk-failures")));
            await().atMost(WAIT).until(() -> LocalFailures.in(state).list().size() == 1);

            FailureRecord failure = LocalFailures.in(state).list().get(0);
            String shardId = lambda.shardId(streamArn);
            assertThat(failure.destination()).isEqualTo("s3/clerk-failures");
            assertThat(failure.id()).matches("s3/clerk-failures/aws/lambda/"
                    + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/"
                    + java.util.regex.Pattern.quote(shardId)
                    + "/\\d{4}/\\d\\d/\\d\\d/\\d{4}-\\d\\d-\\d\\dT\\d\\d\\.\\d\\d\\.\\d\\d-"
                    + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            JsonNode record = Lambda.JSON.readTree(failure.json());
            // The SQS and SNS body with the event added after it, as a string.
            assertThat(EventPayloadConformanceIT.fieldNames(record)).containsExactly("requestContext",
                    "responseContext", "version", "timestamp", "DDBStreamBatchInfo", "payload");
            assertThat(EventPayloadConformanceIT.fieldNames(record.path("DDBStreamBatchInfo"))).containsExactly(
                    "shardId", "startSequenceNumber", "endSequenceNumber", "approximateArrivalOfFirstRecord",
                    "approximateArrivalOfLastRecord", "batchSize", "streamArn");
            assertThat(record.path("responseContext").toString())
                    .isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
            assertThat(record.path("payload").isTextual()).isTrue();
            JsonNode payload = Lambda.JSON.readTree(record.path("payload").asText());
            assertThat(payload).isEqualTo(lambda.invocations.get(0).event());
        }
    }

    @Test
    void maximumRetryAttemptsZero_invokesOnce_andDiscardsTheBatch() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("poison", "1");
            lambda.start(failingOn("poison"), function(trigger().retries(0).onFailure(QUEUE)));
            await().atMost(WAIT).until(() -> LocalFailures.in(state).list().size() == 1);
            lambda.put("after", "1");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("after"));
            assertThat(lambda.deliveredIds()).containsExactly("poison", "after");
        }
    }

    @Test
    void bisect_splitsTheFailingBatchInHalves_withoutUsingUpRetries() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            for (String id : List.of("a", "b", "poison", "d")) {
                lambda.put(id, "1");
            }
            lambda.start(failingOn("poison"), function(trigger().bisect().retries(0).onFailure(QUEUE)));
            await().atMost(WAIT).until(() -> LocalFailures.in(state).list().size() == 1
                    && lambda.invocations.size() >= 5);

            List<List<String>> batches = lambda.invocations.stream().map(Lambda.Invocation::ids).toList();
            assertThat(batches).containsExactly(List.of("a", "b", "poison", "d"), List.of("a", "b"),
                    List.of("poison", "d"), List.of("poison"), List.of("d"));
            JsonNode record = Lambda.JSON.readTree(LocalFailures.in(state).list().get(0).json());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
            String poison = lambda.invocations.get(3).sequenceNumbers().get(0);
            assertThat(record.path("DDBStreamBatchInfo").path("startSequenceNumber").asText()).isEqualTo(poison);
            assertThat(record.path("DDBStreamBatchInfo").path("endSequenceNumber").asText()).isEqualTo(poison);
        }
    }

    @Test
    void maximumRecordAge_isMeasuredFromTheRecordsCreationTime_notFromWhenItIsRead() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("young", "1");
            // Read 30 s after it was written: younger than 60 s, delivered.
            try (var runtime = lambda.start(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30)),
                    (f, e, c) -> null, function("young_event-file", 0, 0, trigger().maxAge(60).onFailure(QUEUE)))) {
                await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("young"));
            }
            // Read 90 s after it was written: older than 60 s, discarded without an invocation.
            try (var runtime = lambda.start(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(90)),
                    (f, e, c) -> null, function("old_event-file", 0, 0, trigger().maxAge(60).onFailure(QUEUE)))) {
                await().atMost(WAIT).until(() -> LocalFailures.in(state).list().size() == 1);
            }
            assertThat(lambda.of("old_event-file")).isEmpty();
            JsonNode record = Lambda.JSON.readTree(LocalFailures.in(state).list().get(0).json());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
            // Never sent to the function, yet AWS counts one invocation and writes no responseContext.
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
            assertThat(EventPayloadConformanceIT.fieldNames(record))
                    .containsExactly("requestContext", "version", "timestamp", "DDBStreamBatchInfo");
            assertThat(record.path("requestContext").path("functionArn").asText()).endsWith(":function:demo-dev-old_event-file");
            assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
        }
    }

    @Test
    void failingBatch_isRetriedUntilItsRecordsAreOlderThanMaximumRecordAge_thenDiscarded() throws Exception {
        MovableClock clock = new MovableClock();
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("poison", "1");
            lambda.start(clock, failingOn("poison"), function(trigger().maxAge(60).onFailure(QUEUE)));
            await().atMost(WAIT).until(() -> lambda.invocations.size() >= 2);
            assertThat(LocalFailures.in(state).list()).isEmpty();
            clock.advance(Duration.ofSeconds(62));
            await().atMost(WAIT).until(() -> LocalFailures.in(state).list().size() == 1);
            int invoked = lambda.invocations.size();
            clock.advance(Duration.ofSeconds(-62)); // so that the next record is young again
            lambda.put("after", "1");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("after"));

            JsonNode record = Lambda.JSON.readTree(LocalFailures.in(state).list().get(0).json());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
            // However often the function failed on them, the count is 1, as for records that expired unseen.
            assertThat(invoked).isGreaterThan(1);
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
            assertThat(record.has("responseContext")).isFalse();
            assertThat(lambda.deliveredIds()).last().isEqualTo("after");
        }
    }

    @Test
    void expiredOlderRecords_areDiscardedAsTheirOwnBatch_andTheYoungerRestIsDeliveredTogether() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            lambda.put("old", "1");
            Thread.sleep(6000);
            for (String id : List.of("y1", "y2", "y3", "y4", "y5")) {
                lambda.put(id, "1");
            }
            Instant young = lambda.streamRecords(streamArn).get(1).dynamodb().approximateCreationDateTime();
            // The runtime's clock puts the 60 s limit 4.5 s before the young records: "old" has expired, they
            // have not, and stay so for 4.5 s.
            Instant limit = young.minusMillis(4500).plusSeconds(60);
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), limit));
            lambda.start(clock, (f, e, c) -> null, function(trigger().batchSize(10).retries(0).maxAge(60)
                    .onFailure(QUEUE)));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 5
                    && LocalFailures.in(state).list().size() == 1);

            assertThat(lambda.invocations).extracting(Lambda.Invocation::ids)
                    .containsExactly(List.of("y1", "y2", "y3", "y4", "y5"));
            JsonNode record = Lambda.JSON.readTree(LocalFailures.in(state).list().get(0).json());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
            assertThat(record.has("responseContext")).isFalse();
            String old = lambda.streamRecords(streamArn).get(0).dynamodb().sequenceNumber();
            assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
            assertThat(record.path("DDBStreamBatchInfo").path("startSequenceNumber").asText()).isEqualTo(old);
            assertThat(record.path("DDBStreamBatchInfo").path("endSequenceNumber").asText()).isEqualTo(old);
        }
    }
}
