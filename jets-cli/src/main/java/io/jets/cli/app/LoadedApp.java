package io.jets.cli.app;

import io.jets.cli.CliException;
import io.jets.core.FunctionDispatcher;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import java.util.stream.Collectors;

/**
 * One loaded generation of an application: its class loader and handler index. Closing it closes the loader.
 *
 * @param classLoader the application's classes over the shared API
 * @param index       its handlers, read from {@code META-INF/jets/handlers.json}
 */
public record LoadedApp(AppClassLoader classLoader, HandlerIndex index) implements AutoCloseable {

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

    @Override
    public void close() {
        classLoader.close();
    }
}
