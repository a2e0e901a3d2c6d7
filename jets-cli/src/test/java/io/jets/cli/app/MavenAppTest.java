package io.jets.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenAppTest {

    /** Stands in for mvn: records its arguments and writes a classpath where build-classpath would. */
    private static final String FAKE_MAVEN = """
            #!/bin/sh
            printf '%s\\n' "$@" >> arguments.txt
            for argument in "$@"; do
              case "$argument" in
                -Dmdep.outputFile=*) printf '/repo/jets-core.jar:/repo/jackson-databind.jar' > "${argument#-Dmdep.outputFile=}" ;;
              esac
            done
            """;

    @TempDir
    Path root;

    @Test
    void dependencies_asksTheDependencyPluginForRuntimeScopeByItsOwnProperty() throws IOException {
        MavenApp app = appWithFakeMaven();

        List<Path> jars = app.dependencies();

        assertThat(jars).containsExactly(Path.of("/repo/jets-core.jar"), Path.of("/repo/jackson-databind.jar"));
        List<String> arguments = Files.readAllLines(root.resolve("arguments.txt"));
        assertThat(arguments).contains("-DincludeScope=runtime",
                "-Dmdep.outputFile=" + root.resolve(".jets/out/runtime-classpath.txt").toAbsolutePath());
        assertThat(arguments).noneMatch(argument -> argument.startsWith("-Dmdep.includeScope"));
    }

    @Test
    void dependencies_askedTwice_runsMavenOnceUntilThePomChanges() throws IOException {
        MavenApp app = appWithFakeMaven();

        app.dependencies();
        app.dependencies();
        assertThat(Files.readAllLines(root.resolve("arguments.txt"))).filteredOn("-DincludeScope=runtime"::equals)
                .hasSize(1);

        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        app.dependencies();
        assertThat(Files.readAllLines(root.resolve("arguments.txt"))).filteredOn("-DincludeScope=runtime"::equals)
                .hasSize(2);
    }

    private MavenApp appWithFakeMaven() throws IOException {
        Path pom = root.resolve("pom.xml");
        Files.writeString(pom, "<project/>\n");
        Files.setLastModifiedTime(pom, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path maven = root.resolve("fake-mvn");
        Files.writeString(maven, FAKE_MAVEN);
        Files.setPosixFilePermissions(maven, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new MavenApp(root, root.resolve(".jets"), new MavenRunner(maven.toString(), root));
    }
}
