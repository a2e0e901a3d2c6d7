package io.jets.runtime.local;

import static io.jets.runtime.local.ServerFixture.TABLE;
import static io.jets.runtime.local.ServerFixture.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.index.TriggerDefinition;
import io.jets.runtime.local.failures.LocalFailures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table created later, a stream enabled later, disabled and re-enabled under a new ARN. */
class StreamLifecycleIT {

    @TempDir
    Path state;

    @Test
    void mappingWaitsForTableAndStream_thenFollowsAReEnabledStream_sayingOnceThatAwsNeedsARedeploy() {
        try (ServerFixture fx = new ServerFixture(state);
             LocalRuntime runtime = fx.start((f, e, c) -> null,
                     function("clerk_event-file", 0, TriggerDefinition.withDefaults("test-table")))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.status().contains("waiting for table"));
            fx.local.createTable(TABLE);
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.status().contains("waiting for the stream"));
            String first = fx.local.enableStream(TABLE);
            fx.put("a", "v");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.deliveredIds().equals(List.of("a")));

            fx.local.disableStream(TABLE);
            fx.put("unseen", "v"); // no stream: no record
            String second = fx.local.enableStream(TABLE);
            assertThat(second).isNotEqualTo(first);
            fx.put("b", "v");
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.deliveredIds().equals(List.of("a", "b")));

            assertThat(fx.calls.get(1).event().path("Records").get(0).path("eventSourceARN").asText())
                    .isEqualTo(second);
            assertThat(fx.status()).containsOnlyOnce("clerk_event-file: table demo-dev_test-table has a new stream "
                    + second + " (its stream was enabled again, or the table created again); following it here. On"
                    + " AWS the deployed mapping keeps reading the old stream until you redeploy (jets deploy).");
            await().atMost(Duration.ofSeconds(5)).until(() -> runtime.status().get(0).streamArn().equals(second));
        }
    }

    @Test
    void latest_onATableCreatedAfterTheStart_deliversEveryRecordOfItsStream() {
        TriggerDefinition latest = new TriggerDefinition("test-table", 100, 0,
                io.jets.core.DynamoDbTrigger.StartingPosition.LATEST, 1, false, -1, -1, "", List.of(), false, 0, true);
        try (ServerFixture fx = new ServerFixture(state);
             LocalRuntime runtime = fx.start((f, e, c) -> null, function("clerk_event-file", 0, latest))) {
            fx.local.createTable(TABLE);
            fx.local.enableStream(TABLE);
            fx.put("first", "v"); // may be written before the mapping attaches: still after the start
            fx.put("second", "v");
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.deliveredIds().size() == 2);
            assertThat(fx.deliveredIds()).containsExactly("first", "second");
        }
    }

    @Test
    void explicitStreamArn_isReadAsGiven_andNamesItsFailures() throws Exception {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            fx.put("a", "v");
            fx.put("poison", "v");
            TriggerDefinition onArn = new TriggerDefinition(fx.streamArn, 100, 0,
                    io.jets.core.DynamoDbTrigger.StartingPosition.TRIM_HORIZON, 1, true, 0, -1,
                    "arn:aws:sqs:us-west-2:123456789012:dlq", List.of(), false, 0, true);
            try (LocalRuntime runtime = fx.start((f, e, c) -> {
                if (e.toString().contains("\"poison\"")) {
                    throw new IllegalStateException("poison");
                }
                return null;
            }, function("clerk_event-file", 0, onArn))) {
                await().atMost(Duration.ofSeconds(5)).until(() -> LocalFailures.in(state).list().size() == 1);
                assertThat(runtime.status().get(0).table()).isEqualTo(TABLE);
                assertThat(runtime.status().get(0).streamArn()).isEqualTo(fx.streamArn);
            }
            assertThat(fx.calls.get(0).event().path("Records").get(0).path("eventSourceARN").asText())
                    .isEqualTo(fx.streamArn);
            JsonNode failure = new ObjectMapper().readTree(LocalFailures.in(state).list().get(0).json());
            assertThat(failure.path("DDBStreamBatchInfo").path("streamArn").asText()).isEqualTo(fx.streamArn);
            assertThat(failure.path("requestContext").path("functionArn").asText())
                    .isEqualTo("arn:aws:lambda:us-west-2:000000000000:function:demo-dev-clerk_event-file");
        }
    }

    @Test
    void disabledTrigger_neverInvokes_andReportsDisabled() throws Exception {
        TriggerDefinition disabled = new TriggerDefinition("test-table", 100, 0,
                io.jets.core.DynamoDbTrigger.StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "", List.of(), false,
                0, false);
        try (ServerFixture fx = new ServerFixture(state).withTable();
             LocalRuntime runtime = fx.start((f, e, c) -> null, function("clerk_event-file", 0, disabled))) {
            fx.put("a", "v");
            Thread.sleep(500);
            assertThat(fx.calls).isEmpty();
            assertThat(runtime.status().get(0).state()).isEqualTo(MappingStatus.State.DISABLED);
        }
    }
}
