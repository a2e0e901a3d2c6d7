package io.jets.dynamodb.local.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A DynamoDB error answered to the client: the exact AWS error type (the part after {@code #} in
 * {@code __type}), its message and HTTP status. Thrown anywhere while serving a request.
 */
public final class ApiException extends RuntimeException {

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private final String type;
    private final int status;
    private final ObjectNode details;

    public ApiException(String type, String message, int status) {
        this(type, message, status, null);
    }

    /** An error whose body carries more than {@code __type} and {@code message} (e.g. the failed item). */
    public ApiException(String type, String message, int status, ObjectNode details) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.details = details;
    }

    public static ApiException validation(String message) {
        return new ApiException("com.amazon.coral.validate#ValidationException", message, 400);
    }

    public static ApiException resourceNotFound(String message) {
        return new ApiException(DYNAMODB + "ResourceNotFoundException", message, 400);
    }

    public static ApiException resourceInUse(String message) {
        return new ApiException(DYNAMODB + "ResourceInUseException", message, 400);
    }

    public static ApiException conditionalCheckFailed() {
        return conditionalCheckFailed(null);
    }

    /** With ReturnValuesOnConditionCheckFailure ALL_OLD, the error carries the item as it was. */
    public static ApiException conditionalCheckFailed(ObjectNode item) {
        ObjectNode details = null;
        if (item != null) {
            details = Json.object();
            details.set("Item", item);
            // DynamoDB capitalizes the member when the error carries the item ("message" otherwise)
            details.put("Message", "The conditional request failed");
        }
        return new ApiException(DYNAMODB + "ConditionalCheckFailedException", "The conditional request failed",
                400, details);
    }

    /** Malformed request JSON; DynamoDB answers without a message. */
    public static ApiException serialization(String message) {
        return new ApiException("com.amazon.coral.service#SerializationException", message, 400);
    }

    public static ApiException unknownOperation() {
        return new ApiException("com.amazon.coral.service#UnknownOperationException", null, 400);
    }

    public static ApiException dynamoDb(String name, String message) {
        return new ApiException(DYNAMODB + name, message, 400);
    }

    /** The full {@code __type}, e.g. {@code com.amazon.coral.validate#ValidationException}. */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** Extra members of the error body, or null. */
    public ObjectNode details() {
        return details;
    }
}
