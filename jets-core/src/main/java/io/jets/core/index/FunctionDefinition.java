package io.jets.core.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One handler method, which becomes one Lambda function: {@code ClerkEvent#file} is {@code clerk_event-file}.
 *
 * <pre>{@code
 * FunctionDefinition file = index.function("clerk_event-file").orElseThrow();
 * file.triggers();     // one event source mapping each
 * file.problems();     // [] when every setting is within AWS's ranges
 * }</pre>
 *
 * @param name            the function name, Jets-style: class name underscored, a dash, the method name
 * @param className       binary name of the user's class
 * @param methodName      the handler method
 * @param parameterTypes  the method's parameter types in order (may be empty): binary names, with type arguments
 *                        where the method declares them ({@code java.util.List<io.jets.core.images.Change<demo.Order>>})
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

    /**
     * Settings outside the range AWS accepts ({@code timeoutSeconds must be between 1 and 900, got: 901}) and
     * every problem of the triggers; empty when valid.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (timeoutSeconds != 0 && (timeoutSeconds < 1 || timeoutSeconds > 900)) {
            problems.add("timeoutSeconds must be between 1 and 900, got: " + timeoutSeconds);
        }
        if (memorySize != 0 && (memorySize < 128 || memorySize > 10240)) {
            problems.add("memorySize must be between 128 and 10240, got: " + memorySize);
        }
        environment.keySet().stream().sorted()
                .filter(key -> !key.matches("[a-zA-Z][a-zA-Z0-9_]*"))
                .forEach(key -> problems.add("environment variable names must start with a letter and contain only"
                        + " letters, digits and _, got: \"" + key + "\""));
        triggers.forEach(t -> problems.addAll(t.problems()));
        triggers.stream().map(TriggerDefinition::source).filter(source -> triggers.stream()
                        .filter(t -> t.source().equals(source)).count() > 1).distinct()
                .forEach(source -> problems.add("two triggers on " + source + ": Lambda allows one event source"
                        + " mapping per stream and function; merge them into one @DynamoDbTrigger"));
        return problems;
    }

    /** The erasure of each parameter type ({@code java.util.List} for {@code java.util.List<…>}). */
    public List<String> parameterClassNames() {
        return parameterTypes.stream().map(t -> t.contains("<") ? t.substring(0, t.indexOf('<')) : t).toList();
    }
}
