package io.jets.test.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.jets.core.FunctionDispatcher;
import io.jets.test.HandlerInvocation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Passes every invocation on to the application's dispatcher unchanged and records it, with what the handler
 * threw, so that a test can wait for it. The handler's exception still reaches the runtime, which retries as Lambda
 * does.
 */
public final class CapturingDispatcher implements FunctionDispatcher {

    private final FunctionDispatcher delegate;
    private final InvocationLog log;
    private final Clock clock;

    public CapturingDispatcher(FunctionDispatcher delegate, InvocationLog log, Clock clock) {
        this.delegate = delegate;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void invoke(String functionName, InputStream event, OutputStream response, Context context)
            throws Exception {
        byte[] payload = event.readAllBytes();
        var startedAt = clock.instant();
        Throwable error = null;
        try {
            delegate.invoke(functionName, new ByteArrayInputStream(payload), response, context);
        } catch (Exception | Error e) {
            error = e;
            throw e;
        } finally {
            log.add(new HandlerInvocation(functionName, new String(payload, StandardCharsets.UTF_8), startedAt, error));
        }
    }
}
