package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReportBatchItemFailures as Lambda reads the response: the checkpoint moves to just before the LOWEST reported
 * sequence number; an empty or null list (or no response) is success; an empty, null or unknown itemIdentifier
 * fails the whole batch.
 */
class PartialBatchResponseConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path state;

    /** Writes a..e, then answers the first invocation with {@code response(sequenceNumbers)}, later ones with success. */
    private List<Lambda.Invocation> run(Function<List<String>, String> firstResponse, int expectedInvocations) {
        AtomicInteger count = new AtomicInteger();
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            for (String id : List.of("a", "b", "c", "d", "e")) {
                lambda.put(id, "x");
            }
            lambda.start((f, e, c) -> {
                if (count.getAndIncrement() == 0) {
                    return firstResponse.apply(e.path("Records").findValuesAsText("SequenceNumber"));
                }
                return "{\"batchItemFailures\":[]}";
            }, function(trigger().reportFailures()));
            await().atMost(WAIT).until(() -> lambda.invocations.size() >= expectedInvocations);
            lambda.put("f", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("f"));
            return List.copyOf(lambda.invocations);
        }
    }

    private static String failures(String... identifiers) {
        StringBuilder body = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < identifiers.length; i++) {
            body.append(i > 0 ? "," : "").append("{\"itemIdentifier\":")
                    .append(identifiers[i] == null ? "null" : "\"" + identifiers[i] + "\"").append('}');
        }
        return body.append("]}").toString();
    }

    @Test
    void reportedFailures_retryFromTheLowestReportedSequenceNumber() {
        List<Lambda.Invocation> calls = run(seq -> failures(seq.get(3), seq.get(1)), 2);
        assertThat(calls.get(0).ids()).containsExactly("a", "b", "c", "d", "e");
        assertThat(calls.get(1).ids()).containsExactly("b", "c", "d", "e");
        assertThat(calls.get(2).ids()).containsExactly("f");
    }

    @Test
    void emptyFailureList_isSuccess() {
        List<Lambda.Invocation> calls = run(seq -> "{\"batchItemFailures\":[]}", 1);
        assertThat(calls).extracting(Lambda.Invocation::ids)
                .containsExactly(List.of("a", "b", "c", "d", "e"), List.of("f"));
    }

    @Test
    void nullFailureList_isSuccess() {
        List<Lambda.Invocation> calls = run(seq -> "{\"batchItemFailures\":null}", 1);
        assertThat(calls).extracting(Lambda.Invocation::ids)
                .containsExactly(List.of("a", "b", "c", "d", "e"), List.of("f"));
    }

    @Test
    void noResponse_isSuccess() {
        List<Lambda.Invocation> calls = run(seq -> null, 1);
        assertThat(calls).extracting(Lambda.Invocation::ids)
                .containsExactly(List.of("a", "b", "c", "d", "e"), List.of("f"));
    }

    @Test
    void unknownItemIdentifier_failsTheWholeBatch() {
        List<Lambda.Invocation> calls = run(seq -> failures("99999999999999999999999"), 2);
        assertThat(calls.get(1).ids()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void emptyItemIdentifier_failsTheWholeBatch() {
        List<Lambda.Invocation> calls = run(seq -> failures(seq.get(2), ""), 2);
        assertThat(calls.get(1).ids()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void nullItemIdentifier_failsTheWholeBatch() {
        List<Lambda.Invocation> calls = run(seq -> failures(seq.get(2), null), 2);
        assertThat(calls.get(1).ids()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void itemIdentifierUnderABadKeyName_failsTheWholeBatch() {
        List<Lambda.Invocation> calls = run(seq -> "{\"batchItemFailures\":[{\"itemId\":\"" + seq.get(2) + "\"}]}", 2);
        assertThat(calls.get(1).ids()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void recordsFromTheLowestReportedOne_areANewBatchWithItsOwnRetries_thenDiscarded() throws Exception {
        String queue = "arn:aws:sqs:us-west-2:123456789012:clerk-dlq";
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            for (String id : List.of("a", "b", "c", "d", "e")) {
                lambda.put(id, "x");
            }
            lambda.start((f, e, c) -> {
                for (com.fasterxml.jackson.databind.JsonNode record : e.path("Records")) {
                    if (record.path("dynamodb").path("Keys").path("id").path("S").asText().equals("c")) {
                        return failures(record.path("dynamodb").path("SequenceNumber").asText());
                    }
                }
                return null;
            }, function(trigger().reportFailures().retries(1).onFailure(queue)));
            await().atMost(WAIT).until(() -> io.jets.runtime.local.failures.LocalFailures.in(state).list().size() == 1);
            lambda.put("f", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("f"));

            // The first response moved the checkpoint to c: [c, d, e] is a batch of its own, invoked once and
            // retried once; its first record failing again moves nothing.
            assertThat(lambda.invocations).extracting(Lambda.Invocation::ids).containsExactly(
                    List.of("a", "b", "c", "d", "e"), List.of("c", "d", "e"), List.of("c", "d", "e"), List.of("f"));
            var record = Lambda.JSON.readTree(
                    io.jets.runtime.local.failures.LocalFailures.in(state).list().get(0).json());
            List<String> sequence = lambda.invocations.get(1).sequenceNumbers();
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
            assertThat(record.path("DDBStreamBatchInfo").path("startSequenceNumber").asText())
                    .isEqualTo(sequence.get(0));
            assertThat(record.path("DDBStreamBatchInfo").path("endSequenceNumber").asText())
                    .isEqualTo(sequence.get(2));
            assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(3);
        }
    }

    @Test
    void exhaustedItemFailure_sendsTheReportedRecordOn_withAFunctionErrorOfNull() throws Exception {
        String queue = "arn:aws:sqs:us-west-2:123456789012:clerk-dlq";
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            for (String id : List.of("a", "b", "c", "d", "e", "poison")) {
                lambda.put(id, "x");
            }
            // The function returned normally and named one record: Lambda goes on from it with a batch of its
            // own, invoked once and retried MaximumRetryAttempts times (so "poison" is delivered five times in
            // all), and the on-failure record counts the four invocations of that batch and says there was no
            // function error, as an explicit null.
            lambda.start((f, e, c) -> {
                for (com.fasterxml.jackson.databind.JsonNode record : e.path("Records")) {
                    if (record.path("dynamodb").path("Keys").path("id").path("S").asText().equals("poison")) {
                        return failures(record.path("dynamodb").path("SequenceNumber").asText());
                    }
                }
                return "{\"batchItemFailures\":[]}";
            }, function(trigger().batchSize(3).reportFailures().retries(3).onFailure(queue)));
            await().atMost(WAIT).until(() -> io.jets.runtime.local.failures.LocalFailures.in(state).list().size() == 1);

            assertThat(lambda.invocations).extracting(Lambda.Invocation::ids).containsExactly(
                    List.of("a", "b", "c"), List.of("d", "e", "poison"), List.of("poison"), List.of("poison"),
                    List.of("poison"), List.of("poison"));
            var record = Lambda.JSON.readTree(
                    io.jets.runtime.local.failures.LocalFailures.in(state).list().get(0).json());
            String poison = lambda.invocations.get(5).sequenceNumbers().get(0);
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(4);
            assertThat(record.path("responseContext").toString())
                    .isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":null}");
            assertThat(record.path("DDBStreamBatchInfo").path("startSequenceNumber").asText()).isEqualTo(poison);
            assertThat(record.path("DDBStreamBatchInfo").path("endSequenceNumber").asText()).isEqualTo(poison);
            assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
        }
    }

    @Test
    void itemIdentifierThatIsANumber_failsTheWholeBatch_untilItsRetriesAreUsedUp() throws Exception {
        String queue = "arn:aws:sqs:us-west-2:123456789012:clerk-dlq";
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("a", "x");
            lambda.start((f, e, c) -> "{\"batchItemFailures\":[{\"itemIdentifier\":123}]}",
                    function(trigger().batchSize(3).reportFailures().retries(3).onFailure(queue)));
            await().atMost(WAIT).until(() -> io.jets.runtime.local.failures.LocalFailures.in(state).list().size() == 1);

            assertThat(lambda.invocations).extracting(Lambda.Invocation::ids).containsExactly(
                    List.of("a"), List.of("a"), List.of("a"), List.of("a"));
            var record = Lambda.JSON.readTree(
                    io.jets.runtime.local.failures.LocalFailures.in(state).list().get(0).json());
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(4);
            assertThat(record.path("responseContext").toString())
                    .isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":null}");
            assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
        }
    }

    @Test
    void responseThatIsAnEmptyList_isSuccess() {
        assertThat(run(seq -> "[]", 1)).extracting(Lambda.Invocation::ids)
                .containsExactly(List.of("a", "b", "c", "d", "e"), List.of("f"));
    }

    @Test
    void responseThatIsAnEmptyString_isSuccess() {
        assertThat(run(seq -> "\"\"", 1)).extracting(Lambda.Invocation::ids)
                .containsExactly(List.of("a", "b", "c", "d", "e"), List.of("f"));
    }

    @Test
    void reportedFailures_withoutTheFunctionResponseType_areIgnored() {
        AtomicInteger count = new AtomicInteger();
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("a", "x");
            lambda.put("b", "x");
            lambda.start((f, e, c) -> count.getAndIncrement() == 0
                    ? failures(e.path("Records").findValuesAsText("SequenceNumber").get(0)) : null,
                    function(trigger()));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() >= 2);
            lambda.put("c", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("c"));
            assertThat(lambda.deliveredIds()).containsExactly("a", "b", "c");
        }
    }
}
