package io.jets.runtime.local.internal;

import io.jets.core.FunctionDispatcher;
import io.jets.core.LocalContext;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
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
     * A dispatcher and the log stream its invocations write to; {@code initNanos} is how long creating it took,
     * reported (as Lambda's Init Duration) by its first invocation only.
     */
    public record Container(FunctionDispatcher dispatcher, String logStreamName, long initNanos) {

        Container used() {
            return initNanos == 0 ? this : new Container(dispatcher, logStreamName, 0);
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
            idle.addFirst(container.used());
        }
    }
}
