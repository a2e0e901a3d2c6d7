package io.jets.runtime.local.internal;

/** An error answered by the DynamoDB endpoint: the AWS error type (after {@code #}) and its message. */
public final class StreamsApiException extends RuntimeException {

    private final String errorType;

    public StreamsApiException(String errorType, String message) {
        super(errorType + ": " + message);
        this.errorType = errorType;
    }

    /** For example {@code ExpiredIteratorException}. */
    public String errorType() {
        return errorType;
    }

    public boolean is(String type) {
        return errorType.equals(type);
    }
}
