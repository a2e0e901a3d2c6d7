package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.expr.ExpressionContext;
import io.jets.dynamodb.local.internal.expr.ReadValues;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * PutItem, UpdateItem and DeleteItem run DynamoDB's newer request validation: what it refuses before the table is
 * read — a malformed value wherever it sits, placeholders without an expression or an empty map of them, an empty
 * or malformed expression, an undefined or unused placeholder, a malformed Expected condition, a ReturnValues the
 * operation does not take — comes inside the {@code 1 validation error detected: } envelope, and the
 * ExpressionAttributeValues-without-expression message names no expression. The key schema checks that follow are
 * reported bare, as are the errors only ever seen bare: update expression errors, unused placeholders and empty sets.
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
    /**
     * The envelope is still rolling out region by region. These errors have only been seen bare (moto's checks run
     * against DynamoDB pin them exactly; the captures that pin the envelope for the others accept either form for
     * these), so they stay bare.
     */
    private static final List<String> SEEN_BARE = List.of(
            "Invalid UpdateExpression: ",
            "Value provided in ExpressionAttributeNames unused in expressions",
            "Value provided in ExpressionAttributeValues unused in expressions",
            "One or more parameter values were invalid: An string set  may not be empty",
            "One or more parameter values were invalid: An number set  may not be empty",
            "One or more parameter values were invalid: Binary sets should not be empty");

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
        // the expression/legacy mix is refused by an earlier check, outside the envelope
        if (!validation || message == null || ALREADY_ENVELOPED.matcher(message).matches()
                || message.startsWith("Can not use both expression and non-expression parameters")
                || SEEN_BARE.stream().anyMatch(message::startsWith)) {
            return e;
        }
        if (message.startsWith(VALUES_WITHOUT_EXPRESSION)) {
            message = VALUES_WITHOUT_EXPRESSION;
        }
        return ApiException.validation(ENVELOPE + message);
    }
}
