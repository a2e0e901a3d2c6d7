package io.jets.test;

/** A test environment that cannot be set up as asked: what failed, the value, and how to fix it. */
public class JetsTestException extends RuntimeException {

    public JetsTestException(String message) {
        super(message);
    }

    public JetsTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
