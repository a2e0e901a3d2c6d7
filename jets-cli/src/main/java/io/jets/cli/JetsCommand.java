package io.jets.cli;

import io.jets.cli.commands.CallCommand;
import io.jets.cli.commands.DevCommand;
import io.jets.cli.commands.DynamoDbLocalCommand;
import io.jets.cli.commands.EventsCommand;
import io.jets.cli.commands.FailuresCommand;
import io.jets.cli.commands.GenerateEventCommand;
import io.jets.cli.commands.GeneratePayloadCommand;
import io.jets.cli.commands.LogsCommand;
import io.jets.cli.commands.NewCommand;
import io.jets.cli.deploy.BuildCommand;
import io.jets.cli.deploy.DeleteCommand;
import io.jets.cli.deploy.DeployCommand;
import io.jets.cli.deploy.DoctorCommand;
import io.jets.cli.deploy.TemplateCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code jets} command: one subcommand per task, named as Jets users type them.
 *
 * <pre>{@code
 * int exit = JetsCommand.commandLine(Workspace.current()).execute("generate:event", "clerk", "--trigger", "dynamodb");
 * }</pre>
 */
@Command(name = "jets", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "jets 0.1.0-SNAPSHOT",
        description = "Functions that run when items in DynamoDB tables change: locally and on AWS Lambda.",
        subcommands = {
                NewCommand.class,
                GenerateEventCommand.class,
                GeneratePayloadCommand.class,
                DevCommand.class,
                LogsCommand.class,
                EventsCommand.class,
                CallCommand.class,
                FailuresCommand.class,
                DynamoDbLocalCommand.class,
                TemplateCommand.class,
                BuildCommand.class,
                DeployCommand.class,
                DeleteCommand.class,
                DoctorCommand.class,
        })
public final class JetsCommand implements Callable<Integer> {

    private final Workspace workspace;

    @Spec
    CommandSpec spec;

    public JetsCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A ready-to-execute command line with the project error handler installed. */
    public static CommandLine commandLine(Workspace workspace) {
        CommandLine commandLine = new CommandLine(new JetsCommand(workspace));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    /** Where the command runs. */
    public Workspace workspace() {
        return workspace;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().usage(out);
        return 0;
    }
}
