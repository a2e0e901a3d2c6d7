package io.jets.cli.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.cli.CliException;
import io.jets.cli.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code .jets/dev.lock}: one {@code jets dev} per project. A second one, on another port or with
 * {@code --in-memory}, would read the same streams from the same checkpoints in {@code .jets/mappings} and run
 * every handler twice for each change, and both would rewrite {@code .jets/dev.json}. The lock is the operating
 * system's, so a {@code jets dev} that was killed leaves none behind.
 *
 * <pre>{@code
 * try (DevLock lock = DevLock.acquire(project)) {
 *     // start the server and the mappings
 * }
 * }</pre>
 */
public final class DevLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DevLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the project's lock, or fails with a message naming the {@code jets dev} that holds it. */
    public static DevLock acquire(Project project) {
        Path file = project.stateDirectory().resolve("dev.lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by a jets dev of this very JVM
            }
            if (lock == null) {
                channel.close();
                throw new CliException("jets dev is already running in " + project.root() + running(project)
                        + ". A second one would run every handler twice for each change: use that one, or stop it "
                        + "(Ctrl-C) first.");
            }
            return new DevLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** " (pid 1234, http://127.0.0.1:8000)" from the running one's {@code .jets/dev.json}, if it wrote it yet. */
    private static String running(Project project) {
        try {
            JsonNode status = new ObjectMapper().readTree(project.devStatusFile().toFile());
            return " (pid " + status.path("pid").asText() + ", " + status.path("endpoint").asText() + ")";
        } catch (IOException e) {
            return "";
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
