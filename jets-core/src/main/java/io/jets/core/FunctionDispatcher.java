package io.jets.core;

import com.amazonaws.services.lambda.runtime.Context;
import io.jets.core.index.HandlerIndex;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Dispatches a Lambda payload to the user method of a named function, exactly as the deployed entry point
 * {@link LambdaHandler} does. One dispatcher is one "container": user classes are instantiated once each and
 * reused; a dispatcher is not used by two threads at once (the local runtime keeps one per concurrent slot).
 *
 * <pre>{@code
 * FunctionDispatcher dispatcher = FunctionDispatcher.create(classLoader, HandlerIndex.load(classLoader));
 * dispatcher.invoke("clerk_event-file", payloadIn, responseOut, context);
 * }</pre>
 */
public interface FunctionDispatcher {

    /**
     * Invokes the function with the event bytes from {@code event}; writes the method's response as JSON
     * (for example a {@code StreamsEventResponse}) to {@code response}, or nothing for a void method. A user
     * exception propagates unchanged.
     */
    void invoke(String functionName, InputStream event, OutputStream response, Context context) throws Exception;

    /**
     * Loads and instantiates the function's class ahead of its first event, as Lambda's initialisation phase
     * does, so that a broken handler class fails here rather than on the first record. Optional: {@link #invoke}
     * prepares on first use.
     */
    default void prepare(String functionName) {
    }

    /**
     * A dispatcher for the functions of {@code index}, loading their classes from {@code classLoader} on first
     * use (no classpath scanning). An unknown function name is a {@link JetsException} listing the known ones; a
     * null {@link Context} is replaced by a {@link LocalContext} with Lambda's maximum timeout.
     */
    static FunctionDispatcher create(ClassLoader classLoader, HandlerIndex index) {
        return new IndexedFunctionDispatcher(classLoader, index);
    }
}
