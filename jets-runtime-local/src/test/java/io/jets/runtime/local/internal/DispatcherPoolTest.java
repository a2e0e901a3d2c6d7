package io.jets.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.core.FunctionDispatcher;
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
        assertThat(archive.takeCreationNanos()).isPositive();
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
}
