package io.jets.cli;

/**
 * A mistake the user can fix (no project here, a file that would be overwritten, an unknown trigger). The root
 * command prints its message as one line and exits with {@link #exitCode()}; no stack trace.
 */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(String message) {
        this(message, 1);
    }

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = 1;
    }

    public int exitCode() {
        return exitCode;
    }
}
