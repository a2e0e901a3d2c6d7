package io.jets.deploy.stack;

import static io.jets.deploy.stub.CloudFormationXml.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.deploy.DeployException;
import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.build.DeploymentJar;
import io.jets.deploy.build.DeploymentJar.BuiltJar;
import io.jets.deploy.stub.AwsStub;
import io.jets.deploy.stub.AwsStub.Response;
import io.jets.deploy.stub.CloudFormationXml;
import io.jets.deploy.stub.StubAws;
import io.jets.deploy.template.CfnSpecValidator;
import io.jets.deploy.template.CfnTemplate;
import io.jets.deploy.template.TemplateGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackDeployerTest {

    private static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
    private static final String STREAM = "arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/2026-11-25T10:00:00.000";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private AwsStub stub;
    private AwsClients aws;
    private final List<String> printed = new ArrayList<>();
    private StackDeployer deployer;
    private BuiltJar jar;

    @BeforeEach
    void start() throws Exception {
        stub = new AwsStub();
        aws = StubAws.clients(stub);
        deployer = new StackDeployer(aws.cloudFormation(), aws.s3(), d -> { }, Duration.ofSeconds(2), CLOCK,
                printed::add);
        Path classes = Files.createDirectories(dir.resolve("classes/demo"));
        Files.writeString(classes.resolve("A.class"), "a");
        jar = DeploymentJar.build(dir.resolve("classes"), List.of(), dir.resolve("demo-dev.jar"));
        stub.on("s3:HEAD", Response.text(404, "application/xml", ""));
        stub.on("s3:PUT", Response.s3(Map.of("ETag", "\"6805f2cfc46c0f04559748bb039d69ae\"")));
        stub.on("cloudformation:CreateChangeSet", CloudFormationXml.changeSetCreated("demo-dev", "jets-1795608000"));
        stub.on("cloudformation:ExecuteChangeSet", CloudFormationXml.empty("ExecuteChangeSet"));
        stub.on("cloudformation:DeleteChangeSet", CloudFormationXml.empty("DeleteChangeSet"));
    }

    @AfterEach
    void stop() {
        aws.close();
        stub.close();
    }

    @Test
    void deploy_newStack_uploadsJarCreatesAndExecutesChangeSetAndReportsEventsWithProgress() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.missingStack("demo-dev"))
                .on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "CREATE_IN_PROGRESS"))
                .on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "CREATE_COMPLETE"));
        stub.on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("CREATE_PENDING", null))
                .on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("CREATE_COMPLETE", null,
                        "Add", "AWS::IAM::Role", "ClerkEventFileRole",
                        "Add", "AWS::Lambda::Function", "ClerkEventFileFunction"));
        String review = event("e0", "demo-dev", "demo-dev", "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated");
        String roleStart = event("e1", "demo-dev", "ClerkEventFileRole", "AWS::IAM::Role", "CREATE_IN_PROGRESS", null);
        String roleDone = event("e22", "demo-dev", "ClerkEventFileRole", "AWS::IAM::Role", "CREATE_COMPLETE", null);
        String stackDone = event("e333", "demo-dev", "demo-dev", "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null);
        stub.on("cloudformation:DescribeStackEvents", CloudFormationXml.events(review))
                .on("cloudformation:DescribeStackEvents", CloudFormationXml.events(roleDone, roleStart, review))
                .on("cloudformation:DescribeStackEvents", CloudFormationXml.events(stackDone, roleDone, roleStart, review));

        DeployResult result = deployer.deploy(new DeployRequest("demo-dev", template(1), jar, Optional.of("my-bucket"),
                false));

        assertThat(result.outcome()).isEqualTo(DeployResult.Outcome.CREATED);
        assertThat(result.status()).isEqualTo("CREATE_COMPLETE");
        String key = "demo-dev/" + jar.sha256Hex() + ".jar";
        assertThat(stub.requests("s3:PUT")).singleElement().satisfies(put -> {
            assertThat(put.path()).isEqualTo("/my-bucket/" + key);
            assertThat(put.body()).hasSize((int) jar.size());
        });
        Map<String, String> changeSet = stub.requests("cloudformation:CreateChangeSet").get(0).form();
        assertThat(changeSet).containsEntry("StackName", "demo-dev").containsEntry("ChangeSetType", "CREATE")
                .containsEntry("ChangeSetName", "jets-1795608000").containsEntry("Capabilities.member.1", "CAPABILITY_IAM")
                .containsEntry("Parameters.member.1.ParameterKey", "CodeBucket")
                .containsEntry("Parameters.member.1.ParameterValue", "my-bucket")
                .containsEntry("Parameters.member.2.ParameterKey", "CodeKey")
                .containsEntry("Parameters.member.2.ParameterValue", key)
                .containsEntry("TemplateBody", template(1).toJson());
        assertThat(stub.requests("cloudformation:ExecuteChangeSet")).hasSize(1);
        assertThat(printed).containsSubsequence(
                "Uploading s3://my-bucket/" + key,
                "Creating stack demo-dev",
                "  Add AWS::IAM::Role ClerkEventFileRole",
                "  Add AWS::Lambda::Function ClerkEventFileFunction",
                "[--------------------] 0/2 CREATE_IN_PROGRESS AWS::IAM::Role ClerkEventFileRole",
                "[##########----------] 1/2 CREATE_COMPLETE AWS::IAM::Role ClerkEventFileRole",
                "[##########----------] 1/2 CREATE_COMPLETE AWS::CloudFormation::Stack demo-dev",
                "Stack demo-dev CREATE_COMPLETE");
        assertThat(printed).noneMatch(line -> line.contains("REVIEW_IN_PROGRESS"));
    }

    @Test
    void deploy_failedCreate_namesTheFirstFailedResourceAndTheRollbackState() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.missingStack("demo-dev"))
                .on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "ROLLBACK_COMPLETE"));
        stub.on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("CREATE_COMPLETE", null,
                "Add", "AWS::Lambda::EventSourceMapping", "ClerkEventFileEventSourceMapping"));
        stub.on("cloudformation:DescribeStackEvents", CloudFormationXml.events())
                .on("cloudformation:DescribeStackEvents", CloudFormationXml.events(
                        event("e4", "demo-dev", "demo-dev", "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null),
                        event("e3", "demo-dev", "ClerkEventFileFunction", "AWS::Lambda::Function", "CREATE_FAILED",
                                "Resource creation cancelled"),
                        event("e2", "demo-dev", "ClerkEventFileEventSourceMapping", "AWS::Lambda::EventSourceMapping",
                                "CREATE_FAILED", "Stream not found: " + STREAM),
                        event("e1", "demo-dev", "ClerkEventFileEventSourceMapping", "AWS::Lambda::EventSourceMapping",
                                "CREATE_IN_PROGRESS", null)));

        assertThatThrownBy(() -> deployer.deploy(new DeployRequest("demo-dev", template(1), jar,
                Optional.of("my-bucket"), false)))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Stack demo-dev failed: ClerkEventFileEventSourceMapping (AWS::Lambda::EventSourceMapping) "
                        + "CREATE_FAILED: Stream not found: " + STREAM + "; the stack is ROLLBACK_COMPLETE: nothing was "
                        + "created. Fix the cause, then run jets delete and deploy again");
    }

    @Test
    void deploy_failedUpdate_saysThePreviousVersionIsStillDeployed() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "UPDATE_COMPLETE"))
                .on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "UPDATE_ROLLBACK_COMPLETE"));
        stub.on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("CREATE_COMPLETE", null,
                "Modify", "AWS::Lambda::Function", "ClerkEventFileFunction"));
        stub.on("cloudformation:DescribeStackEvents", CloudFormationXml.events(
                        event("old", "demo-dev", "demo-dev", "AWS::CloudFormation::Stack", "UPDATE_FAILED", "old failure")))
                .on("cloudformation:DescribeStackEvents", CloudFormationXml.events(
                        event("e2", "demo-dev", "ClerkEventFileFunction", "AWS::Lambda::Function", "UPDATE_FAILED",
                                "Resource handler returned message: \"MemorySize value failed to satisfy constraint\""),
                        event("old", "demo-dev", "demo-dev", "AWS::CloudFormation::Stack", "UPDATE_FAILED", "old failure")));

        assertThatThrownBy(() -> deployer.deploy(new DeployRequest("demo-dev", template(1), jar,
                Optional.of("my-bucket"), false)))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Stack demo-dev failed: ClerkEventFileFunction (AWS::Lambda::Function) UPDATE_FAILED: "
                        + "Resource handler returned message: \"MemorySize value failed to satisfy constraint\"; the "
                        + "stack is UPDATE_ROLLBACK_COMPLETE: the previous version is still deployed");
    }

    @Test
    void deploy_stackInRollbackComplete_failsTellingToDeleteItFirst() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "ROLLBACK_COMPLETE"));

        assertThatThrownBy(() -> deployer.deploy(new DeployRequest("demo-dev", template(1), jar,
                Optional.of("my-bucket"), false)))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Stack demo-dev is in ROLLBACK_COMPLETE: its first deploy failed and CloudFormation cannot "
                        + "update it. Delete it with: jets delete, then deploy again");
        assertThat(stub.operations()).containsExactly("cloudformation:DescribeStacks");
    }

    @Test
    void deploy_withoutChanges_deletesTheEmptyChangeSetAndSaysSo() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "UPDATE_COMPLETE"));
        stub.on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("FAILED",
                "The submitted information didn't contain changes. Submit different information to create a change set."));

        DeployResult result = deployer.deploy(new DeployRequest("demo-dev", template(1), jar, Optional.of("my-bucket"),
                false));

        assertThat(result.outcome()).isEqualTo(DeployResult.Outcome.UNCHANGED);
        assertThat(stub.requests("cloudformation:CreateChangeSet").get(0).form()).containsEntry("ChangeSetType", "UPDATE");
        assertThat(stub.requests("cloudformation:DeleteChangeSet")).hasSize(1);
        assertThat(stub.requests("cloudformation:ExecuteChangeSet")).isEmpty();
        assertThat(printed).contains("No changes: stack demo-dev is up to date");
    }

    @Test
    void deploy_dryRun_showsTheChangeSetAndExecutesNothing() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "UPDATE_COMPLETE"));
        stub.on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("CREATE_COMPLETE", null,
                "Modify", "AWS::Lambda::Function", "ClerkEventFileFunction"));

        DeployResult result = deployer.deploy(new DeployRequest("demo-dev", template(1), jar, Optional.of("my-bucket"),
                true));

        assertThat(result.outcome()).isEqualTo(DeployResult.Outcome.DRY_RUN);
        assertThat(result.changes()).containsExactly("Modify AWS::Lambda::Function ClerkEventFileFunction");
        assertThat(stub.requests("cloudformation:ExecuteChangeSet")).isEmpty();
        assertThat(stub.requests("cloudformation:DeleteChangeSet")).hasSize(1);
    }

    @Test
    void deploy_dryRunOfANewStack_leavesNoEmptyStackBehind() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.missingStack("demo-dev"));
        stub.on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("CREATE_COMPLETE", null,
                "Add", "AWS::Lambda::Function", "ClerkEventFileFunction"));
        stub.on("cloudformation:DeleteStack", CloudFormationXml.empty("DeleteStack"));

        deployer.deploy(new DeployRequest("demo-dev", template(1), jar, Optional.of("my-bucket"), true));

        assertThat(stub.operations()).containsSubsequence("cloudformation:CreateChangeSet",
                "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack");
        assertThat(stub.requests("cloudformation:ExecuteChangeSet")).isEmpty();
    }

    @Test
    void deploy_templateOverTheInlineLimit_goesThroughS3() {
        CfnTemplate large = template(40);
        assertThat(large.jsonSize()).isGreaterThan(CfnTemplate.MAX_INLINE_BYTES);
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "UPDATE_COMPLETE"));
        stub.on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("CREATE_COMPLETE", null,
                "Modify", "AWS::Lambda::Function", "ClerkEventFileFunction"));

        deployer.deploy(new DeployRequest("demo-dev", large, jar, Optional.of("my-bucket"), true));

        Map<String, String> changeSet = stub.requests("cloudformation:CreateChangeSet").get(0).form();
        String templateKey = "demo-dev/" + jar.sha256Hex() + ".template.json";
        assertThat(changeSet).doesNotContainKey("TemplateBody")
                .containsEntry("TemplateURL", stub.endpoint() + "/my-bucket/" + templateKey);
        assertThat(stub.requests("s3:PUT")).anySatisfy(put -> {
            assertThat(put.path()).isEqualTo("/my-bucket/" + templateKey);
            assertThat(put.bodyText()).isEqualTo(large.toJson());
        });
    }

    @Test
    void deploy_templateOverOneMegabyte_failsBeforeCallingAws() {
        CfnTemplate huge = template(800);

        assertThatThrownBy(() -> deployer.deploy(new DeployRequest("demo-dev", huge, jar, Optional.of("my-bucket"),
                false)))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Template of stack demo-dev is " + huge.jsonSize() + " bytes, over CloudFormation's limit "
                        + "of 1000000 bytes; split the application into several projects");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void deploy_withoutBucket_createsTheBootstrapStackOnceAndUsesItsBucket() {
        java.util.Deque<Response> bootstrap = new java.util.ArrayDeque<>(List.of(
                CloudFormationXml.missingStack("jets-bootstrap"),
                CloudFormationXml.stack("jets-bootstrap", "CREATE_IN_PROGRESS"),
                CloudFormationXml.stack("jets-bootstrap", "CREATE_COMPLETE", "ArtifactBucketName", "jets-bootstrap-artifactbucket-1x2y3z")));
        stub.on("cloudformation:DescribeStacks", request -> request.form().get("StackName").equals("jets-bootstrap")
                ? (bootstrap.size() > 1 ? bootstrap.poll() : bootstrap.peek())
                : CloudFormationXml.stack("demo-dev", "UPDATE_COMPLETE"));
        stub.on("cloudformation:CreateStack", Response.cloudFormation("CreateStack",
                "<StackId>arn:aws:cloudformation:us-west-2:112233445566:stack/jets-bootstrap/1</StackId>"));
        stub.on("cloudformation:DescribeChangeSet", CloudFormationXml.changeSet("CREATE_COMPLETE", null,
                "Modify", "AWS::Lambda::Function", "ClerkEventFileFunction"));

        deployer.deploy(new DeployRequest("demo-dev", template(1), jar, Optional.empty(), true));

        String body = stub.requests("cloudformation:CreateStack").get(0).form().get("TemplateBody");
        assertThat(new CfnSpecValidator().validate(body)).isEmpty();
        assertThat(stub.requests("s3:PUT").get(0).path()).startsWith("/jets-bootstrap-artifactbucket-1x2y3z/demo-dev/");
    }

    @Test
    void delete_removesTheStackAndWaitsUntilItIsGone() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "UPDATE_COMPLETE"))
                .on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "DELETE_IN_PROGRESS"))
                .on("cloudformation:DescribeStacks", CloudFormationXml.missingStack("demo-dev"));
        stub.on("cloudformation:DescribeStackEvents", CloudFormationXml.events());
        stub.on("cloudformation:DeleteStack", CloudFormationXml.empty("DeleteStack"));

        deployer.delete("demo-dev");

        assertThat(stub.requests("cloudformation:DeleteStack")).singleElement()
                .satisfies(r -> assertThat(r.form()).containsEntry("StackName", "demo-dev"));
        assertThat(printed).containsSubsequence("Deleting stack demo-dev", "Stack demo-dev deleted");
    }

    @Test
    void delete_missingStack_failsSayingThereIsNothingToDelete() {
        stub.on("cloudformation:DescribeStacks", CloudFormationXml.missingStack("demo-dev"));

        assertThatThrownBy(() -> deployer.delete("demo-dev"))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Stack demo-dev does not exist; nothing to delete");
    }

    private static CfnTemplate template(int functions) {
        List<FunctionDefinition> definitions = IntStream.range(0, functions)
                .mapToObj(i -> new FunctionDefinition(i == 0 ? "clerk_event-file" : "clerk_event-file" + i,
                        "demo.events.ClerkEvent", "file" + i, List.of(),
                        List.of(TriggerDefinition.withDefaults("test-table")), 0, 0, Map.of(), ""))
                .toList();
        return TemplateGenerator.create(CONFIG).generate(definitions, t -> STREAM);
    }
}
