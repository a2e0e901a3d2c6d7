package io.jets.deploy.stack;

import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** DescribeStacks for one stack, with "does not exist" (a ValidationError to CloudFormation) as empty. */
public final class Stacks {

    private Stacks() {
    }

    public static Optional<Stack> describe(CloudFormationClient cloudFormation, String stackName) {
        try {
            return cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (ArtifactStore.isMissingStack(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
