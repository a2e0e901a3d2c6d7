package io.jets.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.cli.app.MavenApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;

/**
 * The seed's demo application on disk, compiled (jets-core's annotation processor writes its handler index), with
 * its runtime classpath already known, so the commands run with {@code --no-compile} and never start Maven.
 */
final class DeployFixture {

    static final String CLERK_EVENT = """
            package demo.events;

            import io.jets.core.DynamoDbTrigger;
            import io.jets.core.JetsEvent;

            public class ClerkEvent extends JetsEvent {

                @DynamoDbTrigger("test-table") // existing table: demo-dev_test-table
                public void file() {
                    System.out.println("event " + event());
                }
            }
            """;

    private DeployFixture() {
    }

    static Path create(Path dir) throws IOException {
        Files.writeString(dir.resolve("jets.properties"), "project.name=demo\n");
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, "<project/>\n");
        Files.setLastModifiedTime(pom, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path source = dir.resolve("src/main/java/demo/events/ClerkEvent.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, CLERK_EVENT);
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17", source.toString());
        assertThat(exit).as("javac of the fixture").isZero();
        Path cache = Files.createDirectories(dir.resolve(".jets/out")).resolve(MavenApp.RUNTIME_CLASSPATH);
        Files.writeString(cache, runtimeJars().stream().collect(Collectors.joining(File.pathSeparator)));
        return dir;
    }

    /**
     * Makes the fixture's handler class one compiled for the Java release of class file version {@code major}
     * (65 is Java 21, 69 is Java 25): the build's JDK 17 compiles no newer than {@code --release 17}, and the
     * header's major_version (bytes 6 and 7) is all a JVM reads to decide whether it loads a class.
     */
    static void compiledFor(Path dir, int major) throws IOException {
        Path classFile = dir.resolve("target/classes/demo/events/ClerkEvent.class");
        byte[] bytes = Files.readAllBytes(classFile);
        bytes[6] = (byte) (major >> 8);
        bytes[7] = (byte) major;
        Files.write(classFile, bytes);
    }

    /** Adds {@code line} to the fixture's {@code jets.properties}. */
    static void setting(Path dir, String line) throws IOException {
        Files.writeString(dir.resolve("jets.properties"), line + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    /** jets-core and what it needs at run time, as Maven would list them for the demo. */
    static List<String> runtimeJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("jets-core") || e.contains("aws-lambda-java-core")
                        || e.contains("aws-lambda-java-events") || e.contains("jackson-core")
                        || e.contains("jackson-databind") || e.contains("jackson-annotations"))
                .toList();
    }
}
