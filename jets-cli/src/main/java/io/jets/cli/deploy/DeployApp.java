package io.jets.cli.deploy;

import io.jets.cli.CliException;
import io.jets.cli.Project;
import io.jets.cli.Workspace;
import io.jets.cli.app.MavenApp;
import io.jets.cli.app.MavenRunner;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The application the deploy commands work on: compiled with Maven (unless told not to) and its handler index. */
final class DeployApp {

    /** Where the runtime classpath is kept until the pom changes. */
    static final String RUNTIME_CLASSPATH = "runtime-classpath.txt";
    private static final String BUILD_CLASSPATH =
            "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";

    private final Project project;
    private final MavenApp maven;
    private final MavenRunner runner;

    private DeployApp(Project project, MavenApp maven, MavenRunner runner) {
        this.project = project;
        this.maven = maven;
        this.runner = runner;
    }

    static DeployApp open(Workspace workspace, boolean compile) {
        Project project = workspace.project();
        MavenApp maven = MavenApp.of(project, workspace.environment());
        if (compile) {
            maven.compile().orThrow("Compilation of " + project.root() + " failed");
        }
        MavenRunner runner = new MavenRunner(workspace.environment().getOrDefault(MavenApp.MAVEN_VARIABLE, "mvn"),
                project.root());
        return new DeployApp(project, maven, runner);
    }

    Project project() {
        return project;
    }

    Path classesDirectory() {
        return maven.classesDirectory();
    }

    /**
     * The jars Lambda needs besides the application's classes: compile and runtime scope only, so test
     * libraries never reach the deployment jar. Kept in {@code .jets/out/runtime-classpath.txt} until the pom
     * changes, as asking Maven takes seconds.
     */
    List<Path> dependencies() {
        Path cache = out(RUNTIME_CLASSPATH);
        Path pom = project.root().resolve("pom.xml");
        try {
            if (!Files.exists(cache) || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(pom)) < 0) {
                runner.run(List.of("-q", "-B", BUILD_CLASSPATH, "-Dmdep.outputFile=" + cache.toAbsolutePath(),
                        "-DincludeScope=runtime")).orThrow("Cannot resolve the runtime dependencies of " + project.root());
            }
            List<Path> jars = new ArrayList<>();
            for (String entry : Files.readString(cache).strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(Path.of(entry.strip()));
                }
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + cache + ": " + e.getMessage(), e);
        }
    }

    /** The handlers in {@code target/classes}, read from the compile-time index only. */
    List<FunctionDefinition> functions() {
        Path classes = classesDirectory();
        if (!Files.isDirectory(classes)) {
            throw new CliException("No compiled classes in " + classes + ". Compile with: mvn compile");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            List<FunctionDefinition> functions = HandlerIndex.load(loader).functions();
            if (functions.isEmpty()) {
                throw new CliException("No handlers in " + classes + ": annotate a public method with "
                        + "@DynamoDbTrigger (jets generate:event NAME --trigger dynamodb) and compile");
            }
            return functions;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code .jets/out/<file>}, its directory created. */
    Path out(String file) {
        try {
            return Files.createDirectories(project.outDirectory()).resolve(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + project.outDirectory() + ": " + e.getMessage(), e);
        }
    }
}
