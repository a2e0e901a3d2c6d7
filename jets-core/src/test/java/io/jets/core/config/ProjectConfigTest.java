package io.jets.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.core.JetsException;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigTest {

    @TempDir
    Path root;

    @Test
    void load_withProjectName_namespacesTablesWithProjectAndEnv() throws IOException {
        Path project = write("project.name=demo\n");

        ProjectConfig config = ProjectConfig.load(project, Map.of());

        assertThat(config.name()).isEqualTo("demo");
        assertThat(config.env()).isEqualTo("dev");
        assertThat(config.tableNamespace()).isEqualTo("demo-dev");
        assertThat(config.tableName("test-table")).isEqualTo("demo-dev_test-table");
        assertThat(config.physicalFunctionName("clerk_event-file")).isEqualTo("demo-dev-clerk_event-file");
        assertThat(config.logGroupName("clerk_event-file")).isEqualTo("/aws/lambda/demo-dev-clerk_event-file");
    }

    @Test
    void load_withJetsEnv_usesThatEnvironment() throws IOException {
        ProjectConfig config = ProjectConfig.load(write("project.name=demo\n"), Map.of("JETS_ENV", "prod"));

        assertThat(config.env()).isEqualTo("prod");
        assertThat(config.tableName("test-table")).isEqualTo("demo-prod_test-table");
        assertThat(config.namespace()).isEqualTo("demo-prod");
    }

    @Test
    void load_withoutFile_namesProjectAfterItsDirectory() throws IOException {
        Path project = Files.createDirectory(root.resolve("shop"));

        ProjectConfig config = ProjectConfig.load(project, Map.of());

        assertThat(config.name()).isEqualTo("shop");
        assertThat(config.tableName("orders")).isEqualTo("shop-dev_orders");
        assertThat(config.properties()).isEmpty();
    }

    @Test
    void load_withNamespaceTrue_usesProjectAndEnv() throws IOException {
        ProjectConfig config = ProjectConfig.load(
                write("project.name=demo\nevents.dynamodb.table_namespace=true\n"), Map.of());

        assertThat(config.tableName("test-table")).isEqualTo("demo-dev_test-table");
    }

    @Test
    void load_withNamespaceString_usesItAsPrefix() throws IOException {
        ProjectConfig config = ProjectConfig.load(
                write("project.name=demo\nevents.dynamodb.table_namespace=legacy\n"), Map.of());

        assertThat(config.tableName("test-table")).isEqualTo("legacy_test-table");
    }

    @Test
    void load_withNamespaceFalse_leavesTableNamesAlone() throws IOException {
        ProjectConfig config = ProjectConfig.load(
                write("project.name=demo\nevents.dynamodb.table_namespace=false\n"), Map.of());

        assertThat(config.tableNamespace()).isEmpty();
        assertThat(config.tableName("test-table")).isEqualTo("test-table");
    }

    @Test
    void load_withNamespaceEmpty_leavesTableNamesAlone() throws IOException {
        ProjectConfig config = ProjectConfig.load(
                write("project.name=demo\nevents.dynamodb.table_namespace=\n"), Map.of());

        assertThat(config.tableName("test-table")).isEqualTo("test-table");
    }

    @Test
    void load_withSeparator_joinsPrefixAndTableWithIt() throws IOException {
        ProjectConfig config = ProjectConfig.load(
                write("project.name=demo\nevents.dynamodb.table_namespace_separator=-\n"), Map.of());

        assertThat(config.tableName("test-table")).isEqualTo("demo-dev-test-table");
    }

    @Test
    void load_keepsEveryPropertyForOtherSettings() throws IOException {
        ProjectConfig config = ProjectConfig.load(write("project.name=demo\nfunctions.timeout=60\n"), Map.of());

        assertThat(config.properties()).containsEntry("functions.timeout", "60").containsEntry("project.name", "demo");
    }

    @Test
    void load_withInvalidProjectName_saysWhatIsAllowed() throws IOException {
        Path project = write("project.name=my app\n");

        assertThatThrownBy(() -> ProjectConfig.load(project, Map.of()))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("project.name must start with a letter or digit and contain only letters, digits, - and _"
                        + " (it becomes part of Lambda function names), got: \"my app\"");
    }

    @Test
    void timeoutAndMemory_fallBackFromFunctionToProjectToDefaults() throws IOException {
        ProjectConfig configured = ProjectConfig.load(
                write("project.name=demo\nfunctions.timeout=60\nfunctions.memory_size=512\n"), Map.of());
        ProjectConfig plain = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
        FunctionDefinition unset = function(0, 0);
        FunctionDefinition own = function(5, 2048);

        assertThat(configured.timeoutSeconds(unset)).isEqualTo(60);
        assertThat(configured.memorySize(unset)).isEqualTo(512);
        assertThat(configured.timeoutSeconds(own)).isEqualTo(5);
        assertThat(configured.memorySize(own)).isEqualTo(2048);
        assertThat(plain.timeoutSeconds(unset)).isEqualTo(30);
        assertThat(plain.memorySize(unset)).isEqualTo(1536);
    }

    @Test
    void timeout_outOfRangeInFile_saysTheRange() throws IOException {
        ProjectConfig config = ProjectConfig.load(write("project.name=demo\nfunctions.timeout=15m\n"), Map.of());

        assertThatThrownBy(() -> config.timeoutSeconds(function(0, 0)))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("functions.timeout in jets.properties must be between 1 and 900, got: 15m");
    }

    private static FunctionDefinition function(int timeout, int memory) {
        return new FunctionDefinition("clerk_event-file", "demo.ClerkEvent", "file", List.of(),
                List.of(TriggerDefinition.withDefaults("test-table")), timeout, memory, Map.of(), "");
    }

    private Path write(String properties) throws IOException {
        Path project = Files.createDirectories(root.resolve("app"));
        Files.writeString(project.resolve(ProjectConfig.FILE), properties);
        return project;
    }
}
