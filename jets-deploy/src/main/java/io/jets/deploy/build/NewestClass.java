package io.jets.deploy.build;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The application class compiled for the newest Java release, read from the class files' headers: Lambda's JVM
 * must be at least that release, or the first invoke fails with {@code UnsupportedClassVersionError}.
 *
 * <pre>{@code
 * Optional<NewestClass> newest = NewestClass.in(Path.of("target/classes"));  // demo.events.ClerkEvent, 65 (Java 21)
 * }</pre>
 *
 * @see <a href="https://docs.oracle.com/javase/specs/jvms/se25/html/jvms-4.html#jvms-4.1">JVMS 4.1, The ClassFile
 *     Structure: magic, minor_version, major_version</a>
 */
public record NewestClass(String className, int majorVersion) {

    private static final int MAGIC = 0xCAFEBABE;
    /** Class file version 45 is Java 1.1; from Java 5 (49) on, each release adds one. */
    private static final int RELEASE_OFFSET = 44;
    private static final int OLDEST = 45;

    public NewestClass {
        Objects.requireNonNull(className, "className");
        if (majorVersion < OLDEST) {
            throw new IllegalArgumentException("majorVersion must be " + OLDEST + " (Java 1.1) or more, got: "
                    + majorVersion);
        }
    }

    /** The Java release whose JVM first loads this class file: 17 for 61, 21 for 65, 25 for 69. */
    public int javaVersion() {
        return majorVersion - RELEASE_OFFSET;
    }

    /**
     * The newest class under {@code classesDirectory}, the first in path order among equals; empty when there is
     * none. Multi-release variants ({@code META-INF/versions/…}) and {@code module-info.class} are left out, as
     * the deployment jar leaves them out, and so are files without a class file's header.
     */
    public static Optional<NewestClass> in(Path classesDirectory) {
        if (!Files.isDirectory(classesDirectory)) {
            return Optional.empty();
        }
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(classesDirectory)) {
            classes = walk.filter(p -> p.getFileName().toString().endsWith(".class") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classesDirectory + ": " + e.getMessage(), e);
        }
        NewestClass newest = null;
        for (Path file : classes) {
            String name = classesDirectory.relativize(file).toString().replace('\\', '/');
            if (name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                continue;
            }
            int major = majorVersion(file);
            if (major >= OLDEST && (newest == null || major > newest.majorVersion())) {
                newest = new NewestClass(name.substring(0, name.length() - ".class".length()).replace('/', '.'), major);
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The header's major version, or 0 when the file does not start with one. */
    private static int majorVersion(Path file) {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != MAGIC) {
                return 0;
            }
            data.readUnsignedShort();
            return data.readUnsignedShort();
        } catch (EOFException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
