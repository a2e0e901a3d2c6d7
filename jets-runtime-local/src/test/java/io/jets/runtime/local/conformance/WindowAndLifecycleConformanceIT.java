package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Tumbling windows with carried state, and a stream's lifecycle followed by the local mapping. */
class WindowAndLifecycleConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path state;

    /** Counts records in the window's state, as the aggregation example of the Lambda guide does. */
    private static String count(JsonNode event) {
        int count = event.path("state").path("count").asInt(0) + event.path("Records").size();
        return "{\"state\":{\"count\":\"" + count + "\"}}";
    }

    @Test
    void tumblingWindow_carriesStateBetweenInvokes_andEndsWithOneFinalInvokePerWindow() {
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            lambda.start((f, e, c) -> count(e), function(trigger().tumblingWindow(2)));
            for (int i = 0; i < 4; i++) {
                lambda.put("id-" + i, "x");
            }
            await().atMost(WAIT).until(() -> finals(lambda).stream()
                    .mapToInt(i -> i.event().path("state").path("count").asInt()).sum() == 4);

            String shardId = lambda.shardId(streamArn);
            for (Lambda.Invocation invocation : lambda.invocations) {
                JsonNode event = invocation.event();
                assertThat(EventPayloadConformanceIT.fieldNames(event)).containsExactly("Records", "window", "state",
                        "shardId", "eventSourceARN", "isFinalInvokeForWindow", "isWindowTerminatedEarly");
                Instant start = Instant.parse(event.path("window").path("start").asText());
                Instant end = Instant.parse(event.path("window").path("end").asText());
                assertThat(Duration.between(start, end)).isEqualTo(Duration.ofSeconds(2));
                assertThat(start.getEpochSecond() % 2).isZero();
                assertThat(event.path("shardId").asText()).isEqualTo(shardId);
                assertThat(event.path("eventSourceARN").asText()).isEqualTo(streamArn);
                assertThat(event.path("isWindowTerminatedEarly").asBoolean()).isFalse();
                for (JsonNode record : event.path("Records")) {
                    long created = record.path("dynamodb").path("ApproximateCreationDateTime").asLong();
                    assertThat(created).isGreaterThanOrEqualTo(start.getEpochSecond()).isLessThan(end.getEpochSecond());
                }
            }
            List<String> finalWindows = finals(lambda).stream()
                    .map(i -> i.event().path("window").path("start").asText()).toList();
            assertThat(finalWindows).doesNotHaveDuplicates();
            // The first invoke of each window starts from an empty state.
            String firstWindow = lambda.invocations.get(0).event().path("window").path("start").asText();
            assertThat(lambda.invocations.get(0).event().path("state").toString()).isEqualTo("{}");
            assertThat(finals(lambda).get(0).event().path("window").path("start").asText()).isEqualTo(firstWindow);
        }
    }

    @Test
    void tumblingWindow_eachInvokeGetsTheStateTheLastInvokeOfItsWindowReturned() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.start((f, e, c) -> count(e), function(trigger().batchSize(1).tumblingWindow(900)));
            for (int i = 0; i < 4; i++) {
                lambda.put("id-" + i, "x");
            }
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 4);
            for (int i = 1; i < lambda.invocations.size(); i++) {
                JsonNode previous = lambda.invocations.get(i - 1).event();
                JsonNode event = lambda.invocations.get(i).event();
                if (previous.path("window").equals(event.path("window"))) {
                    assertThat(event.path("state").path("count").asInt())
                            .isEqualTo(previous.path("state").path("count").asInt() + previous.path("Records").size());
                } else {
                    assertThat(event.path("state").toString()).isEqualTo("{}");
                }
            }
        }
    }

    @Test
    void tumblingWindow_responseWithoutState_failsTheInvoke_andItIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            lambda.put("a", "x");
            lambda.start((f, e, c) -> calls.getAndIncrement() == 0 ? "{}" : count(e),
                    function(trigger().tumblingWindow(60)));
            await().atMost(WAIT).until(() -> lambda.invocations.size() >= 2);
            assertThat(lambda.invocations.get(1).ids()).containsExactly("a");
            assertThat(lambda.invocations.get(1).event().path("state").toString()).isEqualTo("{}");
        }
    }

    @Test
    void tableCreatedAfterStart_isPickedUp_afterSayingHowToCreateIt() {
        try (Lambda lambda = new Lambda(state)) {
            lambda.start((f, e, c) -> null, function(trigger()));
            await().atMost(WAIT).until(() -> lambda.status().contains("aws dynamodb create-table"));
            lambda.table();
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("a"));
            assertThat(lambda.deliveredIds()).containsExactly("a");
        }
    }

    @Test
    void missingTableAndStream_eachPrintTheSeedsCommandOnce_withTheEndpoint_andTheMappingAttachesByItself()
            throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            String endpoint = lambda.server.endpoint().toString();
            lambda.start((f, e, c) -> null, function(trigger()));
            String createTable = "aws dynamodb create-table --endpoint-url " + endpoint
                    + " --table-name demo-dev_test-table --attribute-definitions AttributeName=id,AttributeType=S"
                    + " --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST";
            await().atMost(WAIT).until(() -> lambda.status().contains(createTable));
            Thread.sleep(1200); // a few polls of the waiting mapping
            assertThat(lambda.status().split(java.util.regex.Pattern.quote(createTable), -1)).hasSize(2);

            lambda.dynamo.createTable(b -> b.tableName(Lambda.TABLE)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")).billingMode("PAY_PER_REQUEST"));
            String updateTable = "aws dynamodb update-table --endpoint-url " + endpoint
                    + " --table-name demo-dev_test-table"
                    + " --stream-specification \"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"";
            await().atMost(WAIT).until(() -> lambda.status().contains(updateTable));
            Thread.sleep(1200);
            assertThat(lambda.status().split(java.util.regex.Pattern.quote(updateTable), -1)).hasSize(2);

            lambda.enableStream(Lambda.TABLE, StreamViewType.NEW_AND_OLD_IMAGES);
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("a"));
        }
    }

    @Test
    void streamDisabledAndReEnabled_theMappingFollowsTheNewArn_andSaysOnceThatAwsNeedsARedeploy() {
        try (Lambda lambda = new Lambda(state)) {
            String oldArn = lambda.table();
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("a"));
            lambda.put("b", "x");
            lambda.disableStream(Lambda.TABLE);
            String newArn = lambda.enableStream(Lambda.TABLE, StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(newArn).isNotEqualTo(oldArn);
            lambda.put("c", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("c"));
            lambda.put("d", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("d"));

            assertThat(lambda.deliveredIds()).containsExactly("a", "b", "c", "d");
            List<String> sources = lambda.invocations.stream().flatMap(i -> i.records().stream())
                    .map(r -> r.path("eventSourceARN").asText()).toList();
            assertThat(sources).containsExactly(oldArn, oldArn, newArn, newArn);
            String status = lambda.status();
            assertThat(status.split("redeploy", -1)).as(status).hasSize(2);
            assertThat(status).contains(newArn);
        }
    }

    private static List<Lambda.Invocation> finals(Lambda lambda) {
        return lambda.invocations.stream().filter(i -> i.event().path("isFinalInvokeForWindow").asBoolean())
                .toList();
    }
}
