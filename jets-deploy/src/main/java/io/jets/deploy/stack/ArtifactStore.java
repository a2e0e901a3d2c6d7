package io.jets.deploy.stack;

import io.jets.deploy.DeployException;
import io.jets.deploy.template.CfnResource;
import io.jets.deploy.template.CfnTemplate;
import io.jets.deploy.template.Fn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Where deployment artifacts go: the bucket given with {@code --bucket}, or the bucket of a small bootstrap
 * stack ({@value #BOOTSTRAP_STACK}) created on first use, private and encrypted. Uploads are named by content,
 * so an unchanged jar is not uploaded twice.
 */
public final class ArtifactStore {

    public static final String BOOTSTRAP_STACK = "jets-bootstrap";
    static final String BUCKET_OUTPUT = "ArtifactBucketName";

    private final CloudFormationClient cloudFormation;
    private final S3Client s3;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Consumer<String> progress;

    public ArtifactStore(CloudFormationClient cloudFormation, S3Client s3, Sleeper sleeper, Duration pollInterval,
                         Consumer<String> progress) {
        this.cloudFormation = cloudFormation;
        this.s3 = s3;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.progress = progress;
    }

    /** The bucket to upload to: {@code explicit} when given, else the bootstrap stack's (created if missing). */
    public String bucket(Optional<String> explicit) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        Optional<Stack> stack = Stacks.describe(cloudFormation, BOOTSTRAP_STACK);
        if (stack.isEmpty()) {
            progress.accept("Creating the artifact bucket (stack " + BOOTSTRAP_STACK + "), once per account and region");
            cloudFormation.createStack(r -> r.stackName(BOOTSTRAP_STACK).templateBody(bootstrapTemplate().toJson()));
            stack = Optional.of(waitForBootstrap());
        } else if (!stack.get().stackStatusAsString().endsWith("_COMPLETE")
                || stack.get().stackStatusAsString().contains("ROLLBACK")) {
            stack = Optional.of(waitForBootstrap());
        }
        return stack.get().outputs().stream().filter(o -> o.outputKey().equals(BUCKET_OUTPUT)).findFirst()
                .orElseThrow(() -> new DeployException("Stack " + BOOTSTRAP_STACK + " has no output " + BUCKET_OUTPUT
                        + "; delete it with: aws cloudformation delete-stack --stack-name " + BOOTSTRAP_STACK))
                .outputValue();
    }

    /** Uploads {@code file} as {@code key} unless an object of that name (and so that content) is there. */
    public void upload(String bucket, String key, Path file) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            progress.accept("Unchanged artifact s3://" + bucket + "/" + key);
            return;
        } catch (NoSuchKeyException e) {
            // Not there yet: upload below.
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw accessError(bucket, e);
            }
        }
        progress.accept("Uploading s3://" + bucket + "/" + key);
        try {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(file));
        } catch (S3Exception e) {
            throw accessError(bucket, e);
        }
    }

    public void upload(String bucket, String key, String text) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(text));
        } catch (S3Exception e) {
            throw accessError(bucket, e);
        }
    }

    public String url(String bucket, String key) {
        return s3.utilities().getUrl(r -> r.bucket(bucket).key(key)).toString();
    }

    /** A private, encrypted bucket, named by CloudFormation. */
    static CfnTemplate bootstrapTemplate() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
                Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))));
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("BlockPublicAcls", true);
        block.put("BlockPublicPolicy", true);
        block.put("IgnorePublicAcls", true);
        block.put("RestrictPublicBuckets", true);
        properties.put("PublicAccessBlockConfiguration", block);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Description", "Bucket for Jets deployment artifacts");
        output.put("Value", Fn.ref("ArtifactBucket"));
        return new CfnTemplate("Jets for Java: bucket for deployment artifacts", Map.of(),
                Map.of("ArtifactBucket", new CfnResource("AWS::S3::Bucket", properties)),
                Map.of(BUCKET_OUTPUT, output));
    }

    private Stack waitForBootstrap() {
        while (true) {
            Stack stack = Stacks.describe(cloudFormation, BOOTSTRAP_STACK).orElseThrow(() -> new DeployException(
                    "Stack " + BOOTSTRAP_STACK + " disappeared while being created; deploy again"));
            String status = stack.stackStatusAsString();
            if (status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE")) {
                return stack;
            }
            if (!status.endsWith("_IN_PROGRESS")) {
                throw new DeployException("Stack " + BOOTSTRAP_STACK + " is " + status
                        + (stack.stackStatusReason() == null ? "" : " (" + stack.stackStatusReason() + ")")
                        + "; delete it with: aws cloudformation delete-stack --stack-name " + BOOTSTRAP_STACK
                        + ", or pass --bucket");
            }
            sleeper.sleep(pollInterval);
        }
    }

    private static DeployException accessError(String bucket, S3Exception e) {
        String code = e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
        return new DeployException("Cannot upload to bucket " + bucket + ": " + code
                + ". Check the bucket exists in this region and your credentials may write to it, or pass --bucket");
    }

    static boolean isMissingStack(CloudFormationException e) {
        return e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                && e.awsErrorDetails().errorMessage() != null
                && e.awsErrorDetails().errorMessage().contains("does not exist");
    }
}
