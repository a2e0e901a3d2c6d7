package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailuresCommandTest {

    static final String NL = System.lineSeparator();
    static final String ID = "sqs/orders-dlq/20261125T115900.000-1.json";
    static final String RECORD = "{\"requestContext\":{\"condition\":\"RetryAttemptsExhausted\"},\"version\":\"1.0\"}";

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("jets.properties"), "project.name=demo\n");
    }

    private void failure() throws Exception {
        Path file = dir.resolve(".jets/failures").resolve(ID);
        Files.createDirectories(file.getParent());
        Files.writeString(file, RECORD);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-25T11:59:00Z")));
    }

    @Test
    void failures_listsEachRecordWithItsDestination() throws Exception {
        failure();

        CliRun run = CliRun.in(dir, "failures");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2026-11-25T11:59:00Z      sqs/orders-dlq        " + ID + NL,
                "Show one with: jets failures ID");
    }

    @Test
    void failures_id_showsTheRecordAsAwsDeliversIt() throws Exception {
        failure();

        CliRun run = CliRun.in(dir, "failures", ID);

        assertThat(run.out()).isEqualTo(RECORD + NL);
    }

    @Test
    void failures_none_saysSo() {
        CliRun run = CliRun.in(dir, "failures");

        assertThat(run.out()).isEqualTo("No failure records: no local mapping has given up on a batch." + NL);
    }

    @Test
    void failures_unknownId_isOneClearLine() {
        CliRun run = CliRun.in(dir, "failures", "sqs/nope/x.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: No failure record sqs/nope/x.json under "
                + dir.toAbsolutePath().normalize().resolve(".jets/failures") + ". List them with: jets failures" + NL);
    }
}
