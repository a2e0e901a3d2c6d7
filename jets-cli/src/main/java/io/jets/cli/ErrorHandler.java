package io.jets.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an error a user can act on into one line on the error stream and a non-zero exit code. Errors of the
 * Jets modules (any unchecked exception from an {@code io.jets} package) say what failed and how to fix it, so
 * their message is all the user needs; anything else is a bug and keeps its stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    /** Exit code of an unexpected failure (sysexits' EX_SOFTWARE). */
    static final int INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof CliException cli) {
            err.println("Error: " + cli.getMessage());
            err.flush();
            return cli.exitCode();
        }
        if (exception instanceof RuntimeException && isProjectError(exception)) {
            err.println("Error: " + exception.getMessage());
            err.flush();
            return 1;
        }
        exception.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    private static boolean isProjectError(Exception exception) {
        return exception.getClass().getName().startsWith("io.jets.") && exception.getMessage() != null;
    }
}
