package io.jets.runtime.local.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the local log of a function, what {@code jets logs -n clerk_event-file [-f] [--since 10m]} prints. Each
 * line is {@code <ISO-8601 timestamp>\t<message>}, as written by {@link FunctionLogWriter}.
 *
 * <pre>{@code
 * LocalLogs logs = LocalLogs.in(Path.of(".jets"));
 * logs.read("clerk_event-file", Instant.now().minus(Duration.ofMinutes(10))).forEach(System.out::println);
 * logs.follow("clerk_event-file", Instant.EPOCH, System.out::println); // until the thread is interrupted
 * }</pre>
 */
public final class LocalLogs {

    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(100);

    private final Path stateDirectory;

    private LocalLogs(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    /** Logs under {@code stateDirectory/logs} (the app's {@code .jets} directory). */
    public static LocalLogs in(Path stateDirectory) {
        return new LocalLogs(stateDirectory);
    }

    /** {@code .jets/logs/<function>.log}. */
    public static Path file(Path stateDirectory, String function) {
        return stateDirectory.resolve("logs").resolve(function + ".log");
    }

    /** Every line logged at or after {@code since}; empty when the function has not logged yet. */
    public List<String> read(String function, Instant since) {
        Path file = file(stateDirectory, function);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (isAtOrAfter(line, since)) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Passes every line at or after {@code since} to {@code sink}, then each new line as it is written, until the
     * calling thread is interrupted. The log file may not exist yet.
     */
    public void follow(String function, Instant since, Consumer<String> sink) {
        Path file = file(stateDirectory, function);
        long position = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (Files.exists(file)) {
                    long size = Files.size(file);
                    if (size < position) {
                        position = 0; // the log was removed and written anew
                    }
                    if (size > position) {
                        position = readFrom(file, position, size, since, sink);
                    }
                }
                Thread.sleep(FOLLOW_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static long readFrom(Path file, long from, long to, Instant since,
                                 Consumer<String> sink) throws IOException {
        byte[] bytes = new byte[(int) (to - from)];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(from);
            in.readFully(bytes);
        }
        int consumed = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, consumed, i - consumed, StandardCharsets.UTF_8);
                if (isAtOrAfter(line, since)) {
                    sink.accept(line);
                }
                consumed = i + 1;
            }
        }
        // An incomplete last line is read again once its end is written.
        return from + consumed;
    }

    private static boolean isAtOrAfter(String line, Instant since) {
        if (since == null) {
            return true;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return true;
        }
        try {
            return !Instant.parse(line.substring(0, tab)).isBefore(since);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
