package io.jets.core.config;

import io.jets.core.JetsException;
import io.jets.core.index.FunctionDefinition;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

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
 * <pre>{@code
 * ProjectConfig config = ProjectConfig.load(Path.of("."), System.getenv());
 * config.tableName("test-table");                 // demo-dev_test-table
 * config.physicalFunctionName("clerk_event-file"); // demo-dev-clerk_event-file
 * }</pre>
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
    public static final String ENV_VARIABLE = "JETS_ENV";
    public static final String DEFAULT_ENV = "dev";
    public static final String NAME_PROPERTY = "project.name";
    public static final String TABLE_NAMESPACE_PROPERTY = "events.dynamodb.table_namespace";
    public static final String SEPARATOR_PROPERTY = "events.dynamodb.table_namespace_separator";
    public static final String TIMEOUT_PROPERTY = "functions.timeout";
    public static final String MEMORY_SIZE_PROPERTY = "functions.memory_size";
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MEMORY_SIZE = 1536;

    // Both end up in Lambda function and CloudFormation stack names.
    private static final Pattern NAME_SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public ProjectConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(tableNamespace, "tableNamespace");
        Objects.requireNonNull(separator, "separator");
        requireName(NAME_PROPERTY, name);
        requireName(ENV_VARIABLE, env);
        properties = Map.copyOf(properties);
    }

    /**
     * Reads {@code projectDir/jets.properties}, with {@code environment} standing for the process environment.
     * A missing file means every default: the project is named after its directory.
     */
    public static ProjectConfig load(Path projectDir, Map<String, String> environment) {
        Path file = projectDir.resolve(FILE);
        Map<String, String> properties = Files.isRegularFile(file) ? read(file) : Map.of();
        String name = properties.getOrDefault(NAME_PROPERTY, "");
        if (name.isEmpty()) {
            Path dirName = projectDir.toAbsolutePath().normalize().getFileName();
            name = dirName == null ? "" : dirName.toString();
        }
        String env = environment.getOrDefault(ENV_VARIABLE, "").trim();
        if (env.isEmpty()) {
            env = DEFAULT_ENV;
        }
        String namespaceSetting = properties.getOrDefault(TABLE_NAMESPACE_PROPERTY, "true");
        String tableNamespace = switch (namespaceSetting.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> name + "-" + env;
            case "false", "" -> "";
            default -> namespaceSetting;
        };
        String separator = properties.getOrDefault(SEPARATOR_PROPERTY, "_");
        return new ProjectConfig(name, env, tableNamespace, separator, properties);
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

    /** The function's timeout: its own, else {@value #TIMEOUT_PROPERTY}, else 30 seconds. */
    public int timeoutSeconds(FunctionDefinition function) {
        return function.timeoutSeconds() > 0 ? function.timeoutSeconds()
                : intProperty(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS, 1, 900);
    }

    /** The function's memory in MB: its own, else {@value #MEMORY_SIZE_PROPERTY}, else 1536. */
    public int memorySize(FunctionDefinition function) {
        return function.memorySize() > 0 ? function.memorySize()
                : intProperty(MEMORY_SIZE_PROPERTY, DEFAULT_MEMORY_SIZE, 128, 10240);
    }

    private int intProperty(String key, int defaultValue, int min, int max) {
        String value = properties.get(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new JetsException(key + " in " + FILE + " must be between " + min + " and " + max + ", got: " + value);
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new JetsException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return values;
    }

    private static void requireName(String setting, String value) {
        if (!NAME_SYNTAX.matcher(value).matches()) {
            throw new JetsException(setting + " must start with a letter or digit and contain only letters, digits,"
                    + " - and _ (it becomes part of Lambda function names), got: \"" + value + "\"");
        }
    }
}
