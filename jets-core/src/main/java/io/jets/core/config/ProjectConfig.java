package io.jets.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * A project's configuration, read from {@value #FILE} at the project root.
 *
 * <pre>
 * project.name=demo
 * # true (default): &lt;project&gt;-&lt;env&gt;; a string: that prefix; false or empty: no namespace
 * events.dynamodb.table_namespace=true
 * events.dynamodb.table_namespace_separator=_
 * </pre>
 *
 * {@code JETS_ENV} chooses the environment (default {@code dev}).
 *
 * @param name           project name ({@code demo})
 * @param env            environment ({@code dev})
 * @param tableNamespace the table prefix ({@code demo-dev}), empty when disabled
 * @param separator      between prefix and table ({@code _})
 * @param properties     every property of the file, for settings read elsewhere
 */
public record ProjectConfig(String name, String env, String tableNamespace, String separator,
                            Map<String, String> properties) {

    public static final String FILE = "jets.properties";

    public ProjectConfig {
        properties = Map.copyOf(properties);
    }

    /** Reads {@code projectDir/jets.properties}, with {@code environment} standing for the process environment. */
    public static ProjectConfig load(Path projectDir, Map<String, String> environment) {
        throw new UnsupportedOperationException("implemented by jets-core");
    }

    /** {@code <project>-<env>}: the prefix of physical function names and stack names. */
    public String namespace() {
        return name + "-" + env;
    }

    /** {@code test-table} → {@code demo-dev_test-table}; unchanged when the namespace is disabled. */
    public String tableName(String logicalName) {
        return tableNamespace.isEmpty() ? logicalName : tableNamespace + separator + logicalName;
    }

    /** {@code clerk_event-file} → {@code demo-dev-clerk_event-file}. */
    public String physicalFunctionName(String functionName) {
        return namespace() + "-" + functionName;
    }

    /** {@code /aws/lambda/demo-dev-clerk_event-file}. */
    public String logGroupName(String functionName) {
        return "/aws/lambda/" + physicalFunctionName(functionName);
    }
}
