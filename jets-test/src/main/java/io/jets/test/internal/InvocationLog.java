package io.jets.test.internal;

import io.jets.test.HandlerInvocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every invocation seen so far, in order; tests wait on it for the ones they expect. */
public final class InvocationLog {

    private final List<HandlerInvocation> invocations = new ArrayList<>();

    public synchronized void add(HandlerInvocation invocation) {
        invocations.add(invocation);
        notifyAll();
    }

    public synchronized List<HandlerInvocation> all() {
        return List.copyOf(invocations);
    }

    public synchronized void clear() {
        invocations.clear();
    }

    /**
     * Waits until {@code done} holds for the invocations so far, or {@code timeout} passes; returns the
     * invocations it last saw either way, so the caller can say what it got.
     */
    public synchronized List<HandlerInvocation> awaitUntil(Predicate<List<HandlerInvocation>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(invocations)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return List.copyOf(invocations);
    }
}
