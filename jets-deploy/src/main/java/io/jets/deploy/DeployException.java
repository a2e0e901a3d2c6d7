package io.jets.deploy;

/**
 * Anything jets-deploy cannot do, said in one line: what failed, the offending value, and how to fix it.
 * The CLI prints the message as is and exits non-zero.
 *
 * <pre>{@code
 * throw new DeployException("Table demo-dev_test-table has no stream. Enable it with: aws dynamodb update-table …");
 * }</pre>
 */
public class DeployException extends RuntimeException {

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
