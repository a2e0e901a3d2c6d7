package io.jets.core.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One handler method, which becomes one Lambda function: {@code ClerkEvent#file} is {@code clerk_event-file}.
 *
 * @param name            the function name, Jets-style: class name underscored, a dash, the method name
 * @param className       binary name of the user's class
 * @param methodName      the handler method
 * @param parameterTypes  binary names of the method's parameter types, in order (may be empty)
 * @param triggers        the method's DynamoDB triggers, in source order (one mapping each)
 * @param timeoutSeconds  0 = project default
 * @param memorySize      0 = project default
 * @param environment     user environment variables
 * @param description     function description, may be empty
 */
public record FunctionDefinition(
        String name,
        String className,
        String methodName,
        List<String> parameterTypes,
        List<TriggerDefinition> triggers,
        int timeoutSeconds,
        int memorySize,
        Map<String, String> environment,
        String description) {

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        parameterTypes = List.copyOf(parameterTypes);
        triggers = List.copyOf(triggers);
        environment = Map.copyOf(environment);
        description = description == null ? "" : description;
    }
}
