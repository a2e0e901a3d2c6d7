package io.jets.runtime.local.internal;

import java.util.Objects;

/**
 * How one invocation ended: the handler's response bytes (empty for a void method) or its error.
 *
 * @param requestId    the invocation's request id
 * @param outcome      success, a handler error, or a timeout
 * @param response     the response JSON, empty when none
 * @param errorType    the exception class or {@code Task.TimedOut}; empty on success
 * @param errorMessage the exception message; empty on success
 */
public record InvokeResult(String requestId, Outcome outcome, byte[] response, String errorType,
                           String errorMessage) {

    public enum Outcome { SUCCESS, ERROR, TIMEOUT }

    public InvokeResult {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        response = response == null ? new byte[0] : response;
        errorType = errorType == null ? "" : errorType;
        errorMessage = errorMessage == null ? "" : errorMessage;
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    /** One line for status and test output: {@code java.lang.IllegalStateException: boom}. */
    public String error() {
        return succeeded() ? "" : errorType + ": " + errorMessage;
    }
}
