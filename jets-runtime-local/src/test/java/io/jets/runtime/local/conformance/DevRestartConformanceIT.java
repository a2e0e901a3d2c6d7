package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart of {@code jets dev}: the durable server and the runtime both stop and start again on the same
 * {@code .jets} directory. Lambda's checkpoint guarantee holds across it: no processed record is replayed and
 * none written while everything was down is skipped.
 */
class DevRestartConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path state;

    @Test
    void restartOfServerAndRuntime_neitherReplaysNorSkips() {
        for (StartingPosition position : StartingPosition.values()) {
            Path jets = state.resolve(position.name());
            Path data = jets.resolve("dynamodb");
            String streamArn;
            try (Lambda first = new Lambda(jets, server -> server.dataDirectory(data))) {
                streamArn = first.table();
                first.start((f, e, c) -> null, function(trigger().position(position)));
                first.put("a", "x");
                first.put("b", "x");
                await().atMost(WAIT).until(() -> first.deliveredIds().size() == 2);
                assertThat(first.deliveredIds()).containsExactly("a", "b");
            }
            try (Lambda second = new Lambda(jets, server -> server.dataDirectory(data))) {
                second.put("c", "x");
                second.start((f, e, c) -> null, function(trigger().position(position)));
                second.put("d", "x");
                await().atMost(WAIT).until(() -> second.deliveredIds().contains("d"));
                assertThat(second.deliveredIds()).as(position.name()).containsExactly("c", "d");
                assertThat(second.invocations.get(0).records().get(0).path("eventSourceARN").asText())
                        .isEqualTo(streamArn);
            }
        }
    }
}
