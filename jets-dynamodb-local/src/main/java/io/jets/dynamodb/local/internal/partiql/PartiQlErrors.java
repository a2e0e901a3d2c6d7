package io.jets.dynamodb.local.internal.partiql;

import io.jets.dynamodb.local.internal.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors as PartiQL reports them. Statements run through the expression engine, whose messages carry the name of
 * the request parameter they came from; DynamoDB's PartiQL messages do not, so those prefixes come off here.
 */
final class PartiQlErrors {

    private static final Pattern PREFIXED = Pattern.compile(
            "Invalid (?:FilterExpression|ConditionExpression|UpdateExpression|ProjectionExpression): (.*)",
            Pattern.DOTALL);
    private static final Pattern INVALID_VALUE = Pattern.compile(
            "ExpressionAttributeValues contains invalid value: (.*) for key :v\\d+", Pattern.DOTALL);

    private PartiQlErrors() {
    }

    static ApiException plain(ApiException error) {
        String message = error.getMessage();
        if (message == null || !error.type().endsWith("#ValidationException")) {
            return error;
        }
        for (Pattern pattern : new Pattern[] {PREFIXED, INVALID_VALUE}) {
            Matcher matcher = pattern.matcher(message);
            if (matcher.matches()) {
                return new ApiException(error.type(), matcher.group(1), error.status(), error.details());
            }
        }
        return error;
    }

    /** The error code of a BatchExecuteStatement response entry, e.g. {@code ValidationError}. */
    static String code(ApiException error) {
        String name = error.type().substring(error.type().indexOf('#') + 1);
        return name.equals("ValidationException") ? "ValidationError" : name.replace("Exception", "");
    }
}
