package io.jets.runtime.local.internal;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import java.time.Duration;
import java.util.Objects;

/**
 * What the local runtime needs to run a function as Lambda would: its names, timeout and memory size, resolved
 * by {@link ProjectConfig#timeoutSeconds} and {@link ProjectConfig#memorySize} as for the deployed function.
 */
public record FunctionSettings(String name, String physicalName, String logGroupName, Duration timeout,
                               int memorySize) {

    public FunctionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got: " + timeout);
        }
    }

    public static FunctionSettings of(FunctionDefinition function, ProjectConfig config) {
        return new FunctionSettings(function.name(), config.physicalFunctionName(function.name()),
                config.logGroupName(function.name()), Duration.ofSeconds(config.timeoutSeconds(function)),
                config.memorySize(function));
    }
}
