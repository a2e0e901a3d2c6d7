package io.jets.cli.commands;

import io.jets.cli.dev.ExclusiveLock;
import java.nio.file.Path;

/**
 * {@code <data-dir>/server.lock}: one local server per durable store. A second server (jets dynamodb-local in the
 * directory of a running jets dev, or twice on one {@code --data-dir}) would open the same SQLite files with its
 * own caches, sequence numbers and stream listeners, and each would miss what the other writes.
 */
final class DataDirectoryLock {

    private DataDirectoryLock() {
    }

    static ExclusiveLock acquire(Path dataDirectory) {
        return ExclusiveLock.acquire(dataDirectory.resolve("server.lock"),
                () -> "The data directory " + dataDirectory + " is in use by another local DynamoDB server (jets dev"
                        + " or jets dynamodb-local). Use that one, stop it first, or choose another directory with"
                        + " --data-dir (or --in-memory).");
    }
}
