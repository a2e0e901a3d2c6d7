package io.jets.cli.commands;

import io.jets.cli.CliException;
import io.jets.cli.JetsCommand;
import io.jets.cli.Project;
import io.jets.cli.generate.GeneratedFiles;
import io.jets.cli.generate.Names;
import io.jets.cli.generate.ProjectFiles;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jets generate:event clerk --trigger dynamodb --method file}: an event class with one handler method, and
 * a test for it; ApplicationEvent too when the project has none.
 */
@Command(name = "generate:event", description = "Generates an event handler class and its test.")
public final class GenerateEventCommand implements Callable<Integer> {

    /** The triggers this generator knows, as typed after {@code --trigger}. */
    static final List<String> TRIGGERS = List.of("dynamodb");
    /** The package {@code jets new --package} chose, in {@code jets.properties}. */
    static final String PACKAGE_PROPERTY = "project.package";

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Event name: clerk makes ClerkEvent.")
    String name;

    @Option(names = "--trigger", paramLabel = "TRIGGER", defaultValue = "dynamodb",
            description = "What runs the handler. Supported: dynamodb (default).")
    String trigger;

    @Option(names = "--method", paramLabel = "METHOD", required = true, description = "Handler method name (file).")
    String method;

    @Option(names = "--table", paramLabel = "TABLE", defaultValue = "test-table",
            description = "Table as in the annotation, which Jets namespaces (test-table is demo-dev_test-table), "
                    + "or a stream ARN (default: test-table).")
    String table;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!TRIGGERS.contains(trigger)) {
            throw new CliException("Unknown trigger: " + trigger + ". Supported triggers: " + String.join(", ", TRIGGERS));
        }
        Names.checkMethodName(method);
        String className = Names.eventClassName(name);
        Project project = root.workspace().project();
        // jets new --package records the package; projects made before it did use the one the name gives
        String pkg = project.config().properties().getOrDefault(PACKAGE_PROPERTY, "").strip();
        if (pkg.isEmpty()) {
            pkg = Names.packageName(project.config().name());
        } else {
            Names.checkPackageName(pkg, PACKAGE_PROPERTY + " in jets.properties");
        }
        String physicalTable = ProjectFiles.isStreamArn(table) ? table : project.config().tableName(table);

        Map<String, String> files = ProjectFiles.dynamoDbEvent(project.config(), pkg, className, method, table);
        GeneratedFiles writer = new GeneratedFiles(project.root(), force, out);
        files.forEach(writer::checkWritable);
        writer.writeIfMissing(ProjectFiles.applicationEventPath(pkg), ProjectFiles.applicationEvent(pkg));
        files.forEach(writer::write);
        out.println();
        String when = ProjectFiles.isStreamArn(table) ? "records arrive on " + table : "items in " + physicalTable + " change";
        out.println("Function " + Names.functionName(className, method) + " runs when " + when
                + ". Try it with: jets dev");
        return 0;
    }
}
