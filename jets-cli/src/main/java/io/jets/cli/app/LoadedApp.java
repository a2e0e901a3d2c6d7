package io.jets.cli.app;

import io.jets.cli.CliException;
import io.jets.core.FunctionDispatcher;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * One loaded generation of an application: its class loader and handler index. Closing it closes the loader.
 *
 * @param classLoader the application's classes over the shared API
 * @param index       its handlers, read from {@code META-INF/jets/handlers.json}
 */
public record LoadedApp(AppClassLoader classLoader, HandlerIndex index) implements AutoCloseable {

    /** Project default when a function sets no timeout, as in the generated template. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    /** Project default when a function sets no memory size, as in the generated template. */
    public static final int DEFAULT_MEMORY_SIZE = 1536;

    public static LoadedApp load(MavenApp app) {
        AppClassLoader loader = app.newClassLoader();
        try {
            return new LoadedApp(loader, HandlerIndex.load(loader));
        } catch (RuntimeException e) {
            loader.close();
            throw e;
        }
    }

    /** A new "container" for this generation's functions. */
    public FunctionDispatcher newDispatcher() {
        return FunctionDispatcher.create(classLoader, index);
    }

    public FunctionDefinition function(String name) {
        return index.function(name).orElseThrow(() -> new CliException("Unknown function " + name + ". "
                + (index.functions().isEmpty() ? "The application has no handlers: add one with jets generate:event"
                : "Functions: " + index.functions().stream().map(FunctionDefinition::name)
                        .collect(Collectors.joining(", ")))));
    }

    /** The function's timeout: its own, else {@code functions.timeout} of jets.properties, else 30 s. */
    public static Duration timeout(FunctionDefinition function, ProjectConfig config) {
        int seconds = function.timeoutSeconds() > 0 ? function.timeoutSeconds()
                : intProperty(config, "functions.timeout", DEFAULT_TIMEOUT_SECONDS);
        return Duration.ofSeconds(seconds);
    }

    /** The function's memory: its own, else {@code functions.memory_size} of jets.properties, else 1536 MB. */
    public static int memorySize(FunctionDefinition function, ProjectConfig config) {
        return function.memorySize() > 0 ? function.memorySize()
                : intProperty(config, "functions.memory_size", DEFAULT_MEMORY_SIZE);
    }

    private static int intProperty(ProjectConfig config, String key, int fallback) {
        String value = config.properties().get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CliException(key + " in jets.properties must be a whole number, got: " + value);
        }
    }

    @Override
    public void close() {
        classLoader.close();
    }
}
