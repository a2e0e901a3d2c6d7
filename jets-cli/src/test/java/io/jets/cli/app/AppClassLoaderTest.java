package io.jets.cli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.jets.core.JetsEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppClassLoaderTest {

    @TempDir
    Path classes;

    @Test
    void theApplicationSeesTheCliOwnJetsCoreLambdaAndJacksonClasses() throws Exception {
        try (AppClassLoader loader = new AppClassLoader(List.of(classes), AppClassLoaderTest.class.getClassLoader())) {
            assertThat(loader.loadClass(JetsEvent.class.getName())).isSameAs(JetsEvent.class);
            assertThat(loader.loadClass(DynamodbEvent.class.getName())).isSameAs(DynamodbEvent.class);
            assertThat(loader.loadClass(JsonNode.class.getName())).isSameAs(JsonNode.class);
        }
    }

    @Test
    void theCliOwnDependenciesStayOutOfTheApplication() throws Exception {
        try (AppClassLoader loader = new AppClassLoader(List.of(classes), AppClassLoaderTest.class.getClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("picocli.CommandLine"))
                    .isExactlyInstanceOf(ClassNotFoundException.class)
                    .hasMessage("picocli.CommandLine");
            assertThatThrownBy(() -> loader.loadClass("software.amazon.awssdk.services.dynamodb.DynamoDbClient"))
                    .isExactlyInstanceOf(ClassNotFoundException.class);
            assertThat(loader.loadClass("java.util.List")).isSameAs(List.class);
        }
    }

    @Test
    void parseClasspath_splitsMavensOutput() {
        assertThat(MavenApp.parseClasspath("/a/x.jar:/b/y.jar\n"))
                .containsExactly(Path.of("/a/x.jar"), Path.of("/b/y.jar"));
        assertThat(MavenApp.parseClasspath("")).isEmpty();
    }
}
