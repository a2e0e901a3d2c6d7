package io.jets.core.index;

import java.util.List;
import java.util.Optional;

/**
 * The compile-time index of an application's handlers, written by jets-core's annotation processor to
 * {@value #RESOURCE} and read without scanning the classpath.
 *
 * <pre>{@code
 * HandlerIndex index = HandlerIndex.load(Thread.currentThread().getContextClassLoader());
 * index.function("clerk_event-file").orElseThrow();
 * }</pre>
 */
public final class HandlerIndex {

    /** Where the index lives in a compiled application. */
    public static final String RESOURCE = "META-INF/jets/handlers.json";

    private final List<FunctionDefinition> functions;

    public HandlerIndex(List<FunctionDefinition> functions) {
        this.functions = List.copyOf(functions);
    }

    /** Reads every index resource visible to {@code classLoader}; an application without handlers has none. */
    public static HandlerIndex load(ClassLoader classLoader) {
        throw new UnsupportedOperationException("implemented by jets-core");
    }

    public List<FunctionDefinition> functions() {
        return functions;
    }

    public Optional<FunctionDefinition> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
