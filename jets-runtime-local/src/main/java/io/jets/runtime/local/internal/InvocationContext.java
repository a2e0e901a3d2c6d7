package io.jets.runtime.local.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.jets.runtime.local.logs.FunctionLogWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@link Context} of one local invocation, with the values Lambda gives: physical function name, request
 * id, {@code $LATEST}, function ARN, log group and stream, memory size, and the time left before the timeout.
 */
public record InvocationContext(String awsRequestId, String functionName, String invokedFunctionArn,
                                String logGroupName, String logStreamName, int memoryLimitInMb,
                                long deadlineNanos, FunctionLogWriter log) implements Context {

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return logGroupName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.write(message);
            }

            @Override
            public void log(byte[] message) {
                log.write(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
