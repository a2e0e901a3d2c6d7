package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.cli.CliRun;
import io.jets.runtime.local.logs.FunctionLogWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {

    static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("jets.properties"), "project.name=demo\n");
    }

    private void log(String function, Duration ago, String message) {
        Clock at = Clock.fixed(CliRun.CLOCK.instant().minus(ago), ZoneOffset.UTC);
        try (FunctionLogWriter writer = FunctionLogWriter.open(dir.resolve(".jets"), function, at)) {
            writer.write(message);
        }
    }

    @Test
    void logs_printsTheLast10MinutesByDefault_asTimestampAndMessage() {
        log("clerk_event-file", Duration.ofMinutes(20), "START RequestId: old Version: $LATEST");
        log("clerk_event-file", Duration.ofMinutes(5), "START RequestId: new Version: $LATEST");
        log("clerk_event-file", Duration.ofMinutes(4), "event {\"Records\":[]}");

        CliRun run = CliRun.in(dir, "logs", "-n", "clerk_event-file");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(
                "2026-11-25T11:55:00.000Z START RequestId: new Version: $LATEST" + NL
                        + "2026-11-25T11:56:00.000Z event {\"Records\":[]}" + NL);
    }

    @Test
    void logs_since_widensTheWindow() {
        log("clerk_event-file", Duration.ofMinutes(20), "START RequestId: old Version: $LATEST");

        CliRun run = CliRun.in(dir, "logs", "-n", "clerk_event-file", "--since", "1h");

        assertThat(run.out()).isEqualTo("2026-11-25T11:40:00.000Z START RequestId: old Version: $LATEST" + NL);
    }

    @Test
    void logs_withoutName_usesTheOnlyFunctionWithLogs() {
        log("clerk_event-file", Duration.ofMinutes(1), "hello");

        CliRun run = CliRun.in(dir, "logs");

        assertThat(run.out()).isEqualTo("2026-11-25T11:59:00.000Z hello" + NL);
    }

    @Test
    void logs_withoutName_andSeveralFunctions_listsThem() {
        log("clerk_event-file", Duration.ofMinutes(1), "a");
        log("audit_event-run", Duration.ofMinutes(1), "b");

        CliRun run = CliRun.in(dir, "logs");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Which function? Name it with -n; functions with local logs: "
                + "audit_event-run, clerk_event-file" + NL);
    }

    @Test
    void logs_ofAFunctionThatHasNotRun_saysHowToProduceSome() {
        CliRun run = CliRun.in(dir, "logs", "-n", "clerk_event-file");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("No local logs for clerk_event-file yet. Run jets dev and change an item "
                + "in its table, or add --aws for the deployed function." + NL);
    }

    @Test
    void logs_ofAMistypedName_listsTheFunctionsWithLogs() {
        log("clerk_event-file", Duration.ofMinutes(1), "hello");

        CliRun run = CliRun.in(dir, "logs", "-n", "clerk_event_file");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("No local logs for clerk_event_file yet. Run jets dev and change an item "
                + "in its table, or add --aws for the deployed function. Functions with local logs: "
                + "clerk_event-file." + NL);
    }

    @Test
    void logs_followAMistypedName_saysSoBeforeWaiting() throws Exception {
        log("clerk_event-file", Duration.ofMinutes(1), "hello");
        StringBuilder said = new StringBuilder();
        Thread follower = new Thread(() -> said.append(CliRun.in(dir, "logs", "-f", "-n", "clerk_event_file").err()));
        follower.start();
        Thread.sleep(300);
        follower.interrupt();
        follower.join(5_000);

        assertThat(follower.isAlive()).isFalse();
        assertThat(said.toString()).isEqualTo("No local logs for clerk_event_file yet. Run jets dev and change an "
                + "item in its table, or add --aws for the deployed function. Functions with local logs: "
                + "clerk_event-file." + NL);
    }

    @Test
    void logs_invalidSince_isOneClearLine() {
        CliRun run = CliRun.in(dir, "logs", "-n", "clerk_event-file", "--since", "yesterday");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Invalid --since: 'yesterday'. Use a duration such as 30s, 10m, 2h, "
                + "1d or 1w, or a time such as 2026-11-25T12:00:00Z" + NL);
    }

    @Test
    void logs_follow_printsNewLinesUntilInterrupted() throws Exception {
        log("clerk_event-file", Duration.ofMinutes(1), "before");
        StringBuilder seen = new StringBuilder();
        Thread follower = new Thread(() -> seen.append(CliRun.in(dir, "logs", "-f", "-n", "clerk_event-file").out()));
        follower.start();
        Thread.sleep(300);
        log("clerk_event-file", Duration.ZERO, "after");
        Thread.sleep(500);
        follower.interrupt();
        follower.join(5_000);

        assertThat(follower.isAlive()).isFalse();
        assertThat(seen.toString()).isEqualTo("2026-11-25T11:59:00.000Z before" + NL + "2026-11-25T12:00:00.000Z after" + NL);
    }
}
