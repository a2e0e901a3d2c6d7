package io.jets.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.jets.core.FunctionDispatcher;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Containers are reused by the function that created them only, as Lambda's execution environments are. */
class DispatcherPoolTest {

    private final AtomicInteger created = new AtomicInteger();
    private final DispatcherPool pool = new DispatcherPool(() -> {
        created.incrementAndGet();
        return (function, event, response, context) -> { };
    }, Clock.systemUTC());

    @Test
    void anIdleContainer_isReusedByItsOwnFunction() {
        DispatcherPool.Container first = pool.acquire("clerk_event-file");
        first.markInitialised();
        pool.release(first);

        DispatcherPool.Container again = pool.acquire("clerk_event-file");

        assertThat(again).isSameAs(first);
        assertThat(again.initialised()).isTrue();
        assertThat(created).hasValue(1);
    }

    @Test
    void anotherFunction_neverGetsAnIdleContainerOfTheFirst_butOneOfItsOwn() {
        DispatcherPool.Container file = pool.acquire("clerk_event-file");
        file.markInitialised();
        pool.release(file);

        DispatcherPool.Container archive = pool.acquire("clerk_event-archive");

        assertThat(archive).isNotSameAs(file);
        assertThat(archive.initialised()).as("initialised in a fresh environment").isFalse();
        assertThat(archive.logStreamName()).isNotEqualTo(file.logStreamName());
        assertThat(archive.creationNanos()).isPositive();
        assertThat(created).hasValue(2);
    }

    @Test
    void concurrentInvocations_ofOneFunction_eachHaveAContainer() {
        DispatcherPool.Container one = pool.acquire("clerk_event-file");
        DispatcherPool.Container two = pool.acquire("clerk_event-file");
        pool.release(one);
        pool.release(two);

        assertThat(two).isNotSameAs(one);
        assertThat(pool.acquire("clerk_event-file")).isSameAs(two);
        assertThat(pool.acquire("clerk_event-file")).isSameAs(one);
        assertThat(created).hasValue(2);
    }

    @Test
    void aDiscardedContainer_isClosed_andTheNextInvocationGetsANewOne() {
        AtomicInteger closed = new AtomicInteger();
        DispatcherPool closing = new DispatcherPool(() -> new ClosingDispatcher(closed), Clock.systemUTC());
        DispatcherPool.Container failed = closing.acquire("clerk_event-file");

        closing.discard(failed);
        DispatcherPool.Container next = closing.acquire("clerk_event-file");

        assertThat(closed).hasValue(1);
        assertThat(next).isNotSameAs(failed);
        assertThat(next.logStreamName()).isNotEqualTo(failed.logStreamName());
        assertThat(next.creationNanos()).isPositive();
    }

    /** A dispatcher holding a resource, such as a class loader of its own. */
    private record ClosingDispatcher(AtomicInteger closed) implements FunctionDispatcher, AutoCloseable {

        @Override
        public void invoke(String function, InputStream event, OutputStream response, Context context) {
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }
}
