package io.jets.runtime.local.internal;

import io.jets.core.FunctionDispatcher;
import io.jets.core.LocalContext;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lambda "containers": one {@link FunctionDispatcher} per concurrent invocation, created on demand and reused
 * afterwards, each with its own log stream name. A container whose handler timed out is discarded, as Lambda
 * discards the execution environment.
 */
public final class DispatcherPool {

    private final Supplier<FunctionDispatcher> factory;
    private final Clock clock;
    private final Deque<Container> idle = new ArrayDeque<>();

    public DispatcherPool(Supplier<FunctionDispatcher> factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /**
     * A dispatcher, the log stream its invocations write to, and the functions whose handlers it has
     * initialised. Used by one invocation at a time: the pool hands it over.
     */
    public static final class Container {
        private final FunctionDispatcher dispatcher;
        private final String logStreamName;
        private final Set<String> initialised = new HashSet<>();
        private long creationNanos;

        Container(FunctionDispatcher dispatcher, String logStreamName, long creationNanos) {
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

        /** How long creating the dispatcher took, the first time it is asked for; 0 afterwards. */
        public long takeCreationNanos() {
            long nanos = creationNanos;
            creationNanos = 0;
            return nanos;
        }

        /** Whether {@code function}'s handler was loaded, initialised and constructed in this container. */
        public boolean initialised(String function) {
            return initialised.contains(function);
        }

        public void markInitialised(String function) {
            initialised.add(function);
        }
    }

    public Container acquire() {
        synchronized (idle) {
            Container container = idle.pollFirst();
            if (container != null) {
                return container;
            }
        }
        String stream = LocalContext.newLogStreamName(clock.instant());
        long start = System.nanoTime();
        FunctionDispatcher dispatcher = factory.get();
        return new Container(dispatcher, stream, Math.max(1, System.nanoTime() - start));
    }

    public void release(Container container) {
        synchronized (idle) {
            idle.addFirst(container);
        }
    }
}
