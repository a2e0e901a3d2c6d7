package io.jets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ErrorHandlerTest {

    private final StringWriter err = new StringWriter();

    @Test
    void awsCall_toAnUnknownHost_isOneLineNamingTheHostAndTheLocalEndpoint() {
        // What the SDK throws offline: its own wrapper around the resolver's exception, after its retries.
        SdkClientException offline = SdkClientException.builder()
                .message("Received an UnknownHostException when attempting to interact with a service.")
                .cause(SdkClientException.create("Unable to execute HTTP request: dynamodb.us-west-2.amazonaws.com",
                        new UnknownHostException("dynamodb.us-west-2.amazonaws.com")))
                .build();

        int exitCode = run(offline);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: Cannot reach dynamodb.us-west-2.amazonaws.com: unknown host "
                + "(no network connection, or a wrong --region or --endpoint-url). Against the local server, add "
                + "--endpoint-url http://127.0.0.1:8000" + System.lineSeparator());
    }

    @Test
    void awsCall_refusedConnection_isOneLineWithTheSdkMessage() {
        int exitCode = run(SdkClientException.create("Unable to execute HTTP request: Connection refused "
                + "(SDK Attempt Count: 9)"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: The AWS call failed: Unable to execute HTTP request: "
                + "Connection refused (SDK Attempt Count: 9). Check the network connection, --region and "
                + "--endpoint-url (for the local server: is jets dev running on that port?)" + System.lineSeparator());
    }

    @Test
    void awsCall_refusedByAws_isOneLineWithTheErrorCodeAndRequestId() {
        AwsServiceException denied = AwsServiceException.builder()
                .message("User: arn:aws:iam::123456789012:user/dev is not authorized to perform: "
                        + "dynamodb:DescribeTable")
                .statusCode(400)
                .requestId("REQ123")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("DynamoDb")
                        .errorMessage("User: arn:aws:iam::123456789012:user/dev is not authorized to perform: "
                                + "dynamodb:DescribeTable")
                        .build())
                .build();

        int exitCode = run(denied);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: AWS refused the call: AccessDeniedException: User: "
                + "arn:aws:iam::123456789012:user/dev is not authorized to perform: dynamodb:DescribeTable "
                + "(Service: DynamoDb, Status Code: 400, Request ID: REQ123)" + System.lineSeparator());
    }

    @Test
    void unexpectedException_keepsItsStackTraceAndExitCode70() {
        int exitCode = run(new IllegalStateException("a bug"));

        assertThat(exitCode).isEqualTo(ErrorHandler.INTERNAL_ERROR);
        assertThat(err.toString()).startsWith("java.lang.IllegalStateException: a bug").contains("\tat ");
    }

    private int run(RuntimeException failure) {
        CommandLine commandLine = new CommandLine(new Failing(failure));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine.execute();
    }

    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {

        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }
}
