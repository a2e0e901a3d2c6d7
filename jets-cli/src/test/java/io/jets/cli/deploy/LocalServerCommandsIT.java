package io.jets.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.DynamoDbLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** {@code jets template} and {@code jets doctor} against the local server, through --endpoint-url. */
class LocalServerCommandsIT {

    @TempDir
    Path dir;

    private DynamoDbLocal server;
    private DynamoDbClient dynamoDb;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        DeployFixture.create(dir);
        server = DynamoDbLocal.builder().port(0).inMemory().start();
        dynamoDb = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        environment = Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_REGION", "us-west-2");
    }

    @AfterEach
    void stop() {
        dynamoDb.close();
        server.close();
    }

    @Test
    void template_resolvesTheNamespacedTablesLatestStreamFromTheLocalServer() throws Exception {
        String streamArn = createTable(true);

        DeployCliRun run = DeployCliRun.run(dir, environment, TemplateCommand::new, "--no-compile",
                "--endpoint-url", server.endpoint().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String template = Files.readString(dir.resolve(".jets/out/demo-dev.template.json"));
        assertThat(template).contains("\"EventSourceArn\": \"" + streamArn + "\"")
                .contains("\"FunctionName\": \"demo-dev-clerk_event-file\"");
    }

    @Test
    void template_tableWithoutStream_failsWithTheUpdateTableCommand() {
        createTable(false);

        DeployCliRun run = DeployCliRun.run(dir, environment, TemplateCommand::new, "--no-compile",
                "--endpoint-url", server.endpoint().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Table demo-dev_test-table has no stream. Enable it with: aws dynamodb "
                + "update-table --endpoint-url " + server.endpoint() + " --table-name demo-dev_test-table "
                + "--stream-specification "
                + "\"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"" + System.lineSeparator());
    }

    @Test
    void doctor_healthyLocalTable_reportsTheStreamAndExitsZero() {
        String streamArn = createTable(true);

        DeployCliRun run = DeployCliRun.run(dir, environment, DoctorCommand::new, "--no-compile",
                "--endpoint-url", server.endpoint().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[ok] clerk_event-file ← demo-dev_test-table: stream enabled "
                + "(NEW_AND_OLD_IMAGES), LatestStreamArn " + streamArn);
    }

    @Test
    void doctor_missingTable_reportsTheCreateTableCommandAndExitsOne() {
        DeployCliRun run = DeployCliRun.run(dir, environment, DoctorCommand::new, "--no-compile",
                "--endpoint-url", server.endpoint().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("[PROBLEM] clerk_event-file ← demo-dev_test-table: table does not exist. "
                + "Create it with: aws dynamodb create-table --endpoint-url " + server.endpoint()
                + " --table-name demo-dev_test-table");
    }

    @Test
    void deployDryRun_resolvesLocallyUploadsAndShowsTheChangeSetWithoutExecuting() throws Exception {
        String streamArn = createTable(true);
        try (CloudFormationStub cloudFormation = new CloudFormationStub()) {
            Map<String, String> env = new java.util.HashMap<>(environment);
            env.put("AWS_ENDPOINT_URL_DYNAMODB", server.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_CLOUDFORMATION", cloudFormation.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_S3", cloudFormation.endpoint().toString());

            DeployCliRun run = DeployCliRun.run(dir, env, ws -> new DeployCommand(ws, d -> { }), "--no-compile",
                    "--dry-run", "--bucket", "my-bucket");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"EventSourceArn\": \"" + streamArn + "\"",
                    "Template .jets/out/demo-dev.template.json (runtime java17)", "\"Runtime\": \"java17\"",
                    "  Add AWS::Lambda::Function ClerkEventFileFunction",
                    "Dry run: change set deleted, nothing executed");
            String jarSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(dir.resolve(".jets/out/demo-dev.jar"))));
            assertThat(cloudFormation.calls).containsSubsequence("cloudformation:DescribeStacks",
                    "s3:PUT /my-bucket/demo-dev/" + jarSha + ".jar", "cloudformation:CreateChangeSet",
                    "cloudformation:DescribeChangeSet", "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack");
            assertThat(cloudFormation.calls).doesNotContain("cloudformation:ExecuteChangeSet");
            assertThat(java.net.URLDecoder.decode(cloudFormation.createChangeSetBodies.get(0),
                    java.nio.charset.StandardCharsets.UTF_8)).contains(streamArn);
        }
    }

    @Test
    void deployDryRun_classesForJava21WithoutARuntime_deploysOnJava21() throws Exception {
        createTable(true);
        DeployFixture.compiledFor(dir, 65);
        try (CloudFormationStub cloudFormation = new CloudFormationStub()) {
            DeployCliRun run = DeployCliRun.run(dir, stubbed(cloudFormation), ws -> new DeployCommand(ws, d -> { }),
                    "--no-compile", "--dry-run", "--bucket", "my-bucket");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Template .jets/out/demo-dev.template.json (runtime java21)",
                    "\"Runtime\": \"java21\"");
            assertThat(java.net.URLDecoder.decode(cloudFormation.createChangeSetBodies.get(0),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("\"Runtime\": \"java21\"");
        }
    }

    @Test
    void deploy_runtimeThatCannotLoadTheClasses_isRefusedBeforeAnythingIsBuiltOrSent() throws Exception {
        createTable(true);
        DeployFixture.setting(dir, "functions.runtime=java21");
        DeployFixture.compiledFor(dir, 69);
        try (CloudFormationStub cloudFormation = new CloudFormationStub()) {
            DeployCliRun run = DeployCliRun.run(dir, stubbed(cloudFormation), ws -> new DeployCommand(ws, d -> { }),
                    "--no-compile", "--bucket", "my-bucket");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("Error: demo.events.ClerkEvent is compiled for Java 25 (class file "
                    + "version 69), which functions.runtime=java21 cannot load (Lambda would fail with "
                    + "UnsupportedClassVersionError). Set functions.runtime to java25 in jets.properties, or compile "
                    + "with --release 21" + System.lineSeparator());
            assertThat(cloudFormation.calls).isEmpty();
            assertThat(dir.resolve(".jets/out/demo-dev.jar")).doesNotExist();
            assertThat(dir.resolve(".jets/out/demo-dev.template.json")).doesNotExist();
        }
    }

    @Test
    void doctor_classesNewerThanTheRuntime_reportsTheProblemFirstAndExitsOne() throws Exception {
        createTable(true);
        DeployFixture.setting(dir, "functions.runtime=java17.al2023");
        DeployFixture.compiledFor(dir, 65);

        DeployCliRun run = DeployCliRun.run(dir, environment, DoctorCommand::new, "--no-compile",
                "--endpoint-url", server.endpoint().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("[PROBLEM] demo-dev: demo.events.ClerkEvent is compiled for Java 21 (class "
                + "file version 65), which functions.runtime=java17.al2023 cannot load (Lambda would fail with "
                + "UnsupportedClassVersionError). Set functions.runtime to java21 or java25 in jets.properties, or "
                + "compile with --release 17" + System.lineSeparator());
    }

    @Test
    void doctor_java17Classes_reportTheRuntimeThatLoadsThem() {
        createTable(true);

        DeployCliRun run = DeployCliRun.run(dir, environment, DoctorCommand::new, "--no-compile",
                "--endpoint-url", server.endpoint().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("[ok] demo-dev: runtime java17 loads the compiled classes (newest: "
                + "demo.events.ClerkEvent, Java 17)" + System.lineSeparator());
    }

    /** The environment of a deploy: DynamoDB at the local server, CloudFormation and S3 at the stub. */
    private Map<String, String> stubbed(CloudFormationStub cloudFormation) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", server.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_CLOUDFORMATION", cloudFormation.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", cloudFormation.endpoint().toString());
        return env;
    }

    private String createTable(boolean stream) {
        dynamoDb.createTable(r -> {
            r.tableName("demo-dev_test-table").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH));
            if (stream) {
                r.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
        return stream ? dynamoDb.describeTable(r -> r.tableName("demo-dev_test-table")).table().latestStreamArn() : null;
    }

}
