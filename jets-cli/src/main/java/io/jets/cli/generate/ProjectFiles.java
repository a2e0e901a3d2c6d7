package io.jets.cli.generate;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.TriggerDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files the generators write, as relative path → content, so they can be checked before anything is
 * written and compared with expected files in tests.
 */
public final class ProjectFiles {

    /** The jets-core version generated projects depend on: the version of this CLI. */
    public static final String JETS_VERSION = "0.1.0-SNAPSHOT";

    private ProjectFiles() {
    }

    /** {@code jets new NAME}: a Maven project with its configuration and its own ApplicationEvent base class. */
    public static Map<String, String> newProject(String name, String packageName) {
        Map<String, String> values = Map.of("name", name, "package", packageName, "jetsVersion", JETS_VERSION);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", Template.load("pom.xml.tmpl").render(values));
        files.put("jets.properties", Template.load("jets.properties.tmpl").render(values));
        files.put("README.md", Template.load("README.md.tmpl").render(values));
        files.put(".gitignore", Template.load("gitignore.tmpl").render(values));
        files.put(applicationEventPath(packageName), applicationEvent(packageName));
        return files;
    }

    /** {@code src/main/java/<package>/events/ApplicationEvent.java}. */
    public static String applicationEventPath(String packageName) {
        return sourcePath("main", eventsPackage(packageName), "ApplicationEvent");
    }

    public static String applicationEvent(String packageName) {
        return Template.load("ApplicationEvent.java.tmpl").render(Map.of("package", eventsPackage(packageName)));
    }

    /**
     * {@code jets generate:event clerk --trigger dynamodb --method file}: the handler class and its test.
     *
     * @param table the table as written in the annotation ({@code test-table}), or a stream ARN
     */
    public static Map<String, String> dynamoDbEvent(ProjectConfig config, String packageName, String className,
                                                    String method, String table) {
        String physicalTable = isStreamArn(table) ? table : config.tableName(table);
        String functionName = Names.functionName(className, method);
        String eventsPackage = eventsPackage(packageName);
        Map<String, String> values = Map.of(
                "physicalTable", physicalTable,
                "physicalFunction", config.physicalFunctionName(functionName),
                "package", eventsPackage,
                "className", className,
                "method", method,
                "table", table,
                "tableComment", isStreamArn(table)
                        ? "stream ARN, used as given" : "existing table: " + physicalTable,
                "functionName", functionName);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(sourcePath("main", eventsPackage, className), Template.load("DynamoDbEvent.java.tmpl").render(values));
        // A table trigger is tested against the local server (jets-test); a stream ARN names a table of another
        // account or region, so its handler is tested with a payload instead.
        String test = isStreamArn(table) ? "DynamoDbStreamArnEventTest.java.tmpl" : "DynamoDbEventTest.java.tmpl";
        files.put(sourcePath("test", eventsPackage, className + "Test"), Template.load(test).render(values));
        return files;
    }

    /** Whether {@code source} is a stream ARN, used as given, rather than a table name to namespace. */
    public static boolean isStreamArn(String source) {
        return TriggerDefinition.withDefaults(source).isStreamArn();
    }

    private static String eventsPackage(String packageName) {
        return packageName + ".events";
    }

    private static String sourcePath(String sourceSet, String packageName, String className) {
        return "src/" + sourceSet + "/java/" + packageName.replace('.', '/') + "/" + className + ".java";
    }
}
