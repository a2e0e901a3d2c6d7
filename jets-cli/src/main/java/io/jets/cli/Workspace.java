package io.jets.cli;

import io.jets.core.config.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Where a command runs: its working directory, the environment variables it sees and the clock. Passed in so
 * tests run commands against a temporary directory and a fixed clock instead of the real process.
 *
 * @param directory   the working directory
 * @param environment the environment variables ({@code JETS_ENV}, {@code JETS_MVN}, …)
 * @param clock       the clock used for time-based options such as {@code --since}
 */
public record Workspace(Path directory, Map<String, String> environment, Clock clock) {

    public Workspace {
        directory = directory.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
    }

    /** The process's own working directory, environment and clock. */
    public static Workspace current() {
        return new Workspace(Path.of("").toAbsolutePath(), System.getenv(), Clock.systemUTC());
    }

    /** Resolves {@code path} against the working directory. */
    public Path resolve(String path) {
        return directory.resolve(path).normalize();
    }

    /**
     * The Jets project containing the working directory: the nearest directory, upwards, with a
     * {@code jets.properties}.
     */
    public Project project() {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ProjectConfig.FILE))) {
                return new Project(dir, ProjectConfig.load(dir, environment));
            }
        }
        throw new CliException("No " + ProjectConfig.FILE + " in " + directory + " or any parent directory. "
                + "Run jets inside a Jets project, or create one with: jets new NAME");
    }
}
