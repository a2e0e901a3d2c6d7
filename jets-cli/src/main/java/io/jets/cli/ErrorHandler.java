package io.jets.cli;

import java.io.PrintWriter;
import java.net.UnknownHostException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns an error a user can act on into one line on the error stream and a non-zero exit code. Errors of the
 * Jets modules (any unchecked exception from an {@code io.jets} package) say what failed and how to fix it, so
 * their message is all the user needs. So are the AWS SDK's: a call that never reached AWS (offline, a wrong
 * region or endpoint) and a call AWS refused (AccessDenied, an expired token) are the user's to fix, and a stack
 * trace of the SDK's retry stages hides the one line that says so. Anything else is a bug and keeps its stack
 * trace.
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
        if (exception instanceof SdkClientException client) {
            err.println("Error: " + unreachable(client));
            err.flush();
            return 1;
        }
        if (exception instanceof AwsServiceException refused && refused.awsErrorDetails() != null) {
            err.println("Error: " + refusal(refused));
            err.flush();
            return 1;
        }
        exception.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    static String unreachable(SdkClientException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException unknown) {
                return "Cannot reach " + unknown.getMessage() + ": unknown host (no network connection, or a wrong "
                        + "--region or --endpoint-url). Against the local server, add --endpoint-url "
                        + "http://127.0.0.1:8000";
            }
        }
        return "The AWS call failed: " + exception.getMessage() + ". Check the network connection, --region and "
                + "--endpoint-url (for the local server: is jets dev running on that port?)";
    }

    static String refusal(AwsServiceException exception) {
        return "AWS refused the call: " + exception.awsErrorDetails().errorCode() + ": " + exception.getMessage();
    }

    private static boolean isProjectError(Exception exception) {
        return exception.getClass().getName().startsWith("io.jets.") && exception.getMessage() != null;
    }
}
