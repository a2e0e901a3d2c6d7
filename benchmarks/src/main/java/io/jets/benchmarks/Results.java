package io.jets.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Appends one tab-separated line per figure: benchmark, target, metric, throughput, p50 ms, p99 ms, errors, note.
 * {@link Report} reads the file back to print the table and the ratios.
 */
final class Results {

    private final Path file;

    Results(Path file) {
        this.file = file;
    }

    void append(String benchmark, String target, String metric, double throughput, double p50, double p99,
                long errors, String note) {
        String noted = note + "; load " + loadAverage();
        String line = String.join("\t", benchmark, target, metric, format(throughput), format(p50), format(p99),
                Long.toString(errors), noted.replace('\t', ' ')) + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write results to " + file, e);
        }
    }

    /** The 1-minute load average when the figure was taken: the machine is shared, and this says how busy it was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
