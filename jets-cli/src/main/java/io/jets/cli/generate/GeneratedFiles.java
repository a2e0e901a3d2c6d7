package io.jets.cli.generate;

import io.jets.cli.CliException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes generated files, reporting each one as Jets does ({@code create}, {@code force}, {@code identical},
 * {@code skip}). An existing file with other content is never replaced unless {@code force} is set.
 */
public final class GeneratedFiles {

    private final Path root;
    private final boolean force;
    private final PrintWriter out;

    public GeneratedFiles(Path root, boolean force, PrintWriter out) {
        this.root = root;
        this.force = force;
        this.out = out;
    }

    /** Checks that {@code relative} may be written; call for every file before writing any. */
    public void checkWritable(String relative, String content) {
        Path file = root.resolve(relative);
        if (!force && Files.exists(file) && !content.equals(read(file))) {
            throw new CliException(root.relativize(file) + " already exists. Use --force to overwrite it.");
        }
    }

    /** Writes {@code relative} (checked with {@link #checkWritable} first). */
    public void write(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            if (Files.exists(file)) {
                if (content.equals(read(file))) {
                    out.println("  identical  " + relative);
                    return;
                }
                checkWritable(relative, content);
                Files.writeString(file, content, StandardCharsets.UTF_8);
                out.println("      force  " + relative);
                return;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            out.println("     create  " + relative);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Writes {@code relative} only when it does not exist yet (a shared file such as ApplicationEvent). */
    public void writeIfMissing(String relative, String content) {
        if (Files.exists(root.resolve(relative))) {
            out.println("      exist  " + relative);
            return;
        }
        write(relative, content);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
