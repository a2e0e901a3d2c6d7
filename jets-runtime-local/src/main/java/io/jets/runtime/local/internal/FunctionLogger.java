package io.jets.runtime.local.internal;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.jets.runtime.local.logs.FunctionLogWriter;
import java.nio.charset.StandardCharsets;

/**
 * The logger of a local invocation's context: writes straight to the function's log, so that a handler's
 * {@code context.getLogger()} reaches it from any thread, as Lambda's does.
 */
final class FunctionLogger implements LambdaLogger {

    private final FunctionLogWriter log;

    FunctionLogger(FunctionLogWriter log) {
        this.log = log;
    }

    @Override
    public void log(String message) {
        log.write(message);
    }

    @Override
    public void log(byte[] message) {
        log.write(new String(message, StandardCharsets.UTF_8));
    }
}
