package io.jets.runtime.local.internal;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import java.time.Duration;
import java.util.Objects;

/**
 * What the local runtime needs to run a function as Lambda would: its names, timeout and memory size, with the
 * function's own values first, then the project's ({@code functions.timeout}, {@code functions.memory_size}),
 * then Jets' defaults (30 s, 1536 MB).
 */
public record FunctionSettings(String name, String physicalName, String logGroupName, Duration timeout,
                               int memorySize) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MEMORY_SIZE = 1536;

    public FunctionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got: " + timeout);
        }
    }

    public static FunctionSettings of(FunctionDefinition function, ProjectConfig config) {
        int timeout = function.timeoutSeconds() > 0 ? function.timeoutSeconds()
                : intProperty(config, "functions.timeout", DEFAULT_TIMEOUT_SECONDS);
        int memory = function.memorySize() > 0 ? function.memorySize()
                : intProperty(config, "functions.memory_size", DEFAULT_MEMORY_SIZE);
        return new FunctionSettings(function.name(), config.physicalFunctionName(function.name()),
                config.logGroupName(function.name()), Duration.ofSeconds(timeout), memory);
    }

    private static int intProperty(ProjectConfig config, String key, int fallback) {
        String value = config.properties().get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got: " + value, e);
        }
    }
}
