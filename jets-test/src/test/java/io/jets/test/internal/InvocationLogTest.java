package io.jets.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.test.HandlerInvocation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvocationLogTest {

    private final InvocationLog log = new InvocationLog();

    @Test
    void awaitUntil_returnsOnceAnotherThreadAddsWhatWasAwaited() throws Exception {
        Thread adder = new Thread(() -> {
            sleep(50);
            log.add(invocation("a"));
            log.add(invocation("b"));
        });
        adder.start();

        long start = System.nanoTime();
        var seen = log.awaitUntil(all -> all.size() >= 2, Duration.ofSeconds(5));

        assertThat(seen).extracting(HandlerInvocation::functionName).containsExactly("a", "b");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        adder.join();
    }

    @Test
    void awaitUntil_afterTheTimeout_returnsWhatItHasSoFar() throws Exception {
        log.add(invocation("a"));

        long start = System.nanoTime();
        var seen = log.awaitUntil(all -> all.size() >= 2, Duration.ofMillis(100));

        assertThat(seen).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void clear_forgetsEarlierInvocations() {
        log.add(invocation("a"));
        log.clear();
        assertThat(log.all()).isEmpty();
    }

    static HandlerInvocation invocation(String function) {
        return new HandlerInvocation(function, "{\"Records\":[]}", Instant.EPOCH, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
