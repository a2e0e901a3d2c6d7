package io.jets.cli.deploy;

import io.jets.cli.CliRun;
import io.jets.cli.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Runs one deploy command on its own, as the root command would, with the root command's error convention:
 * a Jets error is one {@code Error: …} line and exit code 1.
 */
record DeployCliRun(int exitCode, String out, String err) {

    static DeployCliRun run(Path directory, Map<String, String> environment, Function<Workspace, Object> command,
                            String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command.apply(new Workspace(directory, environment, CliRun.CLOCK)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, cl, parseResult) -> {
            if (!exception.getClass().getName().startsWith("io.jets.")) {
                throw exception;
            }
            cl.getErr().println("Error: " + exception.getMessage());
            return 1;
        });
        int exitCode = commandLine.execute(args);
        return new DeployCliRun(exitCode, out.toString(), err.toString());
    }
}
