package io.jets.cli.deploy;

import io.jets.cli.JetsCommand;
import io.jets.cli.Workspace;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What the deploy commands share: where they run, and their output writer. */
abstract class DeployCommandBase {

    private final Workspace workspace;

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    /** Under {@code jets}: the root command's workspace. */
    DeployCommandBase() {
        this(null);
    }

    /** On its own, for example in a test: the given workspace. */
    DeployCommandBase(Workspace workspace) {
        this.workspace = workspace;
    }

    Workspace workspace() {
        if (workspace != null) {
            return workspace;
        }
        return root != null ? root.workspace() : Workspace.current();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    void println(String line) {
        PrintWriter out = out();
        out.println(line);
        out.flush();
    }
}
