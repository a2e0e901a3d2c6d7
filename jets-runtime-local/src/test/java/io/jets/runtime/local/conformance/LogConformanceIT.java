package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each invocation's output lands in the function's own log between Lambda's START, END and REPORT lines, under
 * the request id the function's Context reports; an unhandled exception is logged as Lambda's Java runtime does.
 */
class LogConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path state;

    /** The log's messages, without their timestamps. */
    private List<String> messages(String function) throws IOException {
        return Files.readAllLines(state.resolve("logs").resolve(function + ".log")).stream()
                .map(line -> {
                    assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\t.*");
                    return line.substring(line.indexOf('\t') + 1);
                }).toList();
    }

    @Test
    void invocationOutput_isFramedByStartEndAndReport_underTheContextsRequestId() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> {
                System.out.println("event " + e.path("Records").get(0).path("eventName").asText());
                c.getLogger().log("logged through the context");
                return null;
            }, function(trigger()));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.invocations.size() == 1
                    && messages(Lambda.FUNCTION).stream().anyMatch(m -> m.startsWith("REPORT")));

            String id = lambda.invocations.get(0).context().getAwsRequestId();
            List<String> log = messages(Lambda.FUNCTION);
            assertThat(log).hasSize(5);
            assertThat(log.get(0)).isEqualTo("START RequestId: " + id + " Version: $LATEST");
            assertThat(log.subList(1, 3)).containsExactly("event INSERT", "logged through the context");
            assertThat(log.get(3)).isEqualTo("END RequestId: " + id);
            assertThat(log.get(4)).matches("REPORT RequestId: " + id + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms"
                    + "\tMemory Size: 1536 MB\tMax Memory Used: \\d+ MB(\tInit Duration: \\d+\\.\\d\\d ms)?\t?");
        }
    }

    @Test
    void unhandledException_isLoggedAsLambdasJavaErrorJson_insideItsInvocation() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> {
                throw new IllegalStateException("cannot file a");
            }, function(trigger().retries(0)));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> messages(Lambda.FUNCTION).stream().anyMatch(m -> m.startsWith("REPORT")));

            List<String> log = messages(Lambda.FUNCTION);
            assertThat(log.get(0)).startsWith("START RequestId: ");
            assertThat(log.get(2)).startsWith("END RequestId: ");
            var error = Lambda.JSON.readTree(log.get(1));
            assertThat(EventPayloadConformanceIT.fieldNames(error)).containsExactly("errorMessage", "errorType",
                    "stackTrace");
            assertThat(error.path("errorMessage").asText()).isEqualTo("cannot file a");
            assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.path("stackTrace").isArray()).isTrue();
        }
    }

    @Test
    void twoFunctionsPrintingAtOnce_eachWriteOnlyToTheirOwnLog() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> {
                for (int i = 0; i < 20; i++) {
                    System.out.println(f + " line " + i);
                }
                return null;
            }, function(trigger()), function("other_event-file", 0, 0, trigger()));
            for (int i = 0; i < 5; i++) {
                lambda.put("id-" + i, "x");
            }
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 10);
            await().atMost(WAIT).until(() -> messages(Lambda.FUNCTION).stream().filter(m -> m.startsWith("REPORT"))
                    .count() == lambda.of(Lambda.FUNCTION).size()
                    && messages("other_event-file").stream().filter(m -> m.startsWith("REPORT")).count()
                    == lambda.of("other_event-file").size());

            assertThat(messages(Lambda.FUNCTION)).filteredOn(m -> m.contains(" line "))
                    .hasSize(20 * lambda.of(Lambda.FUNCTION).size())
                    .allSatisfy(m -> assertThat(m).startsWith(Lambda.FUNCTION + " line "));
            assertThat(messages("other_event-file")).filteredOn(m -> m.contains(" line "))
                    .hasSize(20 * lambda.of("other_event-file").size())
                    .allSatisfy(m -> assertThat(m).startsWith("other_event-file line "));
        }
    }
}
