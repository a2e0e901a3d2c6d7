package io.jets.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;

/**
 * A one-class application on disk, compiled as {@code mvn compile} would (jets-core's annotation processor writes
 * its handler index) and with its runtime classpath already known, so that loading it never starts Maven.
 */
final class CompiledApp {

    private CompiledApp() {
    }

    /** Writes {@code source} as {@code src/main/java/demo/events/<simpleName>.java} in {@code root}, compiles it. */
    static MavenApp compile(Path root, String simpleName, String source) throws IOException {
        Path pom = root.resolve("pom.xml");
        Files.writeString(pom, "<project/>\n");
        Files.setLastModifiedTime(pom, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path file = root.resolve("src/main/java/demo/events/" + simpleName + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(root.resolve("target/classes"));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17", file.toString());
        assertThat(exit).as("javac of " + simpleName).isZero();
        Path cache = Files.createDirectories(root.resolve(".jets/out")).resolve(MavenApp.RUNTIME_CLASSPATH);
        Files.writeString(cache, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("jets-core") || e.contains("aws-lambda-java-core")
                        || e.contains("aws-lambda-java-events") || e.contains("jackson-core")
                        || e.contains("jackson-databind") || e.contains("jackson-annotations"))
                .collect(Collectors.joining(File.pathSeparator)));
        return new MavenApp(root, root.resolve(".jets"), new MavenRunner("mvn", root));
    }
}
