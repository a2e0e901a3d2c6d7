package io.jets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JetsCommandTest {

    @TempDir
    Path dir;

    @Test
    void noSubcommand_printsUsageListingEveryCommand() {
        CliRun run = CliRun.in(dir);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: jets", "new", "generate:event", "generate:payload", "dev", "logs",
                "call", "events", "failures", "dynamodb-local", "template", "build", "deploy", "delete", "doctor");
    }

    @Test
    void everySubcommand_hasHelp() {
        CliRun run = CliRun.in(dir, "dev", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: jets dev", "--port", "--in-memory", "--data-dir");
    }

    @Test
    void help_namesEveryOptionValue_ratherThanPrintingAFieldName() {
        for (String command : new String[] {"new", "generate:event", "generate:payload", "dev", "logs", "events",
                "call", "failures", "dynamodb-local", "template", "build", "deploy", "delete", "doctor"}) {
            CliRun run = CliRun.in(dir, command, "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).as(command).doesNotContain("=<");
            // an address cut at its colon cannot be copied from the terminal
            assertThat(run.out()).as(command).doesNotContainPattern("https?:\\s");
        }
        String[] serverSettings = {"--ttl-interval=DURATION", "--shard-rollover=DURATION",
            "--stream-retention=DURATION", "--instant-indexes", "--require-signature=ACCESS_KEY_ID:SECRET_KEY"};
        assertThat(CliRun.in(dir, "dev", "--help").out()).contains("--port=PORT").contains(serverSettings);
        assertThat(CliRun.in(dir, "dynamodb-local", "--help").out()).contains("--port=PORT", "--bind=ADDRESS")
                .contains(serverSettings);
        assertThat(CliRun.in(dir, "logs", "--help").out()).contains("--since=WHEN");
    }

    @Test
    void unknownOption_isAUsageErrorWithExitCode2() {
        CliRun run = CliRun.in(dir, "new", "demo", "--nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--nope'");
    }

    @Test
    void commandNeedingAProject_outsideOne_saysHowToCreateOne() {
        CliRun run = CliRun.in(dir, "generate:event", "clerk", "--trigger", "dynamodb", "--method", "file");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: No jets.properties in " + dir.toAbsolutePath().normalize()
                + " or any parent directory. Run jets inside a Jets project, or create one with: jets new NAME"
                + System.lineSeparator());
    }
}
