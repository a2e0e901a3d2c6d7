package io.jets.runtime.local.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Appends a function's log events to {@code .jets/logs/<function>.log}, one event per line:
 * {@code <ISO-8601 timestamp>\t<message>}, the local counterpart of the function's CloudWatch log group.
 *
 * <pre>{@code
 * try (FunctionLogWriter log = FunctionLogWriter.open(Path.of(".jets"), "clerk_event-file", Clock.systemUTC())) {
 *     log.write("START RequestId: " + id + " Version: $LATEST");
 * }
 * }</pre>
 */
public final class FunctionLogWriter implements AutoCloseable {

    /** Millisecond ISO-8601 in UTC, as CloudWatch shows event times. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final OutputStream out;
    private final Clock clock;

    private FunctionLogWriter(OutputStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static FunctionLogWriter open(Path stateDirectory, String function, Clock clock) {
        Path file = LocalLogs.file(stateDirectory, function);
        try {
            Files.createDirectories(file.getParent());
            return new FunctionLogWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open log file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes one event; line breaks inside the message become separate events, as on Lambda. */
    public void write(String message) {
        Instant now = clock.instant();
        StringBuilder lines = new StringBuilder();
        for (String line : message.split("\\r?\\n", -1)) {
            if (line.isEmpty() && lines.length() > 0) {
                continue;
            }
            lines.append(TIMESTAMP.format(now)).append('\t').append(line).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write log: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
