package io.jets.runtime.local.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLogsTest {

    @TempDir
    Path state;

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void writer_writesOneTimestampedLinePerEvent_andSplitsMultilineMessages() {
        try (FunctionLogWriter log = FunctionLogWriter.open(state, "clerk_event-file", at("2026-11-25T14:00:00.5Z"))) {
            log.write("first");
            log.write("two\nlines");
        }

        assertThat(LocalLogs.in(state).read("clerk_event-file", null)).containsExactly(
                "2026-11-25T14:00:00.500Z\tfirst", "2026-11-25T14:00:00.500Z\ttwo",
                "2026-11-25T14:00:00.500Z\tlines");
        assertThat(LocalLogs.file(state, "clerk_event-file")).isEqualTo(state.resolve("logs/clerk_event-file.log"));
    }

    @Test
    void read_since_keepsOnlyLaterEvents_andAnUnknownFunctionHasNone() {
        try (FunctionLogWriter early = FunctionLogWriter.open(state, "f", at("2026-11-25T14:00:00Z"));
             FunctionLogWriter late = FunctionLogWriter.open(state, "f", at("2026-11-25T14:10:00Z"))) {
            early.write("early");
            late.write("late");
        }

        assertThat(LocalLogs.in(state).read("f", Instant.parse("2026-11-25T14:05:00Z")))
                .containsExactly("2026-11-25T14:10:00.000Z\tlate");
        assertThat(LocalLogs.in(state).read("unknown", Instant.EPOCH)).isEmpty();
    }

    @Test
    void follow_passesExistingAndNewLines_untilInterrupted() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (FunctionLogWriter log = FunctionLogWriter.open(state, "f", Clock.systemUTC())) {
            log.write("before");
            Thread follower = new Thread(() -> LocalLogs.in(state).follow("f", Instant.EPOCH, seen::add));
            follower.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
            log.write("after");
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
            follower.interrupt();
            follower.join(2000);
            assertThat(follower.isAlive()).isFalse();
        }
        assertThat(seen.get(0)).endsWith("\tbefore");
        assertThat(seen.get(1)).endsWith("\tafter");
    }
}
