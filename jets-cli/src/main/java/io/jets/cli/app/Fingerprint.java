package io.jets.cli.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * A cheap summary of a directory tree (names, sizes, modification times): two equal fingerprints mean nothing
 * was added, removed or rewritten. Polling this every half second is how {@code jets dev} notices edits and
 * recompiles without depending on file-system events, which differ by platform and miss changes in new
 * directories, and how it knows at start that nothing changed since its last compile.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static long of(Path... roots) {
        long hash = 17;
        for (Path root : roots) {
            hash = 31 * hash + tree(root);
        }
        return hash;
    }

    private static long tree(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.mapToLong(Fingerprint::file).sum();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return -1; // a file vanished while walking (a build is writing): "changed", look again later
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long file(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long entry = file.toString().hashCode();
            entry = 31 * entry + attributes.size();
            entry = 31 * entry + attributes.lastModifiedTime().toMillis();
            return entry * 0x9E3779B97F4A7C15L;
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
