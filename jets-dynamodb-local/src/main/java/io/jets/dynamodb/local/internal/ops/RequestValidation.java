package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.expr.ExpressionContext;
import io.jets.dynamodb.local.internal.expr.ReadValues;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * PutItem, UpdateItem and DeleteItem run DynamoDB's newer request validation: what it refuses before the table is
 * read — a malformed value wherever it sits, placeholders without an expression or an empty map of them, an empty
 * or malformed expression (update expression errors included), an undefined or unused placeholder, an empty set, a
 * malformed Expected condition, expression and legacy parameters mixed, a ReturnValues the operation does not take —
 * comes inside the {@code 1 validation error detected: } envelope, and the ExpressionAttributeValues-without-expression
 * message names no expression. The key schema checks that follow are reported bare.
 *
 * <pre>{@code
 * Update update = RequestValidation.enveloped(() -> expressions.update());
 * }</pre>
 */
final class RequestValidation {

    private static final String ENVELOPE = "1 validation error detected: ";
    private static final Pattern ALREADY_ENVELOPED =
            Pattern.compile("^\\d+ validation errors? detected: .*", Pattern.DOTALL);
    private static final String VALUES_WITHOUT_EXPRESSION =
            "ExpressionAttributeValues can only be specified when using expressions";

    private RequestValidation() {
    }

    static <T> T enveloped(Supplier<T> validation) {
        try {
            return validation.get();
        } catch (ApiException e) {
            throw envelope(e);
        }
    }

    static void enveloped(Runnable validation) {
        enveloped(() -> {
            validation.run();
            return null;
        });
    }

    /**
     * Checks, in the newer wording, the values of the parameters besides the item or key: the
     * ExpressionAttributeValues, and the Values of Expected and AttributeUpdates.
     */
    static void checkParameterValues(JsonNode request) {
        JsonNode values = request.get("ExpressionAttributeValues");
        if (ExpressionContext.wellFormedValueKeys(values)) {
            ReadValues.check(values);
        }
        ReadValues.checkConditions(request.get("Expected"));
        ReadValues.checkConditions(request.get("AttributeUpdates"));
    }

    private static ApiException envelope(ApiException e) {
        String message = e.getMessage();
        boolean validation = e.type().endsWith("#ValidationException");
        if (!validation || message == null || ALREADY_ENVELOPED.matcher(message).matches()) {
            return e;
        }
        if (message.startsWith(VALUES_WITHOUT_EXPRESSION)) {
            message = VALUES_WITHOUT_EXPRESSION;
        }
        return ApiException.validation(ENVELOPE + message);
    }
}
