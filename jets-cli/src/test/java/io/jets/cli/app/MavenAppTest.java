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

    /**
     * Stands in for mvn: records its arguments, writes a classpath where build-classpath would, and "compiles"
     * into target/classes, failing while a file named broken exists.
     */
    private static final String FAKE_MAVEN = """
            #!/bin/sh
            printf '%s\\n' "$@" >> arguments.txt
            for argument in "$@"; do
              case "$argument" in
                -Dmdep.outputFile=*) printf '/repo/jets-core.jar:/repo/jackson-databind.jar' > "${argument#-Dmdep.outputFile=}" ;;
                compile) [ -e broken ] && exit 1; mkdir -p target/classes ;;
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

    @Test
    void compiledAndUnchanged_onlyAfterACompileThatSucceeded_untilASourceOrThePomChanges() throws IOException {
        MavenApp app = appWithFakeMaven();
        Path source = root.resolve("src/main/java/demo/Clerk.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Clerk {}");
        assertThat(app.compiledAndUnchanged()).as("never compiled").isFalse();

        assertThat(app.compile().succeeded()).isTrue();
        assertThat(app.compiledAndUnchanged()).isTrue();

        Files.writeString(source, "class Clerk { int n; }");
        assertThat(app.compiledAndUnchanged()).as("source rewritten").isFalse();
        app.compile();
        assertThat(app.compiledAndUnchanged()).isTrue();

        Files.writeString(source.resolveSibling("Other.java"), "class Other {}");
        assertThat(app.compiledAndUnchanged()).as("source added").isFalse();
        app.compile();
        Files.delete(source.resolveSibling("Other.java"));
        assertThat(app.compiledAndUnchanged()).as("source removed").isFalse();
        app.compile();

        Files.writeString(root.resolve("pom.xml"), "<project><!-- a dependency more --></project>\n");
        assertThat(app.compiledAndUnchanged()).as("pom changed").isFalse();
    }

    @Test
    void compiledAndUnchanged_notAfterAFailedCompile_norWithoutClasses() throws IOException {
        MavenApp app = appWithFakeMaven();
        app.compile();
        assertThat(app.compiledAndUnchanged()).isTrue();

        deleteTree(root.resolve("target"));
        assertThat(app.compiledAndUnchanged()).as("mvn clean").isFalse();

        app.compile();
        Files.writeString(root.resolve("broken"), "");
        Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("src/main/java/Broken.java"), "class {");
        assertThat(app.compile().succeeded()).isFalse();
        Files.delete(root.resolve("broken"));
        assertThat(app.compiledAndUnchanged()).as("the failed compile's sources are not what target holds").isFalse();
    }

    @Test
    void compiledAndUnchanged_notOnceADependencyJarIsRewritten() throws IOException {
        MavenApp app = appWithFakeMaven();
        Path jar = root.resolve("repo/jets-core.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "v1");
        Files.createDirectories(root.resolve(".jets/out"));
        Files.writeString(root.resolve(".jets/out/runtime-classpath.txt"), jar.toString());
        app.compile();
        assertThat(app.compiledAndUnchanged()).isTrue();

        Files.writeString(jar, "v2 (a SNAPSHOT installed again)");
        assertThat(app.compiledAndUnchanged()).isFalse();
    }

    private static void deleteTree(Path top) throws IOException {
        try (var paths = Files.walk(top)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
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
