package io.jets.deploy.stack;

import io.jets.core.config.ProjectConfig;
import io.jets.deploy.template.internal.LogicalIds;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The physical name of each deployed function, from the stack's {@code <LogicalId>Name} outputs. Needed because
 * a name over 64 characters is chosen by CloudFormation; otherwise it is {@code <namespace>-<function>}, which is
 * also the answer when the stack cannot be read.
 *
 * <pre>{@code
 * UnaryOperator<String> names = DeployedNames.read(aws.cloudFormation(), config);
 * names.apply("clerk_event-file"); // demo-dev-clerk_event-file
 * }</pre>
 */
public final class DeployedNames {

    private DeployedNames() {
    }

    public static UnaryOperator<String> read(CloudFormationClient cloudFormation, ProjectConfig config) {
        Map<String, String> outputs;
        try {
            outputs = Stacks.describe(cloudFormation, config.namespace()).map(Stack::outputs).orElse(java.util.List.of())
                    .stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue, (a, b) -> a));
        } catch (SdkException e) {
            outputs = Map.of();
        }
        Map<String, String> byOutput = outputs;
        return function -> byOutput.getOrDefault(LogicalIds.of(function) + "Name",
                config.physicalFunctionName(function));
    }
}
