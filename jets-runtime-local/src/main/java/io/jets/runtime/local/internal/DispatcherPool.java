package io.jets.runtime.local.internal;

import io.jets.core.FunctionDispatcher;
import io.jets.core.LocalContext;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lambda "containers": one {@link FunctionDispatcher} per concurrent invocation of a function, created on demand
 * and reused afterwards by that function only, each with its own log stream name. As on Lambda, where every
 * function has execution environments of its own, two functions never share a container, so each one's first
 * invocation reports its own Init Duration. A container whose handler timed out or failed to initialise is
 * discarded, as Lambda discards the execution environment; a dispatcher that is {@link AutoCloseable} (one holding
 * a class loader of its own) is closed then.
 */
public final class DispatcherPool {

    private final Supplier<FunctionDispatcher> factory;
    private final Clock clock;
    private final Map<String, Deque<Container>> idle = new HashMap<>();

    public DispatcherPool(Supplier<FunctionDispatcher> factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /**
     * A dispatcher of one function, the log stream its invocations write to, and whether the function's handler
     * was initialised in it. Used by one invocation at a time: the pool hands it over.
     */
    public static final class Container {
        private final String function;
        private final FunctionDispatcher dispatcher;
        private final String logStreamName;
        private final long creationNanos;
        private boolean initialised;

        Container(String function, FunctionDispatcher dispatcher, String logStreamName, long creationNanos) {
            this.function = function;
            this.dispatcher = dispatcher;
            this.logStreamName = logStreamName;
            this.creationNanos = creationNanos;
        }

        public FunctionDispatcher dispatcher() {
            return dispatcher;
        }

        public String logStreamName() {
            return logStreamName;
        }

        /** How long creating the dispatcher took: part of the Init Duration of the container's first invocation. */
        public long creationNanos() {
            return creationNanos;
        }

        /** Whether the function's handler was loaded, initialised and constructed in this container. */
        public boolean initialised() {
            return initialised;
        }

        public void markInitialised() {
            initialised = true;
        }
    }

    /** An idle container of {@code function}, or a new one. */
    public Container acquire(String function) {
        synchronized (idle) {
            Deque<Container> containers = idle.get(function);
            Container container = containers == null ? null : containers.pollFirst();
            if (container != null) {
                return container;
            }
        }
        String stream = LocalContext.newLogStreamName(clock.instant());
        long start = System.nanoTime();
        FunctionDispatcher dispatcher = factory.get();
        return new Container(function, dispatcher, stream, Math.max(1, System.nanoTime() - start));
    }

    public void release(Container container) {
        synchronized (idle) {
            idle.computeIfAbsent(container.function, f -> new ArrayDeque<>()).addFirst(container);
        }
    }

    /** Ends {@code container} for good: it is never handed out again, and its dispatcher's resources are freed. */
    public void discard(Container container) {
        if (container.dispatcher instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // The environment is gone either way; a resource that cannot be closed must not fail the invocation.
            }
        }
    }
}
