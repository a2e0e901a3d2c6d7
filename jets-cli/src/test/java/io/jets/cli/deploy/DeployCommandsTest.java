package io.jets.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.deploy.stack.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandsTest {

    @TempDir
    Path dir;

    @Test
    void build_writesTheDeploymentJarWithTheHandlerIndexUnderJetsOut() throws Exception {
        DeployFixture.create(dir);

        DeployCliRun run = DeployCliRun.run(dir, Map.of(), BuildCommand::new, "--no-compile");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path jar = dir.resolve(".jets/out/demo-dev.jar");
        assertThat(run.out()).startsWith("Built .jets/out/demo-dev.jar (");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("META-INF/jets/handlers.json")).isNotNull();
            assertThat(file.getEntry("demo/events/ClerkEvent.class")).isNotNull();
            assertThat(file.getEntry("io/jets/core/LambdaHandler.class")).isNotNull();
        }
        assertThat(Files.size(jar)).isLessThanOrEqualTo(5L * 1024 * 1024);
    }

    @Test
    void build_classesForJava21OnRuntimeJava17_isRefusedBeforePackaging() throws Exception {
        DeployFixture.create(dir);
        DeployFixture.setting(dir, "functions.runtime=java17");
        DeployFixture.compiledFor(dir, 65);

        DeployCliRun run = DeployCliRun.run(dir, Map.of(), BuildCommand::new, "--no-compile");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: demo.events.ClerkEvent is compiled for Java 21 (class file version "
                + "65), which functions.runtime=java17 cannot load (Lambda would fail with UnsupportedClassVersionError). "
                + "Set functions.runtime to java21 or java25 in jets.properties, or compile with --release 17"
                + System.lineSeparator());
        assertThat(dir.resolve(".jets/out/demo-dev.jar")).doesNotExist();
    }

    @Test
    void delete_withoutYes_refusesAndSaysHowToConfirm() throws Exception {
        DeployFixture.create(dir);

        DeployCliRun run = DeployCliRun.run(dir, Map.of(), ws -> new DeleteCommand(ws, Sleeper.REAL));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: jets delete removes stack demo-dev with its functions, mappings and "
                + "log groups; run it again with --yes to confirm" + System.lineSeparator());
    }

    @Test
    void template_withUnknownFormat_isRejected() throws Exception {
        DeployFixture.create(dir);

        DeployCliRun run = DeployCliRun.run(dir, Map.of(), TemplateCommand::new, "--no-compile", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: --format must be json or yaml, got: xml" + System.lineSeparator());
    }
}
