package io.jets.cli.commands;

import io.jets.cli.CliException;
import io.jets.dynamodb.local.DynamoDbLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;

/** Starts the local server, turning a port in use into one line that says what to do. */
final class LocalServers {

    private LocalServers() {
    }

    static DynamoDbLocal start(DynamoDbLocal.Builder builder, int port) {
        try {
            return builder.start();
        } catch (RuntimeException e) {
            if (isPortInUse(e)) {
                throw new CliException("Port " + port + " is already in use. Stop what runs there, or choose "
                        + "another port with --port (0 picks a free one).", e);
            }
            throw e;
        }
    }

    private static boolean isPortInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            if (t instanceof UncheckedIOException || t instanceof IOException) {
                String message = String.valueOf(t.getMessage());
                if (message.contains("Address already in use")) {
                    return true;
                }
            }
        }
        return false;
    }
}
