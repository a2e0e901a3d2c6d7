package io.jets.cli.commands;

import io.jets.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code <data-dir>/server.lock}: one local server per durable store. A second server (jets dynamodb-local in the
 * directory of a running jets dev, or twice on one {@code --data-dir}) would open the same SQLite files with its
 * own caches, sequence numbers and stream listeners, and each would miss what the other writes. The lock is the
 * operating system's, so a server that was killed leaves none behind.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDirectory) {
        Path file = dataDirectory.resolve("server.lock");
        try {
            Files.createDirectories(dataDirectory);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by a server of this very JVM
            }
            if (lock == null) {
                channel.close();
                throw new CliException("The data directory " + dataDirectory + " is in use by another local DynamoDB "
                        + "server (jets dev or jets dynamodb-local). Use that one, stop it first, or choose another "
                        + "directory with --data-dir (or --in-memory).");
            }
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
