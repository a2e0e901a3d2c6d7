package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.cli.CliRun;
import io.jets.cli.ExpectedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

    static final List<String> PROJECT_FILES = List.of(
            ".gitignore", "README.md", "jets.properties", "pom.xml",
            "src/main/java/demo/events/ApplicationEvent.java");

    @TempDir
    Path dir;

    @Test
    void new_writesTheExpectedProject() throws Exception {
        CliRun run = CliRun.in(dir, "new", "demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ExpectedFiles.assertTreeMatches(dir.resolve("demo"), "new-demo", PROJECT_FILES);
        assertThat(run.out()).contains("     create  pom.xml", "cd demo",
                "jets generate:event clerk --trigger dynamodb --method file");
    }

    @Test
    void new_again_leavesIdenticalFilesAlone() {
        CliRun.in(dir, "new", "demo");

        CliRun again = CliRun.in(dir, "new", "demo");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("  identical  pom.xml");
    }

    @Test
    void new_overAChangedFile_refusesWithoutForceAndWritesNothing() throws Exception {
        CliRun.in(dir, "new", "demo");
        Path pom = dir.resolve("demo/pom.xml");
        Files.writeString(pom, "<project/>");
        Files.delete(dir.resolve("demo/README.md"));

        CliRun again = CliRun.in(dir, "new", "demo");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Error: pom.xml already exists. Use --force to overwrite it."
                + System.lineSeparator());
        assertThat(pom).hasContent("<project/>");
        assertThat(dir.resolve("demo/README.md")).doesNotExist();
    }

    @Test
    void new_withForce_overwrites() throws Exception {
        CliRun.in(dir, "new", "demo");
        Path pom = dir.resolve("demo/pom.xml");
        Files.writeString(pom, "<project/>");

        CliRun again = CliRun.in(dir, "new", "demo", "--force");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("      force  pom.xml");
        assertThat(Files.readString(pom)).isEqualTo(ExpectedFiles.expected("new-demo", "pom.xml"));
    }

    @Test
    void new_withAnInvalidName_saysWhatIsAllowed() {
        CliRun run = CliRun.in(dir, "new", "my app");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Invalid project name: 'my app'. Use letters, digits and '-', "
                + "starting with a letter, for example: jets new demo" + System.lineSeparator());
        assertThat(dir.resolve("my app")).doesNotExist();
    }
}
