package io.jets.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.cli.CliException;
import io.jets.cli.Project;
import io.jets.core.config.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevLockTest {

    @TempDir
    Path dir;

    @Test
    void acquire_whileHeld_namesTheRunningDevFromItsStatusFile() throws Exception {
        Project project = project();
        try (ExclusiveLock held = DevLock.acquire(project)) {
            Files.writeString(project.devStatusFile(), "{\"pid\":4242,\"endpoint\":\"http://127.0.0.1:8000\"}");

            assertThatThrownBy(() -> DevLock.acquire(project))
                    .isExactlyInstanceOf(CliException.class)
                    .hasMessage("jets dev is already running in " + dir + " (pid 4242, http://127.0.0.1:8000). A second "
                            + "one would run every handler twice for each change: use that one, or stop it (Ctrl-C) first.");
        }
    }

    @Test
    void acquire_whileHeldBeforeTheStatusFileIsWritten_saysItRunsWithoutDetails() {
        Project project = project();
        try (ExclusiveLock held = DevLock.acquire(project)) {
            assertThatThrownBy(() -> DevLock.acquire(project))
                    .isExactlyInstanceOf(CliException.class)
                    .hasMessage("jets dev is already running in " + dir + ". A second one would run every handler "
                            + "twice for each change: use that one, or stop it (Ctrl-C) first.");
        }
    }

    @Test
    void acquire_afterRelease_succeeds() {
        Project project = project();
        DevLock.acquire(project).close();

        try (ExclusiveLock again = DevLock.acquire(project)) {
            assertThat(project.stateDirectory().resolve("dev.lock")).exists();
        }
    }

    private Project project() {
        return new Project(dir, ProjectConfig.load(dir, Map.of()));
    }
}
