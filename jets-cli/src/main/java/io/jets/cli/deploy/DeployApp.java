package io.jets.cli.deploy;

import io.jets.cli.CliException;
import io.jets.cli.Project;
import io.jets.cli.Workspace;
import io.jets.cli.app.MavenApp;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import io.jets.deploy.build.NewestClass;
import io.jets.deploy.template.DeploySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The application the deploy commands work on: compiled with Maven (unless told not to) and its handler index. */
final class DeployApp {

    private final Project project;
    private final MavenApp maven;

    private DeployApp(Project project, MavenApp maven) {
        this.project = project;
        this.maven = maven;
    }

    static DeployApp open(Workspace workspace, boolean compile) {
        Project project = workspace.project();
        MavenApp maven = MavenApp.of(project, workspace.environment());
        if (compile) {
            maven.compile().orThrow("Compilation of " + project.root() + " failed");
        }
        return new DeployApp(project, maven);
    }

    Project project() {
        return project;
    }

    Path classesDirectory() {
        return maven.classesDirectory();
    }

    /** The jars Lambda needs besides the application's classes: {@link MavenApp#dependencies()}. */
    List<Path> dependencies() {
        return maven.dependencies();
    }

    /**
     * The deployment settings of {@code jets.properties} for the compiled classes: the runtime is the one set, or
     * the oldest that loads them; one that cannot load them is refused before anything is built or deployed.
     */
    DeploySettings settings() {
        return DeploySettings.from(project.config().properties(), NewestClass.in(classesDirectory()));
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
