package io.jets.runtime.local;

import static io.jets.runtime.local.ServerFixture.TABLE;
import static io.jets.runtime.local.ServerFixture.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jets.core.index.TriggerDefinition;
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
                    + second + " (re-enabled); following it here. On AWS the deployed mapping keeps reading the "
                    + "old stream until you redeploy (jets deploy).");
            await().atMost(Duration.ofSeconds(5)).until(() -> runtime.status().get(0).streamArn().equals(second));
        }
    }

    @Test
    void explicitStreamArn_isReadAsGiven() {
        try (ServerFixture fx = new ServerFixture(state).withTable()) {
            fx.put("a", "v");
            try (LocalRuntime runtime = fx.start((f, e, c) -> null,
                    function("clerk_event-file", 0, TriggerDefinition.withDefaults(fx.streamArn)))) {
                await().atMost(Duration.ofSeconds(5)).until(() -> fx.deliveredIds().equals(List.of("a")));
                assertThat(runtime.status().get(0).table()).isEqualTo(TABLE);
            }
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
