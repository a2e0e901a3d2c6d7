package io.jets.deploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import io.jets.deploy.template.CfnSpecValidator;
import io.jets.deploy.template.CfnTemplate;
import io.jets.deploy.template.TemplateGenerator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From compiled handlers to a valid template: the index jets-core's processor writes is what the generator reads. */
class TemplateFromIndexIT {

    @TempDir
    Path dir;

    @Test
    void demoIndex_becomesAValidTemplateWithTheSeedsFunction() throws Exception {
        Path classes = DeploymentJarIT.compileDemo(dir);
        List<FunctionDefinition> functions;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            functions = HandlerIndex.load(loader).functions();
        }
        ProjectConfig config = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());

        CfnTemplate template = TemplateGenerator.create(config).generate(functions,
                trigger -> "arn:aws:dynamodb:us-west-2:112233445566:table/" + config.tableName(trigger.source())
                        + "/stream/2026-11-25T10:00:00.000");

        assertThat(new CfnSpecValidator().validate(template.toJson())).isEmpty();
        assertThat(template.resources()).containsOnlyKeys("ClerkEventFileLogGroup", "ClerkEventFileRole",
                "ClerkEventFileFunction", "ClerkEventFileEventSourceMapping");
        assertThat(template.resource("ClerkEventFileEventSourceMapping").properties())
                .containsEntry("EventSourceArn",
                        "arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/2026-11-25T10:00:00.000")
                .containsEntry("StartingPosition", "TRIM_HORIZON");
    }
}
