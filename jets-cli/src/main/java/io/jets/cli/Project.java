package io.jets.cli;

import io.jets.core.config.ProjectConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Jets application on disk: its root (the directory holding {@code jets.properties}) and its configuration,
 * with the locations of the local state under {@code .jets/}.
 *
 * @param root   the project directory
 * @param config its {@code jets.properties}
 */
public record Project(Path root, ProjectConfig config) {

    public Project {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(config, "config");
    }

    /** {@code .jets/}: everything the local tools keep for this project. */
    public Path stateDirectory() {
        return root.resolve(".jets");
    }

    /** {@code .jets/dynamodb/}: the local server's durable data. */
    public Path dynamoDbDirectory() {
        return stateDirectory().resolve("dynamodb");
    }

    /** {@code .jets/logs/}: one log file per function. */
    public Path logsDirectory() {
        return stateDirectory().resolve("logs");
    }

    /** {@code .jets/mappings/}: local event source mapping checkpoints. */
    public Path mappingsDirectory() {
        return stateDirectory().resolve("mappings");
    }

    /** {@code .jets/failures/}: local on-failure destinations. */
    public Path failuresDirectory() {
        return stateDirectory().resolve("failures");
    }

    /** {@code .jets/out/}: templates and build output. */
    public Path outDirectory() {
        return stateDirectory().resolve("out");
    }

    /** {@code .jets/dev.json}: what a running {@code jets dev} tells other commands. */
    public Path devStatusFile() {
        return stateDirectory().resolve("dev.json");
    }
}
