package io.jets.runtime.local;

/** A local runtime that cannot run as configured; the message says what is wrong and how to fix it. */
public final class LocalRuntimeException extends RuntimeException {

    public LocalRuntimeException(String message) {
        super(message);
    }
}
