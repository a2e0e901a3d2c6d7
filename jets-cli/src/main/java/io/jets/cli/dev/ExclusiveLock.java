package io.jets.cli.dev;

import io.jets.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * An operating-system lock on a file, held while one process (jets dev, a local server) owns what the file stands
 * for. The operating system releases it when the process ends, however it ends, so a killed one leaves none behind.
 *
 * <pre>{@code
 * try (ExclusiveLock lock = ExclusiveLock.acquire(dir.resolve("server.lock"), () -> "in use")) { … }
 * }</pre>
 */
public final class ExclusiveLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock on {@code file}, or fails with {@code held}'s message when another holder has it. */
    public static ExclusiveLock acquire(Path file, Supplier<String> held) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held within this very JVM
            }
            if (lock == null) {
                channel.close();
                throw new CliException(held.get());
            }
            return new ExclusiveLock(channel, lock);
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
