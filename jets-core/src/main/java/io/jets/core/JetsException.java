package io.jets.core;

/**
 * A project or configuration error that a user can fix: the message says what failed, the offending value and
 * how to fix it, so the CLI prints it as one line and Lambda reports it as the function's error.
 *
 * <pre>{@code
 * throw new JetsException("Unknown function nope; known functions: clerk_event-file");
 * }</pre>
 */
public class JetsException extends RuntimeException {

    public JetsException(String message) {
        super(message);
    }

    public JetsException(String message, Throwable cause) {
        super(message, cause);
    }
}
