package io.jets.dynamodb.local.internal;

/**
 * A DynamoDB error answered to the client: the exact AWS error type (the part after {@code #} in
 * {@code __type}), its message and HTTP status. Thrown anywhere while serving a request.
 */
public final class ApiException extends RuntimeException {

    private final String type;
    private final int status;

    public ApiException(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public static ApiException validation(String message) {
        return new ApiException("com.amazon.coral.validate#ValidationException", message, 400);
    }

    public static ApiException resourceNotFound(String message) {
        return new ApiException("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", message, 400);
    }

    public static ApiException resourceInUse(String message) {
        return new ApiException("com.amazonaws.dynamodb.v20120810#ResourceInUseException", message, 400);
    }

    public static ApiException conditionalCheckFailed() {
        return new ApiException("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
                "The conditional request failed", 400);
    }

    /** The full {@code __type}, e.g. {@code com.amazon.coral.validate#ValidationException}. */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
