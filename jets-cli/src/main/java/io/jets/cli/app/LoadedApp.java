package io.jets.cli.app;

import com.amazonaws.services.lambda.runtime.Context;
import io.jets.cli.CliException;
import io.jets.core.FunctionDispatcher;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One loaded generation of an application: the class loader its handler index is read from, and one class loader
 * per "container" ({@link #newDispatcher}), so that each container has static state of its own, as each Lambda
 * execution environment (a JVM of its own) has. Closing the generation closes every loader it made.
 */
public final class LoadedApp implements AutoCloseable {

    private final AppClassLoader classLoader;
    private final HandlerIndex index;
    private final Set<AppClassLoader> containers = new HashSet<>();
    private boolean closed;

    private LoadedApp(AppClassLoader classLoader, HandlerIndex index) {
        this.classLoader = classLoader;
        this.index = index;
    }

    public static LoadedApp load(MavenApp app) {
        AppClassLoader loader = app.newClassLoader();
        try {
            return new LoadedApp(loader, HandlerIndex.load(loader));
        } catch (RuntimeException e) {
            loader.close();
            throw e;
        }
    }

    /** The application's classes over the shared API, as the handler index was read. */
    public AppClassLoader classLoader() {
        return classLoader;
    }

    /** Its handlers, read from {@code META-INF/jets/handlers.json}. */
    public HandlerIndex index() {
        return index;
    }

    /**
     * A new "container" for this generation's functions: the application's classes and dependencies loaded anew,
     * so their static initialisers run again in it. Closing the dispatcher closes its loader (the local runtime
     * does so when it discards the container); closing the generation closes the loaders still open.
     */
    public FunctionDispatcher newDispatcher() {
        AppClassLoader loader = classLoader.sibling();
        synchronized (containers) {
            if (closed) {
                loader.close();
                throw new IllegalStateException(
                        "This generation of the application is closed: it was reloaded, or jets dev is stopping");
            }
            containers.add(loader);
        }
        return new Container(FunctionDispatcher.create(loader, index), loader);
    }

    public FunctionDefinition function(String name) {
        return index.function(name).orElseThrow(() -> new CliException("Unknown function " + name + ". "
                + (index.functions().isEmpty() ? "The application has no handlers: add one with jets generate:event"
                : "Functions: " + index.functions().stream().map(FunctionDefinition::name)
                        .collect(Collectors.joining(", ")))));
    }

    @Override
    public void close() {
        Set<AppClassLoader> open;
        synchronized (containers) {
            closed = true;
            open = Set.copyOf(containers);
            containers.clear();
        }
        open.forEach(AppClassLoader::close);
        classLoader.close();
    }

    private void closeContainer(AppClassLoader loader) {
        boolean open;
        synchronized (containers) {
            open = containers.remove(loader);
        }
        if (open) {
            loader.close();
        }
    }

    /** A dispatcher over a class loader of its own, which it closes when the container is discarded. */
    private final class Container implements FunctionDispatcher, AutoCloseable {
        private final FunctionDispatcher dispatcher;
        private final AppClassLoader loader;

        Container(FunctionDispatcher dispatcher, AppClassLoader loader) {
            this.dispatcher = dispatcher;
            this.loader = loader;
        }

        @Override
        public void invoke(String functionName, InputStream event, OutputStream response, Context context)
                throws Exception {
            dispatcher.invoke(functionName, event, response, context);
        }

        @Override
        public void prepare(String functionName) {
            dispatcher.prepare(functionName);
        }

        @Override
        public void close() {
            closeContainer(loader);
        }
    }
}
