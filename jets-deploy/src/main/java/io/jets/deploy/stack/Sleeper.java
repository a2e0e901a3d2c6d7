package io.jets.deploy.stack;

import java.time.Duration;

/** Waits between polls; tests pass one that returns at once. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.jets.deploy.DeployException("Interrupted while waiting for CloudFormation", e);
        }
    };
}
