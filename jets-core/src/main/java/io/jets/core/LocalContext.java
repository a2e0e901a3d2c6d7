package io.jets.core;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/**
 * The Lambda {@link Context} of a local invocation: the values Lambda would give the function, with the remaining
 * time counted down to {@code deadline} on {@code clock}, and a logger: by default one that writes to
 * {@code System.out} (as Lambda captures stdout), or the one a runtime passes to write to the function's log.
 *
 * <pre>{@code
 * Context context = LocalContext.create("demo-dev-clerk_event-file", Duration.ofSeconds(30), 1536, Clock.systemUTC());
 * dispatcher.invoke("clerk_event-file", payload, response, context);
 *
 * // a runtime that names the request, stream and ARN itself and logs to its own sink
 * Context invocation = new LocalContext(physicalName, requestId, clock.instant().plus(timeout), clock, memory,
 *         logGroupName, logStreamName, functionArn, logger);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-context.html">Lambda context object in Java</a>
 */
public record LocalContext(String functionName, String awsRequestId, Instant deadline, Clock clock,
                           int memoryLimitInMB, String logGroupName, String logStreamName,
                           String invokedFunctionArn, LambdaLogger logger) implements Context {

    public static final String FUNCTION_VERSION = "$LATEST";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    public LocalContext {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(awsRequestId, "awsRequestId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(logger, "logger");
        if (memoryLimitInMB <= 0) {
            throw new IllegalArgumentException("memoryLimitInMB must be positive, got: " + memoryLimitInMB);
        }
    }

    /**
     * A context for one invocation of {@code functionName} (the physical name, {@code demo-dev-clerk_event-file})
     * with a fresh request id, the deadline {@code timeout} from now, Lambda's log group and stream names, and a
     * logger that writes to {@code System.out}.
     */
    public static LocalContext create(String functionName, Duration timeout, int memoryLimitInMB, Clock clock) {
        Instant now = clock.instant();
        return new LocalContext(functionName, UUID.randomUUID().toString(), now.plus(timeout), clock,
                memoryLimitInMB, "/aws/lambda/" + functionName, newLogStreamName(now),
                "arn:aws:lambda:local:000000000000:function:" + functionName, StandardOutLogger.INSTANCE);
    }

    /**
     * A new log stream name as Lambda gives each execution environment: the UTC day it started, the version and
     * 32 hex digits, {@code 2026/11/25/[$LATEST]0f3c…}.
     */
    public static String newLogStreamName(Instant started) {
        return DAY.format(started) + "/[" + FUNCTION_VERSION + "]" + UUID.randomUUID().toString().replace("-", "");
    }

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
        return FUNCTION_VERSION;
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

    /** Milliseconds until the deadline, 0 once it has passed. */
    @Override
    public int getRemainingTimeInMillis() {
        long remaining = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Looks up {@code System.out} on every call, so that a runtime that redirects it per function sees the lines. */
    private enum StandardOutLogger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            // Lambda turns each call into its own log event; locally a line per call keeps them apart.
            System.out.print(message.endsWith("\n") ? message : message + "\n");
            System.out.flush();
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
