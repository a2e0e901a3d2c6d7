package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one invocation looks like from inside the function: Lambda's Context values, and a timeout that fails the
 * batch (which is then retried) after interrupting the handler.
 */
class InvocationConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path state;

    @Test
    void context_givesThePhysicalFunctionName_memory_logGroup_requestId_andRemainingTime() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(Lambda.FUNCTION, 3, 512, trigger()));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.invocations.size() == 1);

            Lambda.Invocation invocation = lambda.invocations.get(0);
            Context context = invocation.context();
            assertThat(invocation.function()).isEqualTo(Lambda.FUNCTION);
            assertThat(context.getFunctionName()).isEqualTo(Lambda.PHYSICAL);
            assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
            assertThat(context.getMemoryLimitInMB()).isEqualTo(512);
            assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/" + Lambda.PHYSICAL);
            assertThat(context.getLogStreamName()).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST\\][0-9a-f]{32}");
            assertThat(context.getAwsRequestId())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(context.getInvokedFunctionArn())
                    .matches("arn:aws:lambda:us-west-2:\\d{12}:function:" + Lambda.PHYSICAL);
            // Counted down from the 3 s timeout (a loaded machine may take a moment to reach the handler).
            assertThat(invocation.remainingMillisAtStart()).isBetween(1000, 3000);
        }
    }

    @Test
    void context_defaultsToJetsMemorySize() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.invocations.size() == 1);
            assertThat(lambda.invocations.get(0).context().getMemoryLimitInMB()).isEqualTo(1536);
        }
    }

    @Test
    void handlerRunningPastItsTimeout_isInterrupted_andItsBatchRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("a", "x");
            lambda.start((f, e, c) -> {
                if (calls.getAndIncrement() == 0) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException stopped) {
                        interrupted.set(true);
                        throw stopped;
                    }
                }
                return null;
            }, function(Lambda.FUNCTION, 1, 0, trigger()));
            await().atMost(WAIT).until(() -> lambda.invocations.size() == 2);
            lambda.put("b", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("b"));

            assertThat(interrupted).isTrue();
            assertThat(lambda.deliveredIds()).containsExactly("a", "a", "b");
            String log = Files.readString(state.resolve("logs").resolve(Lambda.FUNCTION + ".log"));
            assertThat(log).contains("Task timed out after 1.00 seconds");
        }
    }

    @Test
    void handlerLoopingPastItsTimeout_withoutHeedingInterrupts_isAFailure_andTheMappingGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("a", "x");
            lambda.start((f, e, c) -> {
                if (calls.getAndIncrement() == 0) {
                    long spins = 0;
                    while (spins >= 0) {
                        spins++;
                    }
                }
                return null;
            }, function(Lambda.FUNCTION, 1, 0, trigger()));
            await().atMost(WAIT).until(() -> lambda.invocations.size() == 2);
            lambda.put("b", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("b"));
            assertThat(lambda.deliveredIds()).containsExactly("a", "a", "b");
        }
    }

    @Test
    void oneFunctionOnTwoTables_hasOneMappingPerTable_andBatchesNeverMixTables() {
        try (Lambda lambda = new Lambda(state)) {
            String testArn = lambda.table();
            String otherArn = lambda.table("demo-dev_other-table",
                    software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES);
            lambda.start((f, e, c) -> null, new io.jets.core.index.FunctionDefinition(Lambda.FUNCTION,
                    "app.ClerkEvent", "file", java.util.List.of(),
                    java.util.List.of(trigger().build(), new Lambda.Trigger("other-table").build()), 0, 0,
                    java.util.Map.of(), ""));
            lambda.put("a", "x");
            lambda.put("demo-dev_other-table", "b", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 2);
            for (Lambda.Invocation invocation : lambda.invocations) {
                assertThat(invocation.records().stream().map(r -> r.path("eventSourceARN").asText()).distinct())
                        .hasSize(1);
            }
            assertThat(lambda.invocations.stream().flatMap(i -> i.records().stream())
                    .map(r -> r.path("dynamodb").path("Keys").path("id").path("S").asText() + "@"
                            + r.path("eventSourceARN").asText()))
                    .containsExactlyInAnyOrder("a@" + testArn, "b@" + otherArn);
        }
    }

    @Test
    void aFailingFunction_doesNotHoldUpAnotherFunctionOnTheSameTable() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> {
                if (f.equals("broken_event-file")) {
                    throw new IllegalStateException("always broken");
                }
                return null;
            }, function("broken_event-file", 0, 0, trigger()), function(trigger()));
            for (int i = 0; i < 5; i++) {
                lambda.put("id-" + i, "x");
            }
            await().atMost(WAIT).until(() -> lambda.of(Lambda.FUNCTION).stream()
                    .mapToInt(i -> i.ids().size()).sum() == 5);
            assertThat(lambda.of(Lambda.FUNCTION).stream().flatMap(i -> i.ids().stream()))
                    .containsExactly("id-0", "id-1", "id-2", "id-3", "id-4");
            assertThat(lambda.of("broken_event-file")).isNotEmpty()
                    .allSatisfy(i -> assertThat(i.ids().get(0)).isEqualTo("id-0"));
        }
    }
}
