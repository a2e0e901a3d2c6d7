package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.cli.CliRun;
import io.jets.cli.app.MavenRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project made by {@code jets new} and {@code jets generate:event} builds and passes its own tests with Maven out
 * of the box, and {@code jets call} / {@code jets events} work on it. Needs jets-core and jets-test installed in
 * the local Maven repository (mvn install does that before this module's integration tests).
 */
class GeneratedProjectIT {

    static final String NL = System.lineSeparator();

    @TempDir
    static Path dir;

    static Path project;

    @BeforeAll
    static void generate() {
        assertThat(CliRun.in(dir, "new", "demo").exitCode()).isZero();
        project = dir.resolve("demo");
        CliRun generated = CliRun.in(project, "generate:event", "clerk", "--trigger", "dynamodb", "--method", "file");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
    }

    @Test
    void generatedProject_passesMvnVerify() {
        MavenRunner.Result result = new MavenRunner("mvn", project).run(List.of("-B", "-Dstyle.color=never", "verify"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
    }

    @Test
    void call_invokesTheFunctionWithThePayload_printingLambdaStyleLogsAndTheResult() throws Exception {
        Files.writeString(project.resolve("event.json"), """
                {"Records":[{"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",\
                "awsRegion":"us-east-1","dynamodb":{"Keys":{"id":{"S":"id-1"}},"NewImage":{"id":{"S":"id-1"}},\
                "SequenceNumber":"100000000000000000001","SizeBytes":10,"StreamViewType":"NEW_AND_OLD_IMAGES"},\
                "eventSourceARN":"arn:aws:dynamodb:us-east-1:000000000000:table/demo-dev_test-table/stream/2026-11-25T12:00:00.000"}]}
                """);

        CliRun run = CliRun.in(project, "call", "clerk_event-file", "--event", "file://event.json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("null" + NL);
        List<String> logs = run.err().lines().toList();
        assertThat(logs.get(0)).matches("START RequestId: [0-9a-f-]{36} Version: \\$LATEST");
        assertThat(logs.get(1)).startsWith("event {\"Records\":[{\"eventID\":\"1\",\"eventName\":\"INSERT\"");
        assertThat(logs.get(2)).matches("END RequestId: [0-9a-f-]{36}");
        assertThat(logs.get(3)).matches("REPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9]+\\.[0-9]{2} ms"
                + "\tBilled Duration: [0-9]+ ms\tMemory Size: 1536 MB\tMax Memory Used: [0-9]+ MB");
    }

    @Test
    void call_ofAHandlerThatThrows_logsAndPrintsLambdasErrorDocument(@TempDir Path other) throws Exception {
        assertThat(CliRun.in(other, "new", "failing").exitCode()).isZero();
        Path failing = other.resolve("failing");
        assertThat(CliRun.in(failing, "generate:event", "clerk", "--method", "file").exitCode()).isZero();
        Path handler = failing.resolve("src/main/java/failing/events/ClerkEvent.java");
        Files.writeString(handler, Files.readString(handler).replace("System.out.println(\"event \" + event());",
                "throw new IllegalStateException(\"boom in handler\");"));

        CliRun run = CliRun.in(failing, "call", "clerk_event-file", "--event", "{\"Records\":[]}");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("{\"errorMessage\":\"boom in handler\","
                + "\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[\"");
        List<String> logs = run.err().lines().toList();
        assertThat(logs.get(1)).isEqualTo(run.out().strip());
        assertThat(logs.get(2)).matches("END RequestId: [0-9a-f-]{36}");
    }

    @Test
    void call_unknownFunction_listsTheKnownOnes() {
        CliRun run = CliRun.in(project, "call", "nope", "--event", "{}", "--no-compile");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Unknown function nope. Functions: clerk_event-file" + NL);
    }

    @Test
    void call_malformedEvent_isOneClearLine() {
        CliRun run = CliRun.in(project, "call", "clerk_event-file", "--event", "{\"Records\":", "--no-compile");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: The event in --event is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void events_listsTheFunctionTableAndMappingSettings() {
        CliRun run = CliRun.in(project, "events");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(
                "clerk_event-file  (demo-dev-clerk_event-file, demo.events.ClerkEvent#file)" + NL
                        + "  table  demo-dev_test-table" + NL
                        + "    BatchSize=100 StartingPosition=TRIM_HORIZON MaximumBatchingWindowInSeconds=0 "
                        + "ParallelizationFactor=1 MaximumRetryAttempts=-1 MaximumRecordAgeInSeconds=-1 "
                        + "BisectBatchOnFunctionError=false Enabled=true" + NL
                        + "    state: not running" + NL
                        + NL
                        + "jets dev is not running: start it to see each mapping's stream ARN and live state." + NL);
    }
}
