package io.jets.core.index;

import io.jets.core.JetsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Reads every index resource visible to {@code classLoader} (an application's classes and, in its tests, its
     * test classes); an application without handlers has none and gets an empty index. One function name
     * defined by two different resources is an error naming both.
     */
    public static HandlerIndex load(ClassLoader classLoader) {
        Set<URL> resources;
        try {
            resources = new LinkedHashSet<>(Collections.list(classLoader.getResources(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + RESOURCE + " resources", e);
        }
        Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
        Map<String, URL> origins = new LinkedHashMap<>();
        for (URL resource : resources) {
            for (FunctionDefinition function : read(resource)) {
                URL previous = origins.putIfAbsent(function.name(), resource);
                if (previous != null && !function.equals(functions.get(function.name()))) {
                    throw new JetsException("Function " + function.name() + " is defined twice: by " + previous
                            + " and by " + resource + "; rename one of the handler methods or classes");
                }
                functions.putIfAbsent(function.name(), function);
            }
        }
        return new HandlerIndex(new ArrayList<>(functions.values()));
    }

    /** Reads one index document, as written by {@link #toJson()}. */
    public static HandlerIndex read(InputStream json) throws IOException {
        return new HandlerIndex(IndexJson.read(json));
    }

    /** The index document: pretty-printed JSON, functions in the order given. */
    public String toJson() {
        return IndexJson.write(functions);
    }

    public List<FunctionDefinition> functions() {
        return functions;
    }

    public Optional<FunctionDefinition> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The function names, for messages such as "known functions: …". */
    public List<String> functionNames() {
        return functions.stream().map(FunctionDefinition::name).toList();
    }

    private static List<FunctionDefinition> read(URL resource) {
        try (InputStream in = resource.openStream()) {
            return IndexJson.read(in);
        } catch (IOException e) {
            throw new JetsException("Cannot read the handler index " + resource + ": " + e.getMessage()
                    + "; recompile the application", e);
        }
    }
}
