package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.cli.CliRun;
import io.jets.cli.ExpectedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratePayloadCommandTest {

    static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("jets.properties"), "project.name=demo\n");
    }

    @Test
    void modify_asOnTheSeedPage_isTheExactLambdaPayloadForTheNamespacedTable() throws Exception {
        CliRun run = CliRun.in(dir, "generate:payload", "dynamodb", "--event-name", "MODIFY", "--table", "test-table",
                "--new", "{\"id\":{\"S\":\"1\"},\"name\":{\"S\":\"Tung Nguyen\"}}",
                "--old", "{\"id\":{\"S\":\"1\"},\"name\":{\"S\":\"Tung\"}}");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(ExpectedFiles.expected("payload", "modify.json"));
    }

    @Test
    void plainJsonImages_becomeDynamoDbJson() throws Exception {
        CliRun run = CliRun.in(dir, "generate:payload", "dynamodb", "--new", "{\"id\":\"1\",\"total\":12.50,\"tags\":[\"a\"]}");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(ExpectedFiles.expected("payload", "insert-plain.json"));
    }

    @Test
    void remove_takesItsKeysFromTheOldItem() {
        CliRun run = CliRun.in(dir, "generate:payload", "dynamodb", "--event-name", "REMOVE",
                "--old", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"},\"x\":{\"S\":\"y\"}}", "--key", "pk,sk");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().replaceAll("\\s", ""))
                .contains("\"eventName\":\"REMOVE\"", "\"Keys\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"}}")
                .doesNotContain("NewImage");
    }

    @Test
    void unknownTrigger_isRejectedListingTheSupportedOnes() {
        CliRun run = CliRun.in(dir, "generate:payload", "sqs", "--new", "{}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Unknown trigger: sqs. Supported triggers: dynamodb" + NL);
    }

    @Test
    void unknownEventName_isOneClearLine() {
        CliRun run = CliRun.in(dir, "generate:payload", "dynamodb", "--event-name", "UPDATE", "--new", "{\"id\":\"1\"}");

        assertThat(run.err()).isEqualTo("Error: --event-name must be INSERT, MODIFY or REMOVE, got: UPDATE" + NL);
    }

    @Test
    void missingKeyAttribute_saysHowToNameTheKeys() {
        CliRun run = CliRun.in(dir, "generate:payload", "dynamodb", "--new", "{\"pk\":\"1\"}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Key attribute id is not in --new. Name the table's key attributes "
                + "with --key, for example: --key pk,sk" + NL);
    }

    @Test
    void malformedImage_isOneClearLine() {
        CliRun run = CliRun.in(dir, "generate:payload", "dynamodb", "--new", "{\"id\":");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: --new is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void insertWithAnOldItem_isRejected() {
        CliRun run = CliRun.in(dir, "generate:payload", "dynamodb", "--new", "{\"id\":\"1\"}", "--old", "{\"id\":\"1\"}");

        assertThat(run.err()).isEqualTo("Error: An INSERT has no old item: drop --old, or use --event-name MODIFY" + NL);
    }
}
