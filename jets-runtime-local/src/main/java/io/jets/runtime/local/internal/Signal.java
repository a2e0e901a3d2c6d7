package io.jets.runtime.local.internal;

import java.time.Duration;

/**
 * Wakes waiting shard readers when the server commits stream records, so a new record is read at once rather
 * than at the next poll. Waiters pass the generation they last saw, so a signal fired between their read and
 * their wait is never missed.
 */
public final class Signal {

    private long generation;

    public synchronized void fire() {
        generation++;
        notifyAll();
    }

    public synchronized long generation() {
        return generation;
    }

    /** Waits until a signal newer than {@code seen} or the timeout; returns false when interrupted. */
    public synchronized boolean await(long seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                wait(Math.max(1, left / 1_000_000), 0);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
