package io.jets.deploy.stack;

import io.jets.deploy.DeployException;
import io.jets.deploy.stack.internal.StackEvents;
import io.jets.deploy.template.CfnTemplate;
import io.jets.deploy.template.TemplateGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deploys an application's stack: uploads the jar, creates or updates the stack through a change set, and
 * reports the stack's events as they happen with a progress bar. A failure names the first resource that
 * failed, its reason and the state the stack rolled back to.
 *
 * <pre>{@code
 * StackDeployer deployer = new StackDeployer(aws.cloudFormation(), aws.s3(), Sleeper.REAL, Duration.ofSeconds(2),
 *         Clock.systemUTC(), out::println);
 * deployer.deploy(new DeployRequest("demo-dev", template, jar, Optional.empty(), false));
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets.html">Change sets</a>
 */
public final class StackDeployer {

    private final CloudFormationClient cloudFormation;
    private final ArtifactStore artifacts;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Clock clock;
    private final Consumer<String> out;

    public StackDeployer(CloudFormationClient cloudFormation, S3Client s3, Sleeper sleeper, Duration pollInterval,
                         Clock clock, Consumer<String> out) {
        this.cloudFormation = cloudFormation;
        this.artifacts = new ArtifactStore(cloudFormation, s3, sleeper, pollInterval, out);
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.out = out;
    }

    public DeployResult deploy(DeployRequest request) {
        CfnTemplate template = request.template();
        int size = template.jsonSize();
        if (size > CfnTemplate.MAX_S3_BYTES) {
            throw new DeployException("Template of stack " + request.stackName() + " is " + size
                    + " bytes, over CloudFormation's limit of " + CfnTemplate.MAX_S3_BYTES
                    + " bytes; split the application into several projects");
        }
        Optional<Stack> existing = Stacks.describe(cloudFormation, request.stackName());
        ChangeSetType type = changeSetType(request.stackName(), existing);

        String bucket = artifacts.bucket(request.bucket());
        String codeKey = request.stackName() + "/" + request.jar().sha256Hex() + ".jar";
        artifacts.upload(bucket, codeKey, request.jar().path());

        String changeSetName = "jets-" + clock.instant().getEpochSecond();
        CreateChangeSetRequest.Builder changeSet = CreateChangeSetRequest.builder()
                .stackName(request.stackName())
                .changeSetName(changeSetName)
                .changeSetType(type)
                .capabilities(Capability.CAPABILITY_IAM)
                .parameters(parameters(template, bucket, codeKey, request.jar().sha256Base64()))
                .description("Deployed by jets");
        if (size > CfnTemplate.MAX_INLINE_BYTES) {
            String templateKey = request.stackName() + "/" + request.jar().sha256Hex() + ".template.json";
            artifacts.upload(bucket, templateKey, template.toJson());
            changeSet.templateURL(artifacts.url(bucket, templateKey));
        } else {
            changeSet.templateBody(template.toJson());
        }
        out.accept((type == ChangeSetType.CREATE ? "Creating" : "Updating") + " stack " + request.stackName());
        call(() -> cloudFormation.createChangeSet(changeSet.build()));

        DescribeChangeSetResponse described = waitForChangeSet(request.stackName(), changeSetName);
        if (described == null) {
            out.accept("No changes: stack " + request.stackName() + " is up to date");
            cloudFormation.deleteChangeSet(r -> r.stackName(request.stackName()).changeSetName(changeSetName));
            return new DeployResult(DeployResult.Outcome.UNCHANGED, List.of(),
                    existing.map(Stack::stackStatusAsString).orElse("REVIEW_IN_PROGRESS"));
        }
        List<String> changes = described.changes().stream().map(StackDeployer::describe).toList();
        changes.forEach(change -> out.accept("  " + change));
        if (request.dryRun()) {
            cloudFormation.deleteChangeSet(r -> r.stackName(request.stackName()).changeSetName(changeSetName));
            if (type == ChangeSetType.CREATE) {
                // The change set created an empty stack (REVIEW_IN_PROGRESS); leave nothing behind.
                cloudFormation.deleteStack(r -> r.stackName(request.stackName()));
            }
            out.accept("Dry run: change set deleted, nothing executed");
            return new DeployResult(DeployResult.Outcome.DRY_RUN, changes,
                    existing.map(Stack::stackStatusAsString).orElse("REVIEW_IN_PROGRESS"));
        }

        StackEvents events = new StackEvents(cloudFormation, request.stackName());
        events.skipHistory();
        call(() -> cloudFormation.executeChangeSet(r -> r.stackName(request.stackName()).changeSetName(changeSetName)));
        // Only the resources in the change set move, so they are what the bar counts.
        String status = follow(request.stackName(), events, changes.size());
        if (!status.equals("CREATE_COMPLETE") && !status.equals("UPDATE_COMPLETE")) {
            throw failure(request.stackName(), status, events.reported());
        }
        out.accept("Stack " + request.stackName() + " " + status);
        return new DeployResult(type == ChangeSetType.CREATE ? DeployResult.Outcome.CREATED
                : DeployResult.Outcome.UPDATED, changes, status);
    }

    /** Deletes the stack and waits until it is gone. */
    public void delete(String stackName) {
        if (Stacks.describe(cloudFormation, stackName).isEmpty()) {
            throw new DeployException("Stack " + stackName + " does not exist; nothing to delete");
        }
        StackEvents events = new StackEvents(cloudFormation, stackName);
        events.skipHistory();
        out.accept("Deleting stack " + stackName);
        call(() -> cloudFormation.deleteStack(r -> r.stackName(stackName)));
        while (true) {
            sleeper.sleep(pollInterval);
            events.poll().forEach(e -> out.accept("  " + line(e)));
            Optional<Stack> stack = Stacks.describe(cloudFormation, stackName);
            String status = stack.map(Stack::stackStatusAsString).orElse("DELETE_COMPLETE");
            if (status.equals("DELETE_COMPLETE")) {
                out.accept("Stack " + stackName + " deleted");
                return;
            }
            if (status.equals("DELETE_FAILED")) {
                throw failure(stackName, status, events.reported());
            }
        }
    }

    private ChangeSetType changeSetType(String stackName, Optional<Stack> existing) {
        if (existing.isEmpty()) {
            return ChangeSetType.CREATE;
        }
        String status = existing.get().stackStatusAsString();
        if (status.equals("REVIEW_IN_PROGRESS")) {
            return ChangeSetType.CREATE;
        }
        if (status.equals("ROLLBACK_COMPLETE")) {
            throw new DeployException("Stack " + stackName + " is in ROLLBACK_COMPLETE: its first deploy failed and "
                    + "CloudFormation cannot update it. Delete it with: jets delete, then deploy again");
        }
        if (status.endsWith("_IN_PROGRESS")) {
            throw new DeployException("Stack " + stackName + " is busy (" + status
                    + "); wait for it to finish, then deploy again");
        }
        if (status.endsWith("_FAILED") && !status.equals("UPDATE_ROLLBACK_FAILED")) {
            return ChangeSetType.UPDATE;
        }
        if (status.equals("UPDATE_ROLLBACK_FAILED")) {
            throw new DeployException("Stack " + stackName + " is in UPDATE_ROLLBACK_FAILED. Continue the rollback "
                    + "with: aws cloudformation continue-update-rollback --stack-name " + stackName);
        }
        return ChangeSetType.UPDATE;
    }

    private static List<Parameter> parameters(CfnTemplate template, String bucket, String key, String sha256) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(Parameter.builder().parameterKey(TemplateGenerator.CODE_BUCKET).parameterValue(bucket).build());
        parameters.add(Parameter.builder().parameterKey(TemplateGenerator.CODE_KEY).parameterValue(key).build());
        if (template.parameters().containsKey(TemplateGenerator.CODE_SHA256)) {
            parameters.add(Parameter.builder().parameterKey(TemplateGenerator.CODE_SHA256).parameterValue(sha256)
                    .build());
        }
        return parameters;
    }

    /** The described change set, or null when it has no changes. */
    private DescribeChangeSetResponse waitForChangeSet(String stackName, String changeSetName) {
        while (true) {
            DescribeChangeSetResponse response = cloudFormation.describeChangeSet(
                    r -> r.stackName(stackName).changeSetName(changeSetName));
            String status = response.statusAsString();
            if (status.equals("CREATE_COMPLETE")) {
                return response;
            }
            if (status.equals("FAILED")) {
                String reason = response.statusReason() == null ? "" : response.statusReason();
                if (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")) {
                    return null;
                }
                throw new DeployException("CloudFormation rejected the change set for stack " + stackName + ": "
                        + reason);
            }
            sleeper.sleep(pollInterval);
        }
    }

    private String follow(String stackName, StackEvents events, int resourceCount) {
        Set<String> done = new HashSet<>();
        while (true) {
            sleeper.sleep(pollInterval);
            for (StackEvent event : events.poll()) {
                if (!event.logicalResourceId().equals(stackName)
                        && event.resourceStatusAsString().endsWith("_COMPLETE")) {
                    done.add(event.logicalResourceId());
                }
                out.accept(ProgressBar.render(Math.min(done.size(), resourceCount), resourceCount) + " " + line(event));
            }
            Stack stack = Stacks.describe(cloudFormation, stackName).orElseThrow(() -> new DeployException(
                    "Stack " + stackName + " disappeared during the deploy (deleted by someone else?)"));
            String status = stack.stackStatusAsString();
            if (!status.endsWith("_IN_PROGRESS")) {
                return status;
            }
        }
    }

    private static DeployException failure(String stackName, String status, List<StackEvent> events) {
        Optional<StackEvent> first = events.stream()
                .filter(e -> e.resourceStatusAsString().endsWith("_FAILED"))
                .filter(e -> e.resourceStatusReason() != null && !e.resourceStatusReason().contains("cancelled"))
                .filter(e -> !e.logicalResourceId().equals(stackName))
                .findFirst();
        String cause = first.map(e -> e.logicalResourceId() + " (" + e.resourceType() + ") "
                + e.resourceStatusAsString() + ": " + e.resourceStatusReason()).orElse("no resource reported a reason");
        String state = switch (status) {
            case "ROLLBACK_COMPLETE" -> "the stack is ROLLBACK_COMPLETE: nothing was created. Fix the cause, then "
                    + "run jets delete and deploy again";
            case "UPDATE_ROLLBACK_COMPLETE" -> "the stack is UPDATE_ROLLBACK_COMPLETE: the previous version is still "
                    + "deployed";
            default -> "the stack is " + status;
        };
        return new DeployException("Stack " + stackName + " failed: " + cause + "; " + state);
    }

    private static String describe(Change change) {
        var resource = change.resourceChange();
        String replacement = resource.replacementAsString() == null || resource.replacementAsString().equals("False")
                ? "" : " (replacement: " + resource.replacementAsString() + ")";
        return resource.actionAsString() + " " + resource.resourceType() + " " + resource.logicalResourceId()
                + replacement;
    }

    private static String line(StackEvent event) {
        return event.resourceStatusAsString() + " " + event.resourceType() + " " + event.logicalResourceId()
                + (event.resourceStatusReason() == null || event.resourceStatusReason().isEmpty() ? ""
                : " - " + event.resourceStatusReason());
    }

    private static void call(Runnable call) {
        try {
            call.run();
        } catch (CloudFormationException e) {
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage();
            throw new DeployException("CloudFormation refused: " + message, e);
        }
    }
}
