package io.jets.cli.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.cli.Project;
import java.io.IOException;

/**
 * {@code .jets/dev.lock}: one {@code jets dev} per project. A second one, on another port or with
 * {@code --in-memory}, would read the same streams from the same checkpoints in {@code .jets/mappings} and run
 * every handler twice for each change, and both would rewrite {@code .jets/dev.json}.
 *
 * <pre>{@code
 * try (ExclusiveLock lock = DevLock.acquire(project)) {
 *     // start the server and the mappings
 * }
 * }</pre>
 */
public final class DevLock {

    private DevLock() {
    }

    /** Takes the project's lock, or fails with a message naming the {@code jets dev} that holds it. */
    public static ExclusiveLock acquire(Project project) {
        return ExclusiveLock.acquire(project.stateDirectory().resolve("dev.lock"),
                () -> "jets dev is already running in " + project.root() + running(project)
                        + ". A second one would run every handler twice for each change: use that one, or stop it "
                        + "(Ctrl-C) first.");
    }

    /** " (pid 1234, http://127.0.0.1:8000)" from the running one's {@code .jets/dev.json}, if it wrote it yet. */
    private static String running(Project project) {
        try {
            JsonNode status = new ObjectMapper().readTree(project.devStatusFile().toFile());
            return " (pid " + status.path("pid").asText() + ", " + status.path("endpoint").asText() + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
