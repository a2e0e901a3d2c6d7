package io.jets.cli.commands;

import io.jets.cli.JetsCommand;
import io.jets.cli.generate.GeneratedFiles;
import io.jets.cli.generate.Names;
import io.jets.cli.generate.ProjectFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jets new demo}: a new Jets project in {@code ./demo}. */
@Command(name = "new", description = "Creates a Jets project: Maven build, jets.properties, ApplicationEvent, README.")
public final class NewCommand implements Callable<Integer> {

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Project name, also its directory (demo).")
    String name;

    @Option(names = "--package", paramLabel = "PACKAGE", description = "Java package (default: from the name).")
    String packageName;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Names.checkProjectName(name);
        String pkg = Names.checkPackageName(packageName == null ? Names.packageName(name) : packageName, "package");
        Path dir = root.workspace().resolve(name);
        Map<String, String> files = ProjectFiles.newProject(name, pkg);
        GeneratedFiles writer = new GeneratedFiles(dir, force, out);
        files.forEach(writer::checkWritable);
        files.forEach(writer::write);
        out.println();
        out.println("Created the Jets project " + name + ". Next:");
        out.println("  cd " + name);
        out.println("  jets generate:event clerk --trigger dynamodb --method file");
        out.println("  jets dev");
        return 0;
    }
}
