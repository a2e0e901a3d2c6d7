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
                + "update-table --table-name demo-dev_test-table --stream-specification "
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
                + "Create it with: aws dynamodb create-table --table-name demo-dev_test-table");
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
