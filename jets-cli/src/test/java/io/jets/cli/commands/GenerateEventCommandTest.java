package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.cli.CliRun;
import io.jets.cli.ExpectedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateEventCommandTest {

    static final String EVENT = "src/main/java/demo/events/ClerkEvent.java";
    static final String TEST = "src/test/java/demo/events/ClerkEventTest.java";
    static final String APPLICATION_EVENT = "src/main/java/demo/events/ApplicationEvent.java";

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("jets.properties"), "project.name=demo\n");
    }

    @Test
    void generateEvent_asOnTheSeedPage_writesTheHandlerItsTestAndApplicationEvent() throws Exception {
        CliRun run = CliRun.in(dir, "generate:event", "clerk", "--trigger", "dynamodb", "--method", "file");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ExpectedFiles.assertTreeMatches(dir, "generate-clerk",
                List.of("jets.properties", APPLICATION_EVENT, EVENT, TEST));
        assertThat(run.out()).contains("     create  " + EVENT, "     create  " + TEST,
                "Function clerk_event-file runs when items in demo-dev_test-table change.");
    }

    @Test
    void generateEvent_camelCaseMethod_namesTheFunctionAsTheProcessorDoes() throws Exception {
        CliRun run = CliRun.in(dir, "generate:event", "clerk", "--method", "fileItem");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Function clerk_event-file_item runs when items in demo-dev_test-table change.");
        assertThat(Files.readString(dir.resolve(TEST)))
                .contains("jets.awaitRecords(\"clerk_event-file_item\", 2)", "jets.logs(\"clerk_event-file_item\")")
                .doesNotContain("clerk_event-fileItem");
    }

    @Test
    void generateEvent_inAProjectMadeWithPackage_writesToThatPackage() throws Exception {
        assertThat(CliRun.in(dir, "new", "app", "--package", "com.example.app").exitCode()).isZero();
        Path project = dir.resolve("app");

        CliRun run = CliRun.in(project, "generate:event", "clerk", "--method", "file");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("      exist  src/main/java/com/example/app/events/ApplicationEvent.java",
                "     create  src/main/java/com/example/app/events/ClerkEvent.java",
                "     create  src/test/java/com/example/app/events/ClerkEventTest.java");
        assertThat(Files.readString(project.resolve("src/main/java/com/example/app/events/ClerkEvent.java")))
                .startsWith("package com.example.app.events;");
        assertThat(project.resolve("src/main/java/app")).doesNotExist();
    }

    @Test
    void generateEvent_withAnInvalidPackageProperty_saysWhichSettingToFix() throws Exception {
        Files.writeString(dir.resolve("jets.properties"), "project.name=demo\nproject.package=com.1example\n");

        CliRun run = CliRun.in(dir, "generate:event", "clerk", "--method", "file");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Invalid project.package in jets.properties: 'com.1example'. Use a Java "
                + "package name such as com.example.demo" + System.lineSeparator());
    }

    @Test
    void generateEvent_fromASubdirectory_findsTheProject() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("src/main"));

        CliRun run = CliRun.in(sub, "generate:event", "clerk", "--method", "file");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve(EVENT)).exists();
    }

    @Test
    void generateEvent_keepsAnExistingApplicationEvent() throws Exception {
        Path base = dir.resolve(APPLICATION_EVENT);
        Files.createDirectories(base.getParent());
        Files.writeString(base, "// mine");

        CliRun run = CliRun.in(dir, "generate:event", "clerk", "--trigger", "dynamodb", "--method", "file");

        assertThat(run.exitCode()).isZero();
        assertThat(base).hasContent("// mine");
        assertThat(run.out()).contains("      exist  " + APPLICATION_EVENT);
    }

    @Test
    void generateEvent_unknownTrigger_isRejectedListingTheSupportedOnes() {
        CliRun run = CliRun.in(dir, "generate:event", "clerk", "--trigger", "sqs", "--method", "file");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Unknown trigger: sqs. Supported triggers: dynamodb"
                + System.lineSeparator());
        assertThat(dir.resolve(EVENT)).doesNotExist();
    }

    @Test
    void generateEvent_overAnExistingHandler_refusesWithoutForce() throws Exception {
        CliRun.in(dir, "generate:event", "clerk", "--method", "file");
        Files.writeString(dir.resolve(EVENT), "// edited");

        CliRun again = CliRun.in(dir, "generate:event", "clerk", "--method", "file");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Error: " + EVENT + " already exists. Use --force to overwrite it."
                + System.lineSeparator());
        assertThat(dir.resolve(EVENT)).hasContent("// edited");
    }

    @Test
    void generateEvent_withForce_overwrites() throws Exception {
        CliRun.in(dir, "generate:event", "clerk", "--method", "file");
        Files.writeString(dir.resolve(EVENT), "// edited");

        CliRun again = CliRun.in(dir, "generate:event", "clerk", "--method", "file", "--force");

        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve(EVENT))).isEqualTo(ExpectedFiles.expected("generate-clerk", EVENT));
    }

    @Test
    void generateEvent_withAStreamArn_usesItAsGiven() throws Exception {
        String arn = "arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/2024-02-11T15:44:30.751";

        CliRun run = CliRun.in(dir, "generate:event", "clerk", "--method", "file", "--table", arn);

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve(EVENT)))
                .contains("@DynamoDbTrigger(\"" + arn + "\") // stream ARN, used as given");
        // Another account's stream cannot be served locally: the handler is tested with a payload instead.
        assertThat(Files.readString(dir.resolve(TEST)))
                .contains("FunctionDispatcher.create(", "dispatcher.invoke(\"clerk_event-file\"")
                .doesNotContain("@JetsTest");
    }

    @Test
    void generateEvent_namespaceFollowsJetsEnv() throws Exception {
        CliRun run = CliRun.in(dir, java.util.Map.of("JETS_ENV", "prod"),
                "generate:event", "clerk", "--method", "file");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve(EVENT))).contains("// existing table: demo-prod_test-table");
    }
}
